package io.microcent.invoicing.generate;

import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A coupon applied to a subscription.
 *
 * @param id         identifies the redemption on the discount lines it produces, so a {@code once} coupon is
 *                   seen as used once a finalized invoice carries it
 * @param redeemedAt when it was applied: it discounts the invoice of that period and later ones
 * @param endsAt     for a repeating coupon, the first instant of the first period it no longer discounts
 * @param minimum    from a promotion code: an invoice whose discountable subtotal (base fee, proration and usage,
 *                   before discounts) is below it gets nothing from this redemption, and a {@code once} coupon
 *                   stays unused for a later invoice
 */
public record Redemption(String id, Coupon coupon, Instant redeemedAt, Optional<Instant> endsAt,
                         Optional<Microcents> minimum) {

    public Redemption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(coupon, "coupon");
        Objects.requireNonNull(redeemedAt, "redeemedAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(minimum, "minimum");
    }

    /** Without a minimum. */
    public Redemption(String id, Coupon coupon, Instant redeemedAt, Optional<Instant> endsAt) {
        this(id, coupon, redeemedAt, endsAt, Optional.empty());
    }

    /** This redemption, applying only to invoices whose discountable subtotal is at least {@code subtotal}. */
    public Redemption withMinimum(Microcents subtotal) {
        return new Redemption(id, coupon, redeemedAt, endsAt, Optional.of(subtotal));
    }

    /** Whether an invoice with this discountable subtotal reaches the minimum (always, without one). */
    public boolean reachedBy(Microcents subtotal) {
        return minimum.map(min -> subtotal.compareTo(min) >= 0).orElse(true);
    }

    /** Redeems {@code coupon} at {@code at}; a repeating one gets its end date now, once. */
    public static Redemption of(String id, Coupon coupon, Instant at) {
        Optional<Instant> endsAt = coupon.duration() instanceof Coupon.Repeating(int months)
                ? Optional.of(new BillingPeriod(BillingPeriod.containing(at).month().plusMonths(months)).start())
                : Optional.empty();
        return new Redemption(id, coupon, at, endsAt);
    }

    /** Whether the coupon's time covers the invoice of {@code period} (a {@code once} coupon's use is checked apart). */
    public boolean covers(BillingPeriod period) {
        return period.endExclusive().isAfter(redeemedAt)
                && endsAt.map(end -> period.start().isBefore(end)).orElse(true);
    }
}
