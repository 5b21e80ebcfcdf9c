package io.microcent.ingest.providers;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.ingest.events.FieldReader;
import io.microcent.ingest.events.TokenCounts;

import java.util.List;

/**
 * Gemini {@code usageMetadata} (Gemini API and Vertex AI, REST field names):
 * <ul>
 *   <li>{@code promptTokenCount} <em>includes</em> {@code cachedContentTokenCount}, which is taken out
 *       of input and counted as cache reads;</li>
 *   <li>{@code toolUsePromptTokenCount} (prompts of built-in tools) is outside the prompt count and
 *       billed as input;</li>
 *   <li>{@code thoughtsTokenCount} is outside {@code candidatesTokenCount} and billed as output.</li>
 * </ul>
 * ({@code totalTokenCount} = prompt + tool-use prompt + candidates + thoughts.) Gemini writes context
 * caches through a separate API, never while generating, so there are no cache writes here.
 */
public final class GeminiUsageAdapter implements ProviderUsageAdapter {

    @Override
    public List<String> providers() {
        return List.of("gemini", "google");
    }

    @Override
    public String responseUsageField() {
        return "usageMetadata";
    }

    @Override
    public List<String> countFields() {
        return List.of("promptTokenCount", "candidatesTokenCount", "cachedContentTokenCount", "thoughtsTokenCount",
                "toolUsePromptTokenCount");
    }

    @Override
    public TokenCounts read(JsonNode usage, FieldReader fields) {
        long prompt = fields.quantity(usage, "promptTokenCount", 0);
        long cached = fields.quantity(usage, "cachedContentTokenCount", 0);
        long toolUsePrompt = fields.quantity(usage, "toolUsePromptTokenCount", 0);
        long candidates = fields.quantity(usage, "candidatesTokenCount", 0);
        long thoughts = fields.quantity(usage, "thoughtsTokenCount", 0);
        long uncachedPrompt = ProviderUsageAdapter.excluding(prompt, cached, "promptTokenCount",
                "cachedContentTokenCount", fields);
        return new TokenCounts(uncachedPrompt + toolUsePrompt, candidates + thoughts, cached, 0);
    }
}
