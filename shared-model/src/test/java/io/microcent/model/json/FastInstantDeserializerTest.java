package io.microcent.model.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FastInstantDeserializerTest {

    /** What the shared mapper did before the fast path: JavaTimeModule alone. */
    private static final ObjectMapper JAVA_TIME_ONLY = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Test
    void reads_every_instant_as_written_exactly_as_instant_parse_does() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            // whole seconds, milli-, micro- and nanosecond precision: toString writes 0, 3, 6 or 9 fraction digits
            int[] steps = {1_000_000_000, 1_000_000, 1_000, 1};
            int step = steps[random.nextInt(steps.length)];
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    random.nextInt(1_000_000_000) / step * step % 1_000_000_000);
            String text = instant.toString();
            assertThat(FastInstantDeserializer.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:00:00Z", "2026-11-22T10:00:00.1Z", "2026-11-22T10:00:00.123456789Z",
            "2024-02-29T23:59:59.000Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"})
    void reads_utc_text_of_any_precision(String text) throws Exception {
        assertThat(FastInstantDeserializer.parseUtc(text)).isEqualTo(Instant.parse(text));
        assertThat(Json.mapper().readValue('"' + text + '"', Instant.class)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:00:00+01:00", "2026-11-22T10:00:00.5+00:00", "2026-12-31T23:59:60Z",
            "+12026-11-22T10:00:00Z", " 2026-11-22T10:00:00Z ", "1732269600", "1732269600.5",
            "2026-11-22T24:00:00Z", "2026-11-22T10:00:00.Z", "2026-11-22T10:00:00z"})
    void hands_other_forms_to_java_time_with_the_same_result(String text) throws Exception {
        String json = text.matches("[0-9.]+") ? text : '"' + text + '"';
        assertThat(FastInstantDeserializer.parseUtc(text.strip())).satisfiesAnyOf(
                fast -> assertThat(fast).isNull(),
                fast -> assertThat(fast).isEqualTo(JAVA_TIME_ONLY.readValue(json, Instant.class)));
        assertThat(Json.mapper().readValue(json, Instant.class)).isEqualTo(JAVA_TIME_ONLY.readValue(json, Instant.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-22T10:61:00Z",
            "2026-11-22 10:00:00Z", "2026-11-22T10:00:00.1234567890Z", "not a time"})
    void refuses_what_java_time_refuses(String text) {
        assertThat(FastInstantDeserializer.parseUtc(text)).isNull();
        assertThatThrownBy(() -> JAVA_TIME_ONLY.readValue('"' + text + '"', Instant.class)).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> Json.mapper().readValue('"' + text + '"', Instant.class)).isInstanceOf(Exception.class);
    }
}
