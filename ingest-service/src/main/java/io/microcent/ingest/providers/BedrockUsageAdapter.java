package io.microcent.ingest.providers;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.ingest.events.FieldReader;
import io.microcent.ingest.events.TokenCounts;

import java.util.List;

/**
 * Amazon Bedrock Converse usage: {@code inputTokens}, {@code outputTokens}, {@code cacheReadInputTokens},
 * {@code cacheWriteInputTokens}. {@code inputTokens} <em>excludes</em> both cache counts (recorded
 * responses: input + output + cache read + cache write = {@code totalTokens}), so they map one to one;
 * {@code totalTokens} is never used. {@code outputTokens} includes reasoning tokens.
 */
public final class BedrockUsageAdapter implements ProviderUsageAdapter {

    @Override
    public List<String> providers() {
        return List.of("bedrock");
    }

    @Override
    public String responseUsageField() {
        return "usage";
    }

    @Override
    public List<String> countFields() {
        return List.of("inputTokens", "outputTokens", "cacheReadInputTokens", "cacheWriteInputTokens");
    }

    @Override
    public TokenCounts read(JsonNode usage, FieldReader fields) {
        return new TokenCounts(
                fields.quantity(usage, "inputTokens", 0),
                fields.quantity(usage, "outputTokens", 0),
                fields.quantity(usage, "cacheReadInputTokens", 0),
                fields.quantity(usage, "cacheWriteInputTokens", 0));
    }
}
