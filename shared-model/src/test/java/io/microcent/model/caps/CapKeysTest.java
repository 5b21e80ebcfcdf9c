package io.microcent.model.caps;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.json.Json;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The typed keys and ids of caps: their text, read back, and what they refuse. */
class CapKeysTest {

    private static final CapId CAP = CapId.of("cap_5f1c0a9e3b7d42e8a1c6f0b2");
    private static final CapPeriodId NOVEMBER = CapPeriodId.month(YearMonth.of(2026, 11));
    private static final CapPeriodId NOV_21 = CapPeriodId.day(LocalDate.of(2026, 11, 21));

    @Test
    void a_period_of_a_cap_is_a_month_or_a_day_in_utc() {
        assertThat(NOVEMBER).hasToString("2026-11");
        assertThat(NOV_21).hasToString("2026-11-21");
        assertThat(CapPeriodId.month(BillingPeriod.parse("2026-11"))).isEqualTo(NOVEMBER);
        Instant lateOnThe21st = Instant.parse("2026-11-21T23:59:59.999Z");
        assertThat(CapPeriodId.containing(CapPeriod.MONTH, lateOnThe21st)).isEqualTo(NOVEMBER);
        assertThat(CapPeriodId.containing(CapPeriod.DAY, lateOnThe21st)).isEqualTo(NOV_21);
        assertThat(CapPeriodId.containing(CapPeriod.DAY, lateOnThe21st.plusMillis(1))).hasToString("2026-11-22");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11", "2026-11-21", "2024-02-29", "0999-01"})
    void a_period_reads_back_as_it_is_written(String text) {
        CapPeriodId period = CapPeriodId.parse(text);

        assertThat(period).hasToString(text);
        assertThat(period.length()).isEqualTo(text.length() == 7 ? CapPeriod.MONTH : CapPeriod.DAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026", "2026-13", "2026-1", "2026-11-31", "2025-02-29", "2026-11-1", "+2026-11",
            "2026-11-21T00:00", " 2026-11", "month"})
    void a_malformed_period_is_refused_naming_both_forms(String text) {
        assertThatThrownBy(() -> CapPeriodId.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a cap period must be a month like 2026-11 or a day like 2026-11-21, got '" + text + "'");
    }

    @Test
    void a_month_period_starts_on_the_first() {
        assertThatThrownBy(() -> new CapPeriodId(CapPeriod.MONTH, LocalDate.of(2026, 11, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first of the month");
        assertThatThrownBy(() -> CapPeriodId.parse(null)).hasMessageEndingWith("got none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cap_5f1c0a9e3b7d42e8a1c6f0b2|2026-11", "cap_5f1c0a9e3b7d42e8a1c6f0b2|2026-11-21", "c|2026-01"})
    void a_cap_period_key_reads_back_as_it_is_written(String text) {
        CapPeriodKey key = CapPeriodKey.parse(text);

        assertThat(key).hasToString(text);
        assertThat(CapPeriodKey.parse(key.toString())).isEqualTo(key);
    }

    @Test
    void a_cap_period_key_is_its_cap_and_period() {
        assertThat(CapPeriodKey.parse("cap_5f1c0a9e3b7d42e8a1c6f0b2|2026-11-21")).isEqualTo(new CapPeriodKey(CAP, NOV_21));
    }

    @Test
    void a_malformed_cap_period_key_is_refused_saying_what_is_wrong() {
        assertThatThrownBy(() -> CapPeriodKey.parse("cap_1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a cap period key must look like <capId>|<period>, got 'cap_1'");
        assertThatThrownBy(() -> CapPeriodKey.parse("cap_1|2026-11|80"))
                .hasMessage("a cap period key must look like <capId>|<period>, got 'cap_1|2026-11|80'");
        assertThatThrownBy(() -> CapPeriodKey.parse("cap_1|2026-13"))
                .hasMessage("a cap period key must look like <capId>|<period>, got 'cap_1|2026-13': "
                        + "a cap period must be a month like 2026-11 or a day like 2026-11-21, got '2026-13'");
        assertThatThrownBy(() -> CapPeriodKey.parse("|2026-11"))
                .hasMessage("a cap period key must look like <capId>|<period>, got '|2026-11': capId must not be blank");
        assertThatThrownBy(() -> CapPeriodKey.parse("cap 1|2026-11"))
                .hasMessageStartingWith("a cap period key must look like <capId>|<period>, got 'cap 1|2026-11': capId may contain only");
        assertThatThrownBy(() -> CapPeriodKey.parse(null))
                .hasMessage("a cap period key must look like <capId>|<period>, got none");
    }

    @Test
    void a_refused_key_is_named_printably() {
        assertThatThrownBy(() -> CapPeriodKey.parse("cap_1\n|2026-11"))
                .hasMessageStartingWith("a cap period key must look like <capId>|<period>, got 'cap_1U+000A|2026-11': ");
        assertThatThrownBy(() -> CapPeriodKey.parse("cap_1|2026-11\u2028"))
                .hasMessageEndingWith("got 'cap_1|2026-11U+2028': a cap period must be a month like 2026-11 or a day like 2026-11-21, "
                        + "got '2026-11U+2028'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cap_5f1c0a9e3b7d42e8a1c6f0b2|2026-11|80", "cap_5f1c0a9e3b7d42e8a1c6f0b2|2026-11-21|100", "c|2026-01|1"})
    void a_cap_alert_id_reads_back_as_it_is_written(String text) {
        CapAlertId id = CapAlertId.parse(text);

        assertThat(id).hasToString(text);
        assertThat(CapAlertId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void a_cap_alert_id_is_a_cap_a_period_and_a_threshold() {
        CapAlertId id = CapAlertId.parse("cap_5f1c0a9e3b7d42e8a1c6f0b2|2026-11-21|80");

        assertThat(id).isEqualTo(new CapAlertId(CAP, NOV_21, 80));
        assertThat(id.capPeriod()).isEqualTo(new CapPeriodKey(CAP, NOV_21));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "080", "+80", "-5", "8O", "", "80.0"})
    void a_cap_alert_id_with_a_threshold_that_is_no_percentage_is_refused(String threshold) {
        assertThatThrownBy(() -> CapAlertId.parse("cap_1|2026-11|" + threshold))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a cap alert id must look like <capId>|<period>|<thresholdPercent>, got 'cap_1|2026-11|" + threshold
                        + "': the threshold must be a whole percentage 1-100, got '" + threshold + "'");
    }

    @Test
    void a_malformed_cap_alert_id_is_refused_saying_what_is_wrong() {
        assertThatThrownBy(() -> CapAlertId.parse("cap_1|2026-11"))
                .hasMessage("a cap alert id must look like <capId>|<period>|<thresholdPercent>, got 'cap_1|2026-11'");
        assertThatThrownBy(() -> CapAlertId.parse("cap_1|p|33"))
                .hasMessageEndingWith(": a cap period must be a month like 2026-11 or a day like 2026-11-21, got 'p'");
        assertThatThrownBy(() -> new CapAlertId(CAP, NOVEMBER, 0))
                .hasMessage("a threshold must be a percentage 1-100, got 0");
    }

    @Test
    void typed_fields_keep_their_text_in_json() throws Exception {
        assertThat(Json.mapper().writeValueAsString(new CapPeriodKey(CAP, NOVEMBER))).isEqualTo("\"cap_5f1c0a9e3b7d42e8a1c6f0b2|2026-11\"");
        assertThat(Json.mapper().readValue("\"2026-11-21\"", CapPeriodId.class)).isEqualTo(NOV_21);
        assertThat(Json.mapper().readValue("\"cap_1|2026-11|50\"", CapAlertId.class)).hasToString("cap_1|2026-11|50");
    }

    @Test
    void the_holds_of_a_reservation_are_keyed_by_cap_and_period_in_json_as_in_memory() throws Exception {
        Reservation reservation = new Reservation(ReservationId.of("rsv_1"), CustomerId.of("acme"),
                Map.of(new CapPeriodKey(CAP, NOV_21), Microcents.of(900)), BillingPeriod.parse("2026-11"),
                new MeterTotals(1, 10, 20, 30), Instant.parse("2026-11-21T09:20:30Z"));

        String json = Json.mapper().writeValueAsString(reservation);

        assertThat(json).contains("\"holds\":{\"cap_5f1c0a9e3b7d42e8a1c6f0b2|2026-11-21\":900}");
        Reservation read = Json.mapper().readValue(json, Reservation.class);
        assertThat(read).isEqualTo(reservation);
        assertThat(read.holds()).containsOnlyKeys(new CapPeriodKey(CAP, NOV_21));
    }

    @Test
    void a_reservation_holding_against_a_malformed_key_is_refused_naming_it() {
        String json = """
                {"id":"rsv_1","customer":"acme","holds":{"cap_1|2026-11-31":900},"period":"2026-11",
                 "quantities":{"requests":1,"inputTokens":10,"outputTokens":20,"totalTokens":30},"expiresAt":"2026-11-21T09:20:30Z"}""";

        assertThatThrownBy(() -> Json.mapper().readValue(json, Reservation.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("cap_1|2026-11-31")
                .hasMessageContaining("a cap period must be a month like 2026-11 or a day like 2026-11-21");
        assertThatThrownBy(() -> Topics.CAPS_RESERVATIONS.valueSerde().deserializer()
                .deserialize("caps.reservations", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void a_cap_alert_with_a_malformed_id_or_an_unknown_scope_is_refused() {
        String alert = new String(CapsWireFormatTest.sample("cap-alert-blocked.json"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Json.mapper().readValue(alert.replace("2026-11|100", "2026-11|0"), CapAlert.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("the threshold must be a whole percentage 1-100, got '0'");
        assertThatThrownBy(() -> Json.mapper().readValue(alert.replace("\"costCenter\"", "\"org\""), CapAlert.class))
                .hasMessageContaining("scope must be one of customer, project, costCenter, apiKey, user, team, got 'org'");
    }

    @Test
    void a_caps_state_key_is_written_as_its_text_and_a_malformed_one_is_refused() {
        var keys = Topics.CAPS_STATE.keySerde();
        CapPeriodKey key = new CapPeriodKey(CAP, NOV_21);

        byte[] bytes = keys.serializer().serialize("caps.state", key);

        assertThat(bytes).isEqualTo("cap_5f1c0a9e3b7d42e8a1c6f0b2|2026-11-21".getBytes(StandardCharsets.UTF_8));
        assertThat(keys.deserializer().deserialize("caps.state", bytes)).isEqualTo(key);
        assertThatThrownBy(() -> keys.deserializer().deserialize("caps.state", "acme|2026-11|project|Search".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a cap period key must look like <capId>|<period>");
    }
}
