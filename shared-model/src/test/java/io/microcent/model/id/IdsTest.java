package io.microcent.model.id;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

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

    @ParameterizedTest
    @ValueSource(strings = {"x\ud800", "x\ud801", "\udc00x", "x\udbff\u0041", "x\u0000", "nul\u0000", "a\tb", "a\rb",
            "x\u007f", "x\u0085", "x\u009f", "x\u2028", "x\u2029", "x\u202a", "x\u202e", "x\u2066", "x\u2069",
            "\u0000"})
    void every_rule_refuses_malformed_unicode_control_separator_and_bidi_characters(String raw) {
        for (IdRule rule : IdRule.values()) {
            assertThatThrownBy(() -> rule.check("project", raw))
                    .as("%s of %s", rule, raw.chars().boxed().toList())
                    .isInstanceOf(InvalidIdException.class)
                    .satisfies(e -> assertThat(((InvalidIdException) e).kind()).isEqualTo("project"));
        }
    }

    @Test
    void lone_surrogates_no_longer_collide_with_their_utf8_replacement() {
        // encoded as UTF-8 (Kafka keys, PostgreSQL), all three were "x?": a real event dropped as a duplicate
        assertThat(EventId.of("x?").raw()).isEqualTo("x?");
        assertThatThrownBy(() -> EventId.of("x\ud800")).hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> EventId.of("x\ud801")).hasMessageContaining("lone surrogate");
    }

    @Test
    void a_label_with_one_control_character_among_printable_ones_is_refused() {
        // the old pattern let one control character through where it demanded a non-blank one
        assertThatThrownBy(() -> ProjectId.of("a\u0000b")).isInstanceOf(InvalidIdException.class);
        assertThatThrownBy(() -> UserId.of("ann\u0001")).isInstanceOf(InvalidIdException.class);
    }

    @Test
    void the_reason_names_a_refused_character_by_its_code_point_never_by_itself() {
        assertThatThrownBy(() -> TeamId.of("core\nINFO forged log line"))
                .isInstanceOfSatisfying(InvalidIdException.class, e -> {
                    assertThat(e.reason()).contains("U+000A").doesNotContain("\n").doesNotContain("forged");
                });
    }

    @Test
    void well_formed_text_beyond_ascii_is_kept() {
        assertThat(ProjectId.of("Ünïcode 😀 项目").raw()).isEqualTo("Ünïcode 😀 项目");
        assertThat(ModelId.of("模型-😀").raw()).isEqualTo("模型-😀");
        assertThat(UserId.of("ana\u00a0maría").raw()).contains("\u00a0");
    }

    @Test
    void tokens_refuse_every_kind_of_whitespace() {
        for (String raw : List.of("gpt 4o", "gpt\u00a04o", "gpt\u30004o", "gpt\u20034o")) {
            assertThatThrownBy(() -> ModelId.of(raw)).as(raw).isInstanceOf(InvalidIdException.class);
        }
    }

    @Test
    void lengths_count_utf16_units_and_a_caller_may_ask_for_a_shorter_limit() {
        assertThat(ProjectId.of("😀".repeat(100)).raw()).hasSize(200);
        assertThatThrownBy(() -> ProjectId.of("😀".repeat(100) + "x")).hasMessageContaining("at most 200");
        assertThatThrownBy(() -> IdRule.LABEL.check("name", "k".repeat(101), 100)).hasMessageContaining("at most 100");
        assertThat(IdRule.LABEL.check("name", "k".repeat(100), 100)).hasSize(100);
    }

    @Test
    void slugs_stay_ascii_and_start_with_a_letter_or_digit() {
        assertThat(IdRule.SLUG.check("customer", "a-b.c_d:e")).isEqualTo("a-b.c_d:e");
        for (String raw : List.of(".a", "_a", "a b", "a\u00e9", "a/b", "a\u0000")) {
            assertThatThrownBy(() -> CustomerId.of(raw)).as(raw).isInstanceOf(InvalidIdException.class);
        }
    }

    @Test
    void textFromOutsideIsMadeSafeForOneLogLine() {
        assertThat(IdRule.printable("plain text, ünïcode and 😀")).isEqualTo("plain text, ünïcode and 😀");
        assertThat(IdRule.printable("a\nforged line\u0000\u001b[31m")).isEqualTo("aU+000Aforged lineU+0000U+001B[31m");
        assertThat(IdRule.printable("x\ud800y\u202e")).isEqualTo("xU+D800yU+202E");
    }
}
