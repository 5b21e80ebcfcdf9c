package io.microcent.ingest.providers;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.ingest.events.FieldReader;
import io.microcent.ingest.events.TokenCounts;

import java.util.List;

/**
 * OpenAI usage, of both APIs:
 * <ul>
 *   <li>Chat Completions: {@code prompt_tokens}, {@code prompt_tokens_details.cached_tokens} and
 *       {@code .cache_write_tokens}, {@code completion_tokens} (with {@code completion_tokens_details.reasoning_tokens});</li>
 *   <li>Responses: {@code input_tokens}, {@code input_tokens_details.cached_tokens} and
 *       {@code .cache_write_tokens}, {@code output_tokens} (with {@code output_tokens_details.reasoning_tokens}).</li>
 * </ul>
 * The prompt (input) count <em>includes</em> cached tokens and tokens written to the cache, so they are
 * taken out of input. Reasoning tokens are already inside the completion (output) count and are
 * billed as output, so they are not added again.
 */
public final class OpenAiUsageAdapter implements ProviderUsageAdapter {

    private static final Shape CHAT_COMPLETIONS = new Shape("prompt_tokens", "prompt_tokens_details", "completion_tokens");
    private static final Shape RESPONSES = new Shape("input_tokens", "input_tokens_details", "output_tokens");

    @Override
    public List<String> providers() {
        return List.of("openai");
    }

    @Override
    public String responseUsageField() {
        return "usage";
    }

    @Override
    public List<String> countFields() {
        return List.of(CHAT_COMPLETIONS.input, CHAT_COMPLETIONS.output, RESPONSES.input, RESPONSES.output);
    }

    @Override
    public TokenCounts read(JsonNode usage, FieldReader fields) {
        Shape shape = usage.has(CHAT_COMPLETIONS.input) || usage.has(CHAT_COMPLETIONS.output) ? CHAT_COMPLETIONS : RESPONSES;
        return shape.read(usage, fields);
    }

    /** The two APIs name the same counts differently. */
    private record Shape(String input, String inputDetails, String output) {

        TokenCounts read(JsonNode usage, FieldReader fields) {
            long prompt = fields.quantity(usage, input, 0);
            long cacheRead = fields.quantity(usage, inputDetails + ".cached_tokens", 0);
            long cacheWrite = fields.quantity(usage, inputDetails + ".cache_write_tokens", 0);
            long completion = fields.quantity(usage, output, 0);
            long uncached = ProviderUsageAdapter.excluding(prompt, cacheRead + cacheWrite, input,
                    inputDetails + ".cached_tokens + cache_write_tokens", fields);
            return new TokenCounts(uncached, completion, cacheRead, cacheWrite);
        }
    }
}
