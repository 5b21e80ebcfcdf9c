package io.microcent.invoicing.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.StripeCollection;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerSearchParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceFinalizeInvoiceParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoiceLineItemListParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.InvoiceRetrieveParams;
import io.microcent.invoicing.stripe.StripeSyncRows.SyncLine;
import io.microcent.invoicing.stripe.StripeSyncRows.SyncRow;
import io.microcent.model.id.CustomerId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Stripe requests of the sync, on stripe-java's {@link StripeClient}. Every request carries an idempotency
 * key derived from our ids ({@link StripeKeys}): stripe-java would otherwise send a random one, and a retry after a
 * lost answer would create a second object. stripe-java's own retries are off: the worker retries, with persisted
 * backoff and keys of a new version after a failure.
 */
final class StripeCalls {

    static final String INVOICE_METADATA = "microcent_invoice_id";
    static final String CUSTOMER_METADATA = "microcent_customer_id";
    static final String PERIOD_METADATA = "microcent_period";
    static final String LINE_METADATA = "microcent_line";
    private static final long PAGE = 100;

    private final StripeClient client;

    StripeCalls(String apiKey, String apiBase) {
        this.client = StripeClient.builder()
                .setApiKey(apiKey)
                .setApiBase(apiBase)
                .setMaxNetworkRetries(0)
                .setConnectTimeout(10_000)
                .setReadTimeout(30_000)
                .build();
    }

    Customer createCustomer(CustomerId customer, StripeCustomerDetails.Details details, String key) throws StripeCallFailed {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder()
                .setName(details.name())
                .putMetadata(CUSTOMER_METADATA, customer.raw());
        if (details.email() != null) {
            params.setEmail(details.email());
        }
        return call("creating the Stripe customer", () -> client.customers().create(params.build(), options(key)));
    }

    /** The Stripe customer created for {@code customer} earlier, if Stripe's search finds it. */
    Optional<Customer> findCustomer(CustomerId customer, String key) throws StripeCallFailed {
        // customer ids are slugs (letters, digits, . _ : -): nothing to escape in the query
        CustomerSearchParams params = CustomerSearchParams.builder()
                .setQuery("metadata['" + CUSTOMER_METADATA + "']:'" + customer.raw() + "'").setLimit(1L).build();
        return call("looking up the Stripe customer", () -> client.customers().search(params, options(key)))
                .getData().stream().findFirst();
    }

    /** The Stripe invoice made for our invoice earlier, among the Stripe customer's invoices. */
    Optional<Invoice> findInvoice(SyncRow row, String key) throws StripeCallFailed {
        String after = null;
        while (true) {
            InvoiceListParams.Builder params = InvoiceListParams.builder().setCustomer(row.stripeCustomerId()).setLimit(PAGE);
            if (after != null) {
                params.setStartingAfter(after);
            }
            StripeCollection<Invoice> page = call("looking up the Stripe invoice", () -> client.invoices().list(params.build(), options(key)));
            for (Invoice invoice : page.getData()) {
                if (row.invoice().raw().equals(invoice.getMetadata() == null ? null : invoice.getMetadata().get(INVOICE_METADATA))) {
                    return Optional.of(invoice);
                }
            }
            if (!Boolean.TRUE.equals(page.getHasMore()) || page.getData().isEmpty()) {
                return Optional.empty();
            }
            after = page.getData().getLast().getId();
        }
    }

    Invoice createInvoice(SyncRow row, String key) throws StripeCallFailed {
        InvoiceCreateParams params = InvoiceCreateParams.builder()
                .setCustomer(row.stripeCustomerId())
                .setAutoAdvance(false)
                .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.EXCLUDE)
                .setCollectionMethod(InvoiceCreateParams.CollectionMethod.CHARGE_AUTOMATICALLY)
                .setCurrency("usd")
                .putMetadata(INVOICE_METADATA, row.invoice().raw())
                .putMetadata(CUSTOMER_METADATA, row.customer().raw())
                .putMetadata(PERIOD_METADATA, row.period())
                .build();
        return call("creating the Stripe invoice", () -> client.invoices().create(params, options(key)));
    }

    Invoice retrieveInvoice(String stripeInvoiceId, String key) throws StripeCallFailed {
        return call("reading the Stripe invoice", () -> client.invoices().retrieve(stripeInvoiceId,
                InvoiceRetrieveParams.builder().build(), options(key)));
    }

    /** Line index → Stripe invoice item id, of the items already on the Stripe invoice. */
    Map<Integer, String> itemsOnInvoice(String stripeInvoiceId, String key) throws StripeCallFailed {
        Map<Integer, String> items = new HashMap<>();
        String after = null;
        while (true) {
            InvoiceLineItemListParams.Builder params = InvoiceLineItemListParams.builder().setLimit(PAGE);
            if (after != null) {
                params.setStartingAfter(after);
            }
            StripeCollection<InvoiceLineItem> page = call("looking up the Stripe invoice's items",
                    () -> client.invoices().lineItems().list(stripeInvoiceId, params.build(), options(key)));
            for (InvoiceLineItem line : page.getData()) {
                String index = line.getMetadata() == null ? null : line.getMetadata().get(LINE_METADATA);
                if (index != null && index.matches("[0-9]{1,6}")) {
                    items.put(Integer.parseInt(index), itemId(line));
                }
            }
            if (!Boolean.TRUE.equals(page.getHasMore()) || page.getData().isEmpty()) {
                return items;
            }
            after = page.getData().getLast().getId();
        }
    }

    InvoiceItem createItem(SyncRow row, String stripeInvoiceId, SyncLine line, String key) throws StripeCallFailed {
        InvoiceItemCreateParams params = InvoiceItemCreateParams.builder()
                .setCustomer(row.stripeCustomerId())
                .setInvoice(stripeInvoiceId)
                .setAmount(line.amountCents())
                .setCurrency("usd")
                .setDescription(line.description())
                .putMetadata(INVOICE_METADATA, row.invoice().raw())
                .putMetadata(LINE_METADATA, Integer.toString(line.index()))
                .build();
        return call("creating the Stripe invoice item of line " + line.index(), () -> client.invoiceItems().create(params, options(key)));
    }

    /**
     * Finalizes the draft and hands it to Stripe's collection: the draft was created with {@code auto_advance=false}
     * so that Stripe could not finalize it before all items were on it; once final, Stripe charges it on its own.
     */
    Invoice finalizeInvoice(String stripeInvoiceId, String key) throws StripeCallFailed {
        InvoiceFinalizeInvoiceParams params = InvoiceFinalizeInvoiceParams.builder().setAutoAdvance(true).build();
        return call("finalizing the Stripe invoice", () -> client.invoices().finalizeInvoice(stripeInvoiceId, params, options(key)));
    }

    private static String itemId(InvoiceLineItem line) {
        if (line.getParent() != null && line.getParent().getInvoiceItemDetails() != null
                && line.getParent().getInvoiceItemDetails().getInvoiceItem() != null) {
            return line.getParent().getInvoiceItemDetails().getInvoiceItem();
        }
        return line.getId();
    }

    private static RequestOptions options(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    @FunctionalInterface
    private interface Request<T> {
        T send() throws StripeException;
    }

    private static <T> T call(String what, Request<T> request) throws StripeCallFailed {
        try {
            return request.send();
        } catch (StripeException e) {
            throw StripeCallFailed.of(what, e);
        }
    }
}
