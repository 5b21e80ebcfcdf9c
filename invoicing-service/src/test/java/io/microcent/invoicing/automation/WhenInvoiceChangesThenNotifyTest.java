package io.microcent.invoicing.automation;

import io.microcent.invoicing.read.invoices.InvoiceRepository;
import io.microcent.invoicing.write.finalizeinvoice.InvoiceFinalized;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.invoice.InvoiceNotification;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.axon.NotPublished;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notification waits for Kafka: an unacknowledged record throws the {@link NotPublished} that rolls the
 * deciding command back (the platform's Axon propagates handler errors; {@code CommandSender} answers 503).
 */
class WhenInvoiceChangesThenNotifyTest {

    private static final CustomerId ACME = CustomerId.of("acme");
    private static final BillingPeriod NOVEMBER = BillingPeriod.parse("2026-11");
    private static final InvoiceId INVOICE = InvoiceId.of(ACME, NOVEMBER, 0);
    private static final Instant AT = Instant.parse("2026-12-03T00:00:01Z");
    private static final InvoiceFinalized FINALIZED = new InvoiceFinalized(INVOICE, ACME, NOVEMBER, List.of(),
            1_050, 0, 1_050, 1_050, 0, AT, false);

    private final MockProducer<CustomerId, InvoiceNotification> producer = new MockProducer<>(false, null,
            Topics.INVOICE_EVENTS.keySerde().serializer(), Topics.INVOICE_EVENTS.valueSerde().serializer());
    // finalization needs no row: the event carries everything
    private final WhenInvoiceChangesThenNotify notify = new WhenInvoiceChangesThenNotify(new InvoiceNotifier(producer),
            (InvoiceRepository) null);

    @Test
    void an_acknowledged_finalization_is_on_the_topic_keyed_by_its_customer() {
        CompletableFuture<Void> handled = CompletableFuture.runAsync(() -> notify.on(FINALIZED));
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);
        assertThat(handled).isNotDone(); // waits for the acknowledgement
        producer.completeNext();
        handled.join();

        var record = producer.history().getFirst();
        assertThat(record.topic()).isEqualTo("invoice.events");
        assertThat(record.key()).isEqualTo(ACME);
        assertThat(record.value()).isEqualTo(InvoiceNotification.of(InvoiceNotification.FINALIZED, INVOICE.raw(), ACME,
                NOVEMBER, "finalized", 1_050, 1_050, AT));
    }

    @Test
    void kafka_not_acknowledging_fails_the_handler_and_so_the_command() {
        CompletableFuture<Void> handled = CompletableFuture.runAsync(() -> notify.on(FINALIZED));
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);
        producer.errorNext(new TimeoutException("no broker"));

        assertThat(handled).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                .havingCause().isInstanceOf(InvoiceNotPublished.class).isInstanceOf(NotPublished.class)
                .withMessageContaining(INVOICE.raw() + ":invoice.finalized");
    }
}
