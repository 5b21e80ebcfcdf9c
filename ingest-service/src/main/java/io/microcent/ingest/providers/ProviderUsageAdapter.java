package io.microcent.ingest.providers;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.ingest.events.FieldReader;
import io.microcent.ingest.events.FieldReasons;
import io.microcent.ingest.events.TokenCounts;

import java.util.List;

/**
 * Turns one provider's own usage object into Microcent's {@link TokenCounts}. Providers disagree on
 * what their counts include (OpenAI's and Gemini's prompt counts include cached tokens, Anthropic's
 * and Bedrock's do not; Gemini counts thinking apart from output): each adapter knows its provider's
 * rules, so that every event leaves ingest counted the same way.
 */
public interface ProviderUsageAdapter {

    /** The provider names (lowercase) this adapter reads usage for; the first is the usual one. */
    List<String> providers();

    /** The field of the provider's whole response that holds the usage object ({@code usage}, or Gemini's {@code usageMetadata}). */
    String responseUsageField();

    /** The top-level counts of a usage object; an object with none of them is not this provider's. */
    List<String> countFields();

    /**
     * The token counts of {@code usage} (the usage object itself, never the whole response). Problems
     * are reported to {@code fields}, which names them inside the usage object.
     */
    TokenCounts read(JsonNode usage, FieldReader fields);

    /**
     * {@code total − part}, for counts where the provider includes {@code part} in {@code total}
     * (e.g. cached tokens in prompt tokens). A part larger than its total is reported, not billed as a
     * negative count.
     */
    static long excluding(long total, long part, String totalField, String partFields, FieldReader fields) {
        if (part > total) {
            fields.error(totalField, FieldReasons.INCONSISTENT_USAGE, fields.path(totalField) + " (" + total
                    + ") includes " + partFields + " (" + part + ") and cannot be smaller");
            return 0;
        }
        return total - part;
    }
}
