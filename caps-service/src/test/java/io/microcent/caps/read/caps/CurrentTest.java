package io.microcent.caps.read.caps;

import io.microcent.caps.authorize.CapStanding;
import io.microcent.caps.spend.CapDefinitions;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapPeriod;
import io.microcent.model.caps.CapPeriodId;
import io.microcent.model.caps.CapScope;
import io.microcent.model.id.CustomerId;
import io.microcent.model.json.Json;
import io.microcent.model.money.Microcents;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentTest {

    @Test
    void whereACapStandsIsAnsweredWithItsPeriodAsText() throws Exception {
        CustomerId acme = CustomerId.of("acme");
        var cap = CapDefinitions.cap("cap_day", acme, CapScope.CUSTOMER, "acme", 1_000, CapPeriod.DAY, CapMode.HARD, List.of(100));
        var standing = new CapStanding(cap, CapPeriodId.parse("2026-11-21"), Microcents.of(600), Microcents.of(150));

        assertThat(Json.mapper().writeValueAsString(CapsEndpoint.Current.of(standing))).isEqualTo(
                "{\"period\":\"2026-11-21\",\"spentMicrocents\":600,\"reservedMicrocents\":150,\"remainingMicrocents\":250,"
                        + "\"status\":\"allowed\"}");
        assertThat(standing.capPeriod()).hasToString("cap_day|2026-11-21");
    }
}
