package io.microcent.ingest.providers;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.ingest.events.FieldReader;
import io.microcent.ingest.events.TokenCounts;

import java.util.List;

/**
 * Anthropic Messages usage: {@code input_tokens}, {@code cache_creation_input_tokens},
 * {@code cache_read_input_tokens}, {@code output_tokens}. Anthropic's {@code input_tokens} already
 * <em>excludes</em> both cache buckets, and {@code output_tokens} includes extended-thinking tokens, so
 * the counts map one to one. (Cache writes with a 1-hour lifetime cost more than 5-minute ones; both
 * are counted as cache writes here.)
 */
public final class AnthropicUsageAdapter implements ProviderUsageAdapter {

    @Override
    public List<String> providers() {
        return List.of("anthropic");
    }

    @Override
    public String responseUsageField() {
        return "usage";
    }

    @Override
    public List<String> countFields() {
        return List.of("input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens");
    }

    @Override
    public TokenCounts read(JsonNode usage, FieldReader fields) {
        return new TokenCounts(
                fields.quantity(usage, "input_tokens", 0),
                fields.quantity(usage, "output_tokens", 0),
                fields.quantity(usage, "cache_read_input_tokens", 0),
                fields.quantity(usage, "cache_creation_input_tokens", 0));
    }
}
