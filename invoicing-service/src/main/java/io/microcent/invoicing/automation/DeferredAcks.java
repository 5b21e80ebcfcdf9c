package io.microcent.invoicing.automation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Lets a batch of commands in one database transaction (period close) wait for the Kafka acknowledgements of
 * what they published once, just before the batch commits, instead of one round trip per record. The guarantee
 * is the same: nothing commits that Kafka has not acknowledged, as a failed acknowledgement fails the batch.
 * Outside such a scope, a publisher waits at once.
 */
public final class DeferredAcks {

    private static final ThreadLocal<List<Future<?>>> PENDING = new ThreadLocal<>();

    private DeferredAcks() {
    }

    /** Keeps {@code ack} for the current scope and answers true, or answers false when there is none. */
    static boolean defer(Future<?> ack) {
        List<Future<?>> pending = PENDING.get();
        if (pending == null) {
            return false;
        }
        pending.add(ack);
        return true;
    }

    /**
     * Runs {@code work} with publishing deferred, then waits for every acknowledgement it left.
     *
     * @throws InvoiceNotPublished when one of them failed
     */
    public static void awaitedWithin(Runnable work) {
        if (PENDING.get() != null) {
            work.run(); // already in a scope: its owner waits
            return;
        }
        List<Future<?>> pending = new ArrayList<>();
        PENDING.set(pending);
        try {
            work.run();
            for (Future<?> ack : pending) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new InvoiceNotPublished("could not publish the invoice notifications of a batch", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvoiceNotPublished("interrupted while publishing the invoice notifications of a batch", e);
        } finally {
            PENDING.remove();
        }
    }
}
