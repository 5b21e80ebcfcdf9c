package io.microcent.model.topic.wire;

import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.ChargeAmount;
import io.microcent.model.usage.RatedUsage;

import java.io.IOException;
import java.time.YearMonth;

/**
 * {@link RatedUsage} in the field order of {@code avro/RatedUsage.avsc}, written and read by hand. Money is
 * whole microcents in a long; the period is months since 1970-01. Read through the record's constructor, so
 * charges that do not add up to the line's charge make it unreadable, as in JSON.
 */
final class RatedUsageCodec {

    private static final YearMonth EPOCH_MONTH = YearMonth.of(1970, 1);

    private RatedUsageCodec() {
    }

    static void write(AvroWriter out, RatedUsage line) throws IOException {
        UsageEventCodec.write(out, line.event());
        out.writeInt(monthsSinceEpoch(line.period()));
        out.writeString(line.plan().raw());
        out.writeLong(line.includedRequests());
        out.writeLong(line.overageRequests());
        out.writeLong(line.costMicrocents().value());
        out.writeLong(line.chargeMicrocents().value());
        out.writeBoolean(line.unpriced());
        out.writeBoolean(line.adjustment());
        out.writeBoolean(line.correction());
        out.writeList(line.charges(), RatedUsageCodec::writeCharge);
    }

    static RatedUsage read(AvroReader in) throws IOException {
        return new RatedUsage(
                UsageEventCodec.read(in),
                period(in.readInt()),
                PlanId.of(in.readString()),
                in.readLong(),
                in.readLong(),
                Microcents.of(in.readLong()),
                Microcents.of(in.readLong()),
                in.readBoolean(),
                in.readBoolean(),
                in.readBoolean(),
                in.readList(RatedUsageCodec::readCharge));
    }

    private static void writeCharge(AvroWriter out, ChargeAmount charge) throws IOException {
        out.writeString(charge.charge());
        out.writeLong(charge.quantity());
        out.writeLong(charge.chargeMicrocents().value());
    }

    private static ChargeAmount readCharge(AvroReader in) throws IOException {
        return new ChargeAmount(in.readString(), in.readLong(), Microcents.of(in.readLong()));
    }

    static int monthsSinceEpoch(BillingPeriod period) {
        return Math.toIntExact(EPOCH_MONTH.until(period.month(), java.time.temporal.ChronoUnit.MONTHS));
    }

    static BillingPeriod period(int monthsSinceEpoch) {
        return new BillingPeriod(EPOCH_MONTH.plusMonths(monthsSinceEpoch));
    }
}
