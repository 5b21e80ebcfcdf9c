package io.microcent.rating.pricebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real LiteLLM catalog of the test resources ({@code pricebook/litellm-model-prices.json}, see its README). */
public final class RealCatalog {

    private RealCatalog() {
    }

    public static byte[] bytes() {
        try (InputStream in = RealCatalog.class.getResourceAsStream("/pricebook/litellm-model-prices.json")) {
            if (in == null) {
                throw new IllegalStateException("pricebook/litellm-model-prices.json is missing from the test resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
