package io.microcent.invoicing.automation;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeferredAcksTest {

    @Test
    void outside_a_batch_nothing_is_deferred_so_a_publisher_waits_at_once() {
        assertThat(DeferredAcks.defer(CompletableFuture.completedFuture(null))).isFalse();
    }

    @Test
    void a_batch_waits_for_every_acknowledgement_before_it_returns() {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        AtomicBoolean deferred = new AtomicBoolean();
        CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> ack.complete(null));
        DeferredAcks.awaitedWithin(() -> deferred.set(DeferredAcks.defer(ack)));
        assertThat(deferred).isTrue();
        assertThat(ack).isDone();
        assertThat(DeferredAcks.defer(CompletableFuture.completedFuture(null))).as("the scope ended").isFalse();
    }

    @Test
    void a_failed_acknowledgement_fails_the_batch_so_its_transaction_rolls_back() {
        assertThatThrownBy(() -> DeferredAcks.awaitedWithin(() -> {
            DeferredAcks.defer(CompletableFuture.completedFuture(null));
            DeferredAcks.defer(CompletableFuture.failedFuture(new IllegalStateException("broker down")));
        })).isInstanceOf(InvoiceNotPublished.class).hasRootCauseMessage("broker down");
    }
}
