package io.microcent.ingest.providers;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.ingest.events.FieldReader;
import io.microcent.ingest.events.FieldReasons;
import io.microcent.ingest.events.TokenCounts;
import io.microcent.model.usage.UsageLimits;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The provider usage adapters by provider name, and what reading any provider's usage object takes
 * beyond the adapter itself: finding the usage object inside a whole response, recognising that the
 * object is this provider's at all, and keeping the results within range.
 */
public final class ProviderUsageAdapters {

    private final Map<String, ProviderUsageAdapter> byProvider = new TreeMap<>();

    public ProviderUsageAdapters(List<ProviderUsageAdapter> adapters) {
        for (ProviderUsageAdapter adapter : adapters) {
            for (String provider : adapter.providers()) {
                if (byProvider.put(provider, adapter) != null) {
                    throw new IllegalArgumentException("two usage adapters for provider " + provider);
                }
            }
        }
    }

    /** OpenAI, Anthropic, Gemini (also as {@code google}) and Bedrock. */
    public static ProviderUsageAdapters standard() {
        return new ProviderUsageAdapters(List.of(new OpenAiUsageAdapter(), new AnthropicUsageAdapter(),
                new GeminiUsageAdapter(), new BedrockUsageAdapter()));
    }

    /** The adapter for {@code provider}, compared without regard to case. */
    public Optional<ProviderUsageAdapter> forProvider(String provider) {
        return Optional.ofNullable(byProvider.get(provider.toLowerCase(Locale.ROOT)));
    }

    /** Every provider name with an adapter, sorted. */
    public List<String> providers() {
        return List.copyOf(byProvider.keySet());
    }

    /**
     * The token counts of {@code sent}, which is either the provider's usage object or its whole
     * response with the usage object inside (in the adapter's {@link ProviderUsageAdapter#responseUsageField()}).
     *
     * @param fields names problems inside {@code sent}
     */
    public TokenCounts read(ProviderUsageAdapter adapter, JsonNode sent, FieldReader fields) {
        JsonNode usage = sent;
        FieldReader usageFields = fields;
        JsonNode inner = sent.get(adapter.responseUsageField());
        if (inner != null && inner.isObject()) {
            usage = inner;
            usageFields = fields.nested(adapter.responseUsageField());
        }
        if (adapter.countFields().stream().noneMatch(usage::has)) {
            usageFields.errorOfWhole(FieldReasons.UNRECOGNIZED_USAGE, "not a " + adapter.providers().getFirst()
                    + " usage object (or response with one in '" + adapter.responseUsageField() + "'): it has none of "
                    + adapter.countFields());
            return TokenCounts.NONE;
        }
        int errorsBefore = usageFields.errorCount();
        TokenCounts tokens = adapter.read(usage, usageFields);
        if (usageFields.errorCount() > errorsBefore) {
            return TokenCounts.NONE;
        }
        return withinRange(tokens, usageFields);
    }

    /** Each count read is in range, but a sum of two (Gemini's output + thoughts) may not be. */
    private static TokenCounts withinRange(TokenCounts tokens, FieldReader usageFields) {
        long largest = Math.max(Math.max(tokens.inputTokens(), tokens.outputTokens()),
                Math.max(tokens.cacheReadTokens(), tokens.cacheWriteTokens()));
        if (largest > UsageLimits.MAX_TOKENS_PER_FIELD) {
            usageFields.errorOfWhole(FieldReasons.TOO_LARGE,
                    "a token count of this usage object adds up to more than " + UsageLimits.MAX_TOKENS_PER_FIELD);
            return TokenCounts.NONE;
        }
        return tokens;
    }
}
