package io.microcent.rating.pricebook;

import io.microcent.rating.pricebook.litellm.LiteLlmCatalog;
import io.microcent.rating.pricebook.litellm.ParsedCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The price book a fresh installation starts with: the LiteLLM catalog shipped in this jar
 * ({@value #RESOURCE}, source and license beside it), loaded once, on the first start whose price book was
 * never initialised ({@code PriceBookWriter.loadDefaultsOnce}). Without it every cost would be zero until an
 * operator found a catalog to import.
 */
public final class DefaultPriceBook {

    static final String RESOURCE = "/pricebook/litellm-model-prices.json";

    /**
     * When the default prices take effect: long before any usage Microcent can be sent. Usage is priced by its
     * event time, and ingest takes back-dated usage of every period still open, so a later instant would leave
     * such usage unpriced. A catalog imported later takes effect from its own {@code effectiveFrom} on.
     */
    public static final Instant EFFECTIVE_FROM = Instant.parse("2000-01-01T00:00:00Z");

    private DefaultPriceBook() {
    }

    public static ParsedCatalog catalog() {
        return LiteLlmCatalog.parse(bytes());
    }

    /** The catalog file as shipped. */
    public static byte[] bytes() {
        try (InputStream in = DefaultPriceBook.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the rating-service jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }
}
