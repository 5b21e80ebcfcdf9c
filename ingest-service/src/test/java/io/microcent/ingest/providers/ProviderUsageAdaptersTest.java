package io.microcent.ingest.providers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.microcent.ingest.providers.UsageReading.ADAPTERS;
import static io.microcent.ingest.providers.UsageReading.json;
import static io.microcent.ingest.providers.UsageReading.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProviderUsageAdaptersTest {

    @Test
    void theStandardAdaptersServeTheDocumentedProviderNames() {
        assertThat(ADAPTERS.providers()).containsExactly("anthropic", "bedrock", "gemini", "google", "openai");
        assertThat(ADAPTERS.forProvider("OpenAI")).containsInstanceOf(OpenAiUsageAdapter.class);
        assertThat(ADAPTERS.forProvider("mistral")).isEmpty();
    }

    @Test
    void twoAdaptersForOneProviderAreAMistakeFoundAtStart() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProviderUsageAdapters(List.of(new GeminiUsageAdapter(), new GeminiUsageAdapter())))
                .withMessageContaining("gemini");
    }

    @Test
    void problemsInsideAWholeResponseAreNamedByTheirPathInIt() {
        UsageReading.Result result = read("anthropic", json("""
                {"id":"msg_1","type":"message","usage":{"input_tokens":-3,"output_tokens":1}}"""));

        assertThat(result.errors()).singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("usage.usage.input_tokens"));
    }
}
