package io.microcent.model.id;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "Acme-Inc", "cus_123", "a.b:c"})
    void accepts_url_safe_customer_ids(String raw) {
        assertThat(CustomerId.of(raw).raw()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-acme", "acme inc", "acme/other", "ünïcode"})
    void refuses_customer_ids_that_would_break_urls(String raw) {
        assertThatThrownBy(() -> CustomerId.of(raw))
                .isInstanceOf(InvalidIdException.class)
                .satisfies(e -> assertThat(((InvalidIdException) e).kind()).isEqualTo("customer"));
    }

    @Test
    void refuses_overlong_ids() {
        assertThatThrownBy(() -> CustomerId.of("a".repeat(129))).hasMessageContaining("at most 128");
        assertThat(CustomerId.of("a".repeat(128)).raw()).hasSize(128);
    }

    @Test
    void model_names_keep_provider_punctuation_but_no_whitespace() {
        assertThat(ModelId.of("anthropic.claude-3-5-sonnet-20240620-v1:0").raw()).contains(":");
        assertThat(ModelId.of("models/gemini-2.5-flash").raw()).contains("/");
        assertThatThrownBy(() -> ModelId.of("gpt 4o")).isInstanceOf(InvalidIdException.class);
    }

    @Test
    void labels_allow_people_names_but_not_control_characters() {
        assertThat(ProjectId.of("Mobile App (iOS)").raw()).isEqualTo("Mobile App (iOS)");
        assertThat(UserId.of("ana@example.com").raw()).isEqualTo("ana@example.com");
        assertThatThrownBy(() -> ProjectId.of("bad\nname")).isInstanceOf(InvalidIdException.class);
    }

    @Test
    void random_api_key_ids_are_prefixed_and_distinct() {
        ApiKeyId first = ApiKeyId.random();
        assertThat(first.raw()).matches("key_[0-9a-f]{16}");
        assertThat(ApiKeyId.random()).isNotEqualTo(first);
    }
}
