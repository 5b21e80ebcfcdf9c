package io.microcent.model.topic.wire;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.ChargeAmount;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.Tag;
import io.microcent.model.usage.UsageEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.microcent.model.topic.wire.UsageSamples.BARE_EVENT;
import static io.microcent.model.topic.wire.UsageSamples.LEGACY_LINE;
import static io.microcent.model.topic.wire.UsageSamples.TYPICAL_EVENT;
import static io.microcent.model.topic.wire.UsageSamples.TYPICAL_LINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundTripTest {

    @Test
    void every_field_of_an_event_reads_back_set_or_absent() throws Exception {
        assertThat(roundTrip(TYPICAL_EVENT)).usingRecursiveComparison().isEqualTo(TYPICAL_EVENT);
        UsageEvent bare = roundTrip(BARE_EVENT);
        assertThat(bare).isEqualTo(BARE_EVENT);
        assertThat(bare.project()).isNull();
        assertThat(bare.costCenter()).isNull();
        assertThat(bare.apiKeyId()).isNull();
        assertThat(bare.user()).isNull();
        assertThat(bare.team()).isNull();
        assertThat(bare.provider()).isNull();
        assertThat(bare.model()).isNull();
        assertThat(bare.reservationId()).isNull();
        assertThat(bare.tags()).isEmpty();
    }

    @Test
    void each_optional_field_alone_is_kept_in_its_place() throws Exception {
        // one optional field set at a time: a field written into its neighbour's place would read as the neighbour
        for (int field = 0; field < 8; field++) {
            UsageEvent event = withOnly(field);
            assertThat(roundTrip(event)).as("optional field %d alone", field).isEqualTo(event);
        }
    }

    @Test
    void instants_keep_their_nanoseconds_and_the_range_of_the_contract() throws Exception {
        for (String at : List.of("2026-11-05T10:00:00.123456789Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
                "1677-09-21T00:12:43.145224192Z", "2262-04-11T23:47:16.854775807Z", "2000-02-29T12:00:00.000000001Z")) {
            Instant instant = Instant.parse(at);
            UsageEvent event = at(instant);
            assertThat(roundTrip(event).timestamp()).as(at).isEqualTo(instant);
            assertThat(roundTrip(event).ingestedAt()).as(at).isEqualTo(instant);
        }
    }

    @Test
    void an_instant_beyond_the_nanosecond_range_is_refused_when_written_never_wrapped() {
        assertThatThrownBy(() -> BinaryRecords.USAGE_EVENTS.writeOne(at(Instant.parse("2262-04-11T23:47:16.854775808Z"))))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> BinaryRecords.USAGE_EVENTS.writeOne(at(Instant.parse("1000-01-01T00:00:00Z"))))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void a_write_that_fails_halfway_leaves_nothing_behind_for_the_next_record() throws Exception {
        // the instant fails after the id and customer are already encoded
        assertThatThrownBy(() -> BinaryRecords.USAGE_EVENTS.writeOne(at(Instant.MAX))).isInstanceOf(ArithmeticException.class);
        assertThat(BinaryRecords.USAGE_EVENTS.writeOne(TYPICAL_EVENT)).isEqualTo(UsageSamples.hexResource("usage-event.hex"));
    }

    @Test
    void whole_long_quantities_and_amounts_survive_at_their_extremes() throws Exception {
        UsageEvent event = new UsageEvent(Integer.MAX_VALUE, EventId.of("e"), CustomerId.of("c"), Instant.EPOCH, Instant.EPOCH,
                null, null, null, null, null, "p", null, Long.MAX_VALUE, Long.MIN_VALUE, -1, 0, Long.MAX_VALUE);
        assertThat(roundTrip(event)).isEqualTo(event);
        RatedUsage line = new RatedUsage(event, BillingPeriod.parse("1970-01"), PlanId.of("p"), Long.MIN_VALUE, Long.MAX_VALUE,
                Microcents.of(Long.MIN_VALUE), Microcents.of(-5), true, false, true,
                List.of(new ChargeAmount("requests", Long.MAX_VALUE, Microcents.of(-10)), new ChargeAmount("x", 0, Microcents.of(5))));
        assertThat(roundTrip(line)).isEqualTo(line);
    }

    @Test
    void rated_lines_keep_flags_periods_and_charges_in_order() throws Exception {
        assertThat(roundTrip(TYPICAL_LINE)).isEqualTo(TYPICAL_LINE);
        assertThat(roundTrip(TYPICAL_LINE).charges()).extracting(ChargeAmount::charge).containsExactly("requests", "input_tokens");
        assertThat(roundTrip(LEGACY_LINE)).isEqualTo(LEGACY_LINE);
        for (String month : List.of("1969-12", "0001-01", "2026-11", "9999-12")) {
            RatedUsage line = new RatedUsage(BARE_EVENT, BillingPeriod.parse(month), PlanId.of("starter"), 0, 0,
                    Microcents.ZERO, Microcents.ZERO, false, true, false);
            assertThat(roundTrip(line).period()).as(month).isEqualTo(BillingPeriod.parse(month));
        }
        for (int flags = 0; flags < 8; flags++) {
            RatedUsage line = new RatedUsage(BARE_EVENT, BillingPeriod.parse("2026-11"), PlanId.of("starter"), 0, 0,
                    Microcents.ZERO, Microcents.ZERO, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0);
            assertThat(roundTrip(line)).isEqualTo(line);
        }
    }

    @Test
    void text_beyond_ascii_reads_back_unchanged() throws Exception {
        UsageEvent event = new UsageEvent(1, EventId.of("évt-😀-1"), CustomerId.of("acme"), Instant.EPOCH, Instant.EPOCH,
                null, null, null, io.microcent.model.id.UserId.of("Zoë Ångström 山田"), null, "провайдер", null, 1, 0, 0, 0, 0,
                null, List.of(Tag.of("team:façade"), Tag.of("emoji:😀")));
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void batches_keep_their_items_and_their_order() throws Exception {
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(i % 2 == 0 ? TYPICAL_EVENT : BARE_EVENT);
        }
        assertThat(BinaryRecords.USAGE_EVENTS.read(BinaryRecords.USAGE_EVENTS.writeBatch(events))).containsExactlyElementsOf(events);
        assertThat(BinaryRecords.USAGE_RATED.read(BinaryRecords.USAGE_RATED.writeBatch(List.of(LEGACY_LINE, TYPICAL_LINE))))
                .containsExactly(LEGACY_LINE, TYPICAL_LINE);
        assertThat(BinaryRecords.USAGE_EVENTS.read(BinaryRecords.USAGE_EVENTS.writeBatch(List.of())))
                .as("the wire holds an empty array; refusing it is the batch's rule").isEmpty();
    }

    @Test
    void a_huge_batch_does_not_leave_its_buffer_behind_and_the_next_record_is_exact() throws Exception {
        List<UsageEvent> many = java.util.Collections.nCopies(10_000, TYPICAL_EVENT);
        assertThat(BinaryRecords.USAGE_EVENTS.read(BinaryRecords.USAGE_EVENTS.writeBatch(many))).hasSize(10_000);
        assertThat(BinaryRecords.USAGE_EVENTS.writeOne(TYPICAL_EVENT)).isEqualTo(UsageSamples.hexResource("usage-event.hex"));
    }

    private static UsageEvent roundTrip(UsageEvent event) throws Exception {
        List<UsageEvent> read = BinaryRecords.USAGE_EVENTS.read(BinaryRecords.USAGE_EVENTS.writeOne(event));
        assertThat(read).hasSize(1);
        return read.getFirst();
    }

    private static RatedUsage roundTrip(RatedUsage line) throws Exception {
        List<RatedUsage> read = BinaryRecords.USAGE_RATED.read(BinaryRecords.USAGE_RATED.writeOne(line));
        assertThat(read).hasSize(1);
        return read.getFirst();
    }

    private static UsageEvent at(Instant instant) {
        return new UsageEvent(1, EventId.of("e"), CustomerId.of("c"), instant, instant, null, null, null, null, null,
                null, null, 1, 0, 0, 0, 0);
    }

    /** {@link #TYPICAL_EVENT}'s value of one optional field (0 project … 7 reservation), every other optional field absent. */
    private static UsageEvent withOnly(int field) {
        UsageEvent t = TYPICAL_EVENT;
        return new UsageEvent(1, t.id(), t.customer(), t.timestamp(), t.ingestedAt(),
                field == 0 ? t.project() : null, field == 1 ? t.costCenter() : null, field == 2 ? t.apiKeyId() : null,
                field == 3 ? t.user() : null, field == 4 ? t.team() : null, field == 5 ? t.provider() : null,
                field == 6 ? t.model() : null, 1, 2, 3, 4, 5, field == 7 ? t.reservationId() : null, List.of());
    }
}
