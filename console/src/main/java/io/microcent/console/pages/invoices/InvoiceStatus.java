package io.microcent.console.pages.invoices;

import java.util.List;

/** The invoice statuses and Stripe sync statuses the invoicing API filters on, with the words the pages use. */
public final class InvoiceStatus {

    /** A status tab: the API's value ({@code ""} for all) and its label. */
    public record Option(String value, String label) {
    }

    public static final List<Option> STATUSES = List.of(
            new Option("", "All"), new Option("draft", "Draft"), new Option("finalized", "Finalized"),
            new Option("paid", "Paid"), new Option("payment_failed", "Payment failed"), new Option("void", "Void"),
            new Option("uncollectible", "Uncollectible"));

    public static final List<Option> STRIPE_STATUSES = List.of(
            new Option("", "Any"), new Option("off", "Off"), new Option("pending", "Pending"), new Option("synced", "Synced"),
            new Option("failed", "Failed"), new Option("not_required", "Not required"));

    private InvoiceStatus() {
    }

    public static String label(String status) {
        return STATUSES.stream().filter(o -> o.value().equals(status)).map(Option::label).findFirst()
                .orElse(status.isEmpty() ? "" : Character.toUpperCase(status.charAt(0)) + status.substring(1).replace('_', ' '));
    }

    public static String stripeLabel(String status) {
        return STRIPE_STATUSES.stream().filter(o -> o.value().equals(status)).map(Option::label).findFirst().orElse(status);
    }

    static boolean isStatus(String value) {
        return STATUSES.stream().anyMatch(o -> o.value().equals(value));
    }

    static boolean isStripeStatus(String value) {
        return STRIPE_STATUSES.stream().anyMatch(o -> o.value().equals(value));
    }
}
