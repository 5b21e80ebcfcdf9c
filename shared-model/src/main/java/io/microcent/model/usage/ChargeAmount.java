package io.microcent.model.usage;

import io.microcent.model.money.Microcents;
import io.microcent.model.plan.Meter;
import io.microcent.model.plan.Plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One charge's part of a rated line: what the event owes for one charge of its plan and how much of the
 * charge's meter it used. The charge is named by its key: the meter's JSON name for a metered charge
 * ({@code requests}, {@code input_tokens}, …) or {@link #TOKEN_PASS_THROUGH}. An invoice has one usage
 * line per key, and the keys' amounts of a line add up to its {@code chargeMicrocents}.
 *
 * @param charge           the charge's key
 * @param quantity         the event's units on the charge's meter ({@link #meterOf}); 0 on a correction
 * @param chargeMicrocents what the event owes for this charge; negative under volume tiers or in a correction
 */
public record ChargeAmount(String charge, long quantity, Microcents chargeMicrocents) {

    /** The key of a plan's token pass-through. */
    public static final String TOKEN_PASS_THROUGH = "token_pass_through";

    public ChargeAmount {
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(chargeMicrocents, "chargeMicrocents");
        if (charge.isBlank()) {
            throw new IllegalArgumentException("a charge key must not be blank");
        }
        if (quantity < 0) {
            throw new IllegalArgumentException("a charge's quantity cannot be negative, got " + quantity);
        }
    }

    /** The key of the charge on {@code meter}. */
    public static String keyOf(Meter meter) {
        return meter.jsonName();
    }

    /** The meter a charge's quantity counts: its own, total tokens for the pass-through. */
    public static Meter meterOf(String charge) {
        return TOKEN_PASS_THROUGH.equals(charge) ? Meter.TOTAL_TOKENS : Meter.fromJsonName(charge);
    }

    /** The keys of a plan's charges in plan order: its metered charges as listed, then the pass-through. */
    public static List<String> keysOf(Plan plan) {
        List<String> keys = new ArrayList<>();
        plan.charges().forEach(charge -> keys.add(keyOf(charge.meter())));
        plan.tokenPassThrough().ifPresent(passThrough -> keys.add(TOKEN_PASS_THROUGH));
        return List.copyOf(keys);
    }

    /** The amounts added up; throws {@link ArithmeticException} on overflow. */
    public static Microcents sum(Collection<ChargeAmount> amounts) {
        Microcents sum = Microcents.ZERO;
        for (ChargeAmount amount : amounts) {
            sum = sum.plus(amount.chargeMicrocents());
        }
        return sum;
    }
}
