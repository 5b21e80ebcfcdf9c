package io.microcent.ingest.providers;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.ingest.events.FieldReader;
import io.microcent.ingest.events.TokenCounts;
import io.microcent.model.error.FieldError;
import io.microcent.model.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads provider usage in tests: the real payloads under {@code payloads/llm/}, through the standard adapters. */
final class UsageReading {

    static final ProviderUsageAdapters ADAPTERS = ProviderUsageAdapters.standard();

    private UsageReading() {
    }

    /** What reading {@code sent} (a usage object or a whole response) as {@code provider}'s usage gave. */
    record Result(TokenCounts tokens, List<FieldError> errors) {
    }

    static Result read(String provider, JsonNode sent) {
        List<FieldError> errors = new ArrayList<>();
        ProviderUsageAdapter adapter = ADAPTERS.forProvider(provider).orElseThrow();
        TokenCounts tokens = ADAPTERS.read(adapter, sent, new FieldReader(null, errors).nested("usage"));
        return new Result(tokens, errors);
    }

    /** The token counts of a real response file, read as the whole response and as its usage object only; both must agree. */
    static TokenCounts readPayload(String provider, String file) {
        JsonNode response = payload(file);
        Result whole = read(provider, response);
        String usageField = ADAPTERS.forProvider(provider).orElseThrow().responseUsageField();
        Result usageOnly = read(provider, response.get(usageField));
        if (!whole.errors().isEmpty() || !usageOnly.errors().isEmpty()) {
            throw new AssertionError(file + " was not read cleanly: " + whole.errors() + " " + usageOnly.errors());
        }
        if (!whole.tokens().equals(usageOnly.tokens())) {
            throw new AssertionError(file + ": whole response " + whole.tokens() + " but usage object " + usageOnly.tokens());
        }
        return whole.tokens();
    }

    static JsonNode payload(String file) {
        try (InputStream in = UsageReading.class.getResourceAsStream("/payloads/llm/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload " + file);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long sum(TokenCounts tokens) {
        return tokens.inputTokens() + tokens.outputTokens() + tokens.cacheReadTokens() + tokens.cacheWriteTokens();
    }
}
