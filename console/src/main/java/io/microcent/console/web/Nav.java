package io.microcent.console.web;

import java.util.List;

/** The console's sections, in the sidebar's order; a page names the one it belongs to. */
public enum Nav {
    OVERVIEW("Overview", "/console"),
    USAGE("Usage", "/console/usage"),
    ANALYTICS("Analytics", "/console/analytics"),
    CUSTOMERS("Customers", "/console/customers"),
    INVOICES("Invoices", "/console/invoices"),
    PLANS("Plans", "/console/plans"),
    COUPONS("Coupons", "/console/coupons"),
    PRICE_BOOK("Price book", "/console/price-book"),
    CAPS("Caps", "/console/caps"),
    API_KEYS("API keys", "/console/api-keys"),
    WEBHOOKS("Webhooks", "/console/webhooks"),
    DEAD_LETTERS("Dead letters", "/console/dead-letters");

    private final String label;
    private final String path;

    Nav(String label, String path) {
        this.label = label;
        this.path = path;
    }

    public String label() {
        return label;
    }

    public String path() {
        return path;
    }

    public static List<Nav> all() {
        return List.of(values());
    }
}
