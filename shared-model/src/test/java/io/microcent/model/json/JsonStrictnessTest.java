package io.microcent.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonStrictnessTest {

    record Amount(long units, BigDecimal price, boolean active, List<Long> parts) {
    }

    @Test
    void aRepeatedKeyIsAnErrorNamingTheKeyAndWhereItIs() {
        JsonReadFailure failure = fail("{\"units\":1,\"parts\":[1],\"units\":2}", Amount.class);
        assertThat(failure.kind()).isEqualTo(JsonReadFailure.Kind.DUPLICATE_KEY);
        assertThat(failure.field()).isEqualTo("units");
        assertThat(failure.detail()).contains("'units'").contains("line 1, column");

        JsonReadFailure nested = fail("{\"a\":[{\"b\":{\"c\":1,\"c\":2}}]}", JsonNode.class);
        assertThat(nested.field()).isEqualTo("a[0].b.c");
    }

    @Test
    void scalarsAreNeverCoerced() {
        assertThat(fail("{\"units\":\"1\"}", Amount.class)).satisfies(f -> {
            assertThat(f.kind()).isEqualTo(JsonReadFailure.Kind.WRONG_TYPE);
            assertThat(f.field()).isEqualTo("units");
            assertThat(f.detail()).isEqualTo("units must be a whole number");
        });
        assertThat(fail("{\"units\":1.5}", Amount.class).field()).isEqualTo("units");
        assertThat(fail("{\"price\":\"1.5\"}", Amount.class).detail()).isEqualTo("price must be a number");
        assertThat(fail("{\"active\":1}", Amount.class).detail()).isEqualTo("active must be true or false");
        assertThat(fail("{\"parts\":[\"1\"]}", Amount.class).field()).isEqualTo("parts[0]");
        assertThat(fail("{\"units\":123456789012345678901234567890}", Amount.class).kind()).isEqualTo(JsonReadFailure.Kind.OUT_OF_RANGE);
    }

    record Named(String name) {
    }

    @Test
    void numbersAndBooleansAreNotText() {
        for (String body : List.of("{\"name\":1}", "{\"name\":1.5}", "{\"name\":true}", "{\"name\":-1}")) {
            JsonReadFailure failure = fail(body, Named.class);
            assertThat(failure.kind()).as(body).isEqualTo(JsonReadFailure.Kind.WRONG_TYPE);
            assertThat(failure.field()).as(body).isEqualTo("name");
        }
    }

    record Positive(long value) {
        Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("must be positive");
            }
        }
    }

    record Holder(Positive amount, java.util.UUID job) {
    }

    @Test
    void ourOwnRefusalsKeepTheirWordsAndALibrarysDoNot() {
        assertThat(fail("{\"amount\":{\"value\":-1}}", Holder.class).detail()).endsWith(": must be positive");
        JsonReadFailure uuid = fail("{\"job\":\"not-a-uuid\"}", Holder.class);
        assertThat(uuid.field()).isEqualTo("job");
        assertThat(uuid.detail()).doesNotContain("UUID string").doesNotContain("java.");
    }

    @Test
    void decimalTextIsReadOnlyWhereAFormatAsksForIt() throws IOException {
        assertThat(Json.decimalTextMapper().readValue("{\"price\":\"0.0025\"}", Amount.class).price()).isEqualByComparingTo("0.0025");
        assertThat(fail("{\"price\":\"0.0025\"}", Amount.class).kind()).isEqualTo(JsonReadFailure.Kind.WRONG_TYPE);
    }

    @Test
    void noFailureNamesALibraryClassOrSetting() {
        List<String> bodies = List.of("[", "{\"units\": x}", "[]", "\"text\"", "{\"units\":1} trailing",
                "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1),
                "{\"parts\":{}}", "{\"units\":[]}", "{\"price\":\"x\"}");
        for (String body : bodies) {
            JsonReadFailure failure = fail(body, body.startsWith("[[") ? JsonNode.class : Amount.class);
            assertThat(failure.detail()).as(body)
                    .doesNotContain("com.").doesNotContain("java.").doesNotContain("io.microcent").doesNotContain("`")
                    .doesNotContain("Exception").doesNotContain("StreamReadConstraints").doesNotContain("JsonNode")
                    .doesNotContain("token").doesNotContain("Cannot deserialize");
        }
        assertThat(fail("[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1), JsonNode.class).kind())
                .isEqualTo(JsonReadFailure.Kind.LIMIT);
        assertThat(fail("[]", Amount.class).detail()).isEqualTo("the body must be a JSON object");
    }

    private static JsonReadFailure fail(String json, Class<?> type) {
        IOException e = catchThrowableOfType(IOException.class, () -> Json.mapper().readerFor(type)
                .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(json));
        assertThat(e).as(json).isNotNull();
        return JsonReadFailure.of(e);
    }
}
