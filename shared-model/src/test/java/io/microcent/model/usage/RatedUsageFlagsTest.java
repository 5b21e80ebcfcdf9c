package io.microcent.model.usage;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.topic.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RatedUsageFlagsTest {

    private static final UsageEvent EVENT = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-1"), CustomerId.of("acme"),
            Instant.parse("2026-10-31T23:00:00Z"), Instant.parse("2026-11-05T10:00:00Z"), null, null, null, null, null,
            "acme-ai", ModelId.of("home-grown-7b"), 1, 100, 20, 0, 0);

    @Test
    void unpricedAndAdjustmentFlagsRoundTripOnUsageRated() {
        RatedUsage rated = new RatedUsage(EVENT, BillingPeriod.parse("2026-11"), PlanId.of("starter"), 1, 0,
                Microcents.ZERO, Microcents.ZERO, true, true);
        var serde = Topics.USAGE_RATED.valueSerde();

        byte[] bytes = serde.serializer().serialize("usage.rated", rated);

        assertThat(Topics.valueAsText("usage.rated", bytes)).contains("\"unpriced\":true", "\"adjustment\":true");
        assertThat(serde.deserializer().deserialize("usage.rated", bytes)).isEqualTo(rated);
    }

    @Test
    void aRatedUsageWrittenBeforeTheFlagsExistedReadsAsPricedAndInItsOwnPeriod() {
        RatedUsage before = new RatedUsage(EVENT, BillingPeriod.parse("2026-10"), PlanId.of("starter"), 1, 0,
                Microcents.of(370), Microcents.ZERO);
        var serde = Topics.USAGE_RATED.valueSerde();
        String withoutFlags = Topics.valueAsText("usage.rated", serde.serializer().serialize("usage.rated", before))
                .replace(",\"unpriced\":false", "").replace(",\"adjustment\":false", "");

        RatedUsage read = serde.deserializer().deserialize("usage.rated", withoutFlags.getBytes(StandardCharsets.UTF_8));

        assertThat(withoutFlags).doesNotContain("unpriced", "adjustment");
        assertThat(read).isEqualTo(before);
        assertThat(read.unpriced()).isFalse();
        assertThat(read.adjustment()).isFalse();
    }
}
