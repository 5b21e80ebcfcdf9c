package io.microcent.model.id;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

    @Test
    void the_fast_character_check_decides_every_rule_exactly_as_its_regex() {
        Map<IdRule, Pattern> regexes = Map.of(
                IdRule.SLUG, Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*"),
                IdRule.LABEL, Pattern.compile("[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*"),
                IdRule.TOKEN, Pattern.compile("[^\\p{Cntrl}\\s]+"));
        List<String> ids = List.of("acme", "Acme-1.b_c:d", "-acme", ".x", "a b", " a", "a\u007f", "\u007f",
                "ab\u0001cd", "a\u0001b\u0002", "a\tb", "ünïcode", "gpt-4o", "models/gemini", "😀", "a\u00a0b",
                "\u2028x", "x\u0085", "Mobile App (iOS)", "ana@example.com");
        for (IdRule rule : IdRule.values()) {
            for (String id : ids) {
                boolean expected = regexes.get(rule).matcher(id).matches();
                boolean accepted;
                try {
                    rule.check("id", id);
                    accepted = true;
                } catch (InvalidIdException e) {
                    accepted = false;
                }
                assertThat(accepted).as("%s of %s", rule, id.codePoints().boxed().toList()).isEqualTo(expected);
            }
        }
    }
}
