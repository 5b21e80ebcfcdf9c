package io.microcent.rating.pricebook;

/** The real LiteLLM catalog rating ships as its default price book ({@link DefaultPriceBook}, see its README). */
public final class RealCatalog {

    private RealCatalog() {
    }

    public static byte[] bytes() {
        return DefaultPriceBook.bytes();
    }
}
