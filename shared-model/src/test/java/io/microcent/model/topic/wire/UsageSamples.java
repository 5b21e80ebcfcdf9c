package io.microcent.model.topic.wire;

import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.CostCenterId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.PlanId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.id.TeamId;
import io.microcent.model.id.UserId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.ChargeAmount;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.Tag;
import io.microcent.model.usage.UsageEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The records of the golden samples: {@link #TYPICAL_EVENT} and {@link #TYPICAL_LINE} (every field set), {@link #BARE_EVENT}
 * and {@link #LEGACY_LINE} (every optional field absent), and the resources under {@code io/microcent/model/topic/wire}:
 * the JSON today's producers wrote of them ({@code *.json}) and their pinned binary records ({@code *.hex}).
 */
public final class UsageSamples {

    public static final UsageEvent TYPICAL_EVENT = new UsageEvent(1, EventId.of("evt-7f3a9c"), CustomerId.of("acme"),
            Instant.parse("2026-11-05T10:00:00.250Z"), Instant.parse("2026-11-05T10:00:01.123456Z"),
            ProjectId.of("chatbot"), CostCenterId.of("cc-42"), ApiKeyId.of("key_9x2"), UserId.of("ada@acme.io"), TeamId.of("ml"),
            "openai", ModelId.of("gpt-4o"), 1, 1200, 300, 64, 0, ReservationId.of("rsv_abc"),
            List.of(Tag.of("feature:chat"), Tag.of("env:prod")));

    public static final UsageEvent BARE_EVENT = new UsageEvent(1, EventId.of("evt-2"), CustomerId.of("globex"),
            Instant.parse("2026-11-05T10:00:00Z"), Instant.parse("2026-11-05T10:00:01Z"), null, null, null, null, null,
            null, null, 1, 0, 0, 0, 0);

    public static final RatedUsage TYPICAL_LINE = new RatedUsage(TYPICAL_EVENT, BillingPeriod.parse("2026-11"), PlanId.of("growth"), 0, 1,
            Microcents.of(6_640), Microcents.of(12_500), false, false, false,
            List.of(new ChargeAmount("requests", 1, Microcents.of(10_000)), new ChargeAmount("input_tokens", 1200, Microcents.of(2_500))));

    /** Unpriced, an adjustment, without charges: as a line written before charges existed reads. */
    public static final RatedUsage LEGACY_LINE = new RatedUsage(BARE_EVENT, BillingPeriod.parse("2026-12"), PlanId.of("starter"), 1, 0,
            Microcents.ZERO, Microcents.ZERO, true, true, false);

    private UsageSamples() {
    }

    public static byte[] resource(String name) {
        try (InputStream in = UsageSamples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code .hex} resource: hex digits, whitespace and {@code #} comments ignored. */
    public static byte[] hexResource(String name) {
        StringBuilder digits = new StringBuilder();
        for (String line : new String(resource(name), java.nio.charset.StandardCharsets.US_ASCII).split("\n")) {
            int comment = line.indexOf('#');
            digits.append((comment < 0 ? line : line.substring(0, comment)).replaceAll("\\s", ""));
        }
        return HexFormat.of().parseHex(digits);
    }
}
