package io.microcent.model.caps;

import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.money.Microcents;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.UsageEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapsContractsTest {

    private static final CustomerId ACME = CustomerId.of("acme");
    private static final CapDefinition MONTHLY = new CapDefinition(CapId.of("cap_1"), ACME, CapScope.COST_CENTER, "R&D",
            Microcents.of(1_000_000), CapPeriod.MONTH, CapMeasure.COST, CapMode.HARD, List.of(50, 80, 100));

    @Test
    void customer_caps_travel_with_wire_names_and_exact_amounts() {
        var serde = Topics.CAPS_DEFINITIONS.valueSerde();
        byte[] bytes = serde.serializer().serialize("caps.definitions", new CustomerCaps(ACME, 3, List.of(MONTHLY)));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"scope\":\"costCenter\"", "\"period\":\"month\"",
                "\"measure\":\"cost\"", "\"mode\":\"hard\"", "\"amountMicrocents\":1000000", "\"thresholds\":[50,80,100]");
        assertThat(serde.deserializer().deserialize("caps.definitions", bytes)).isEqualTo(new CustomerCaps(ACME, 3, List.of(MONTHLY)));
    }

    @Test
    void a_customers_list_holds_only_its_own_caps() {
        assertThatThrownBy(() -> new CustomerCaps(CustomerId.of("globex"), 1, List.of(MONTHLY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to acme");
    }

    @Test
    void thresholds_must_be_ascending_percentages() {
        assertThatThrownBy(() -> new CapDefinition(CapId.of("cap_1"), ACME, CapScope.CUSTOMER, "acme", Microcents.of(1),
                CapPeriod.DAY, CapMeasure.CHARGE, CapMode.SOFT, List.of(80, 50)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CapDefinition(CapId.of("cap_1"), ACME, CapScope.CUSTOMER, "acme", Microcents.of(1),
                CapPeriod.DAY, CapMeasure.CHARGE, CapMode.SOFT, List.of(0, 101)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_unknown_wire_name_names_the_allowed_ones() {
        assertThatThrownBy(() -> CapScope.of("org"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scope must be one of customer, project, costCenter, apiKey, user, team, got 'org'");
        assertThat(CapPeriod.of("day")).isEqualTo(CapPeriod.DAY);
    }

    @Test
    void a_usage_event_carries_its_reservation_and_events_written_before_reservations_still_read() {
        Instant at = Instant.parse("2026-11-05T10:00:00Z");
        UsageEvent reserved = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-1"), ACME, at, at,
                null, null, null, null, null, null, null, 1, 10, 20, 0, 0, ReservationId.of("rsv_abc"));
        var serde = Topics.USAGE_EVENTS.valueSerde();

        byte[] bytes = serde.serializer().serialize("usage.events", reserved);
        assertThat(Topics.valueAsText("usage.events", bytes)).contains("\"reservationId\":\"rsv_abc\"");
        assertThat(serde.deserializer().deserialize("usage.events", bytes)).isEqualTo(reserved);

        byte[] older = """
                {"schemaVersion":1,"id":"evt-2","customer":"acme","timestamp":"2026-11-05T10:00:00Z",
                 "ingestedAt":"2026-11-05T10:00:00Z","requests":1,"inputTokens":0,"outputTokens":0,
                 "cacheReadTokens":0,"cacheWriteTokens":0}""".getBytes(StandardCharsets.UTF_8);
        assertThat(serde.deserializer().deserialize("usage.events", older).reservationId()).isNull();
    }

    @Test
    void cap_state_keys_are_cap_and_period() {
        CapPeriodKey key = CapState.keyOf(CapId.of("cap_1"), CapPeriodId.parse("2026-11-21"));

        assertThat(key).hasToString("cap_1|2026-11-21");
        assertThat(new CapAlertId(CapId.of("cap_1"), CapPeriodId.parse("2026-11"), 80)).hasToString("cap_1|2026-11|80");
    }
}
