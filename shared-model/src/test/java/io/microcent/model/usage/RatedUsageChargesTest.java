package io.microcent.model.usage;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.Plan;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.plan.TokenPassThrough;
import io.microcent.model.topic.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-charge breakdown of a rated line, and how lines written before it existed are read. */
class RatedUsageChargesTest {

    private static final BillingPeriod NOV = BillingPeriod.parse("2026-11");
    private static final Instant AT = Instant.parse("2026-11-05T10:00:00Z");
    private static final UsageEvent EVENT = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-1"), CustomerId.of("acme"),
            AT, AT, null, null, null, null, null, "openai", ModelId.of("gpt-4o"), 3, 100, 20, 5, 0);
    private static final PlanCatalog CATALOG = PlanCatalog.defaults();

    /** A usage.rated value exactly as rating wrote it before lines carried their charges. */
    private static final String WRITTEN_BEFORE_CHARGES = """
            {"event":{"schemaVersion":1,"id":"evt-1","customer":"acme","timestamp":"2026-11-05T10:00:00Z",\
            "ingestedAt":"2026-11-05T10:00:00Z","provider":"openai","model":"gpt-4o","requests":3,"inputTokens":100,\
            "outputTokens":20,"cacheReadTokens":5,"cacheWriteTokens":0},"period":"2026-11","plan":"starter",\
            "includedRequests":1,"overageRequests":2,"costMicrocents":370,"chargeMicrocents":20000,\
            "unpriced":false,"adjustment":false,"correction":false}""";

    @Test
    void aLineWithItsChargesRoundTripsOnUsageRated() {
        RatedUsage rated = new RatedUsage(EVENT, NOV, PlanId.of("starter"), 1, 2, Microcents.of(370), Microcents.of(20_000),
                false, false, false, List.of(new ChargeAmount("requests", 3, Microcents.of(20_000))));
        var serde = Topics.USAGE_RATED.valueSerde();

        byte[] bytes = serde.serializer().serialize("usage.rated", rated);

        assertThat(Topics.valueAsText("usage.rated", bytes))
                .contains("\"charges\":[{\"charge\":\"requests\",\"quantity\":3,\"chargeMicrocents\":20000}]");
        assertThat(serde.deserializer().deserialize("usage.rated", bytes)).isEqualTo(rated);
    }

    @Test
    void aLineWrittenBeforeChargesReadsAsOneChargeTheFirstOfItsPlan() {
        RatedUsage read = Topics.USAGE_RATED.valueSerde().deserializer()
                .deserialize("usage.rated", WRITTEN_BEFORE_CHARGES.getBytes(StandardCharsets.UTF_8));

        assertThat(read.charges()).isEmpty();
        assertThat(read.chargeMicrocents()).isEqualTo(Microcents.of(20_000));
        assertThat(read.chargesOrLegacy(CATALOG)).containsExactly(new ChargeAmount("requests", 3, Microcents.of(20_000)));
    }

    @Test
    void aLegacyLineOfAPlanOfOnlyAPassThroughIsThePassThroughCountingAllTokens() {
        Plan credits = new Plan(PlanId.of("credits"), "Credits", Microcents.ZERO, List.of(),
                Optional.of(new TokenPassThrough(BigDecimal.ZERO)));
        RatedUsage legacy = new RatedUsage(EVENT, NOV, PlanId.of("credits"), 0, 3, Microcents.of(370), Microcents.of(370));

        assertThat(legacy.chargesOrLegacy(new PlanCatalog(List.of(credits))))
                .containsExactly(new ChargeAmount(ChargeAmount.TOKEN_PASS_THROUGH, 125, Microcents.of(370)));
    }

    @Test
    void aLegacyLineOfAnUnknownPlanIsItsRequests() {
        RatedUsage legacy = new RatedUsage(EVENT, NOV, PlanId.of("retired"), 0, 3, Microcents.ZERO, Microcents.of(-50));

        assertThat(legacy.chargesOrLegacy(CATALOG)).containsExactly(new ChargeAmount("requests", 3, Microcents.of(-50)));
    }

    @Test
    void aLegacyLineThatChargesNothingUnderAPlanWithoutChargesHasNone() {
        Plan feeOnly = new Plan(PlanId.of("fee-only"), "Fee only", Microcents.ofDollars("5"), List.of(), Optional.empty());
        RatedUsage free = new RatedUsage(EVENT, NOV, PlanId.of("fee-only"), 0, 3, Microcents.of(370), Microcents.ZERO);

        assertThat(free.chargesOrLegacy(new PlanCatalog(List.of(feeOnly)))).isEmpty();
    }

    @Test
    void aLegacyLineInsideTheAllowanceStillCountsItsQuantity() {
        RatedUsage included = new RatedUsage(EVENT, NOV, PlanId.of("starter"), 3, 0, Microcents.of(370), Microcents.ZERO);

        assertThat(included.chargesOrLegacy(CATALOG)).containsExactly(new ChargeAmount("requests", 3, Microcents.ZERO));
    }

    @Test
    void aLineWithChargesIsReadAsItsCharges() {
        List<ChargeAmount> charges = List.of(new ChargeAmount("requests", 3, Microcents.of(5)),
                new ChargeAmount("output_tokens", 20, Microcents.of(-2)));
        RatedUsage rated = new RatedUsage(EVENT, NOV, PlanId.of("starter"), 3, 0, Microcents.ZERO, Microcents.of(3),
                false, false, false, charges);

        assertThat(rated.chargesOrLegacy(CATALOG)).isEqualTo(charges);
    }

    @Test
    void chargesThatDoNotAddUpToTheLinesChargeAreRefusedAlsoWhenRead() {
        List<ChargeAmount> charges = List.of(new ChargeAmount("requests", 3, Microcents.of(5)));

        assertThatThrownBy(() -> new RatedUsage(EVENT, NOV, PlanId.of("starter"), 3, 0, Microcents.ZERO, Microcents.of(6),
                false, false, false, charges)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not add up");
        String wrong = WRITTEN_BEFORE_CHARGES.replace("\"correction\":false}",
                "\"correction\":false,\"charges\":[{\"charge\":\"requests\",\"quantity\":3,\"chargeMicrocents\":1}]}");
        assertThatThrownBy(() -> Topics.USAGE_RATED.valueSerde().deserializer()
                .deserialize("usage.rated", wrong.getBytes(StandardCharsets.UTF_8))).isInstanceOf(SerializationException.class);
    }
}
