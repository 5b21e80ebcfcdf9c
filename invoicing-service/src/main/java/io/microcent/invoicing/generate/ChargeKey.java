package io.microcent.invoicing.generate;

import io.microcent.model.plan.Meter;
import io.microcent.model.usage.ChargeAmount;

import java.util.Objects;

/**
 * Which charge of a plan a usage total is for: the charge on a meter ({@code requests}, {@code input_tokens}…)
 * or the plan's token pass-through. One usage line per key.
 */
public record ChargeKey(String name) {

    public static final ChargeKey TOKEN_PASS_THROUGH = new ChargeKey(ChargeAmount.TOKEN_PASS_THROUGH);

    public ChargeKey {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a charge key must not be blank");
        }
    }

    public static ChargeKey of(Meter meter) {
        return new ChargeKey(ChargeAmount.keyOf(meter));
    }

    @Override
    public String toString() {
        return name;
    }
}
