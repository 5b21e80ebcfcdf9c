package io.microcent.invoicing.generate;

import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an invoice, in exact microcents. Rounding to cents happens once, at finalization
 * ({@link InvoiceFinalizer}); this amount stays on the line.
 *
 * @param quantity  units the line is about: 1 for a fee, the period's quantity on the meter for usage
 * @param unitPrice the charge's price per unit (per unit beyond an allowance, per block of a package, the full
 *                  fee of a fee line), for the reader; absent where the charge has no single price (tiers,
 *                  pass-through, discounts). The amount is authoritative: it is what rating or proration computed
 * @param item      what the line bills, for re-generation ({@link BilledItem})
 */
public record InvoiceLine(LineKind kind, String description, long quantity, Optional<Rate> unitPrice,
                          Microcents amountMicrocents, BilledItem item) {

    public InvoiceLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amountMicrocents, "amountMicrocents");
        Objects.requireNonNull(item, "item");
        if (kind == LineKind.DISCOUNT && !amountMicrocents.isNegative()) {
            throw new IllegalArgumentException("a discount line is negative, got " + amountMicrocents);
        }
    }

    /** The exact sum of {@code lines}; throws {@link ArithmeticException} on overflow. */
    public static Microcents total(List<InvoiceLine> lines) {
        Microcents total = Microcents.ZERO;
        for (InvoiceLine line : lines) {
            total = total.plus(line.amountMicrocents());
        }
        return total;
    }
}
