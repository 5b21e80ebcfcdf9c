package io.microcent.invoicing.stripe;

import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.model.id.CustomerId;

/**
 * The idempotency keys of every Stripe request, derived from our ids and a version: the same step of the same
 * invoice sends the same key until a pass fails, so an answer lost to a crash is replayed by Stripe instead of
 * repeated; after a failure the version goes up, because Stripe replays a stored error (even a 500) under the old one.
 * Read requests carry keys too (Stripe ignores them), so every request Stripe sees names what it is for.
 */
final class StripeKeys {

    private StripeKeys() {
    }

    static String customer(CustomerId customer, int version) {
        return "microcent:customer:" + customer.raw() + ":v" + version;
    }

    static String customerLookup(CustomerId customer, int version) {
        return "microcent:customer:" + customer.raw() + ":lookup:v" + version;
    }

    static String invoice(InvoiceId invoice, int version) {
        return "microcent:" + invoice.raw() + ":invoice:v" + version;
    }

    static String lookup(InvoiceId invoice, String what, int version) {
        return "microcent:" + invoice.raw() + ":lookup-" + what + ":v" + version;
    }

    static String item(InvoiceId invoice, int line, int version) {
        return "microcent:" + invoice.raw() + ":item:" + line + ":v" + version;
    }

    static String finalize(InvoiceId invoice, int version) {
        return "microcent:" + invoice.raw() + ":finalize:v" + version;
    }
}
