package io.microcent.model.plan;

import io.microcent.model.money.Rate;

import java.util.List;
import java.util.Objects;

/**
 * How a charge turns the period's running quantity of its meter into money. Plans are data: these
 * records only describe a price and check that it makes sense; rating prices with them.
 */
public sealed interface ChargeModel {

    /** Units of the period that cost nothing before any price applies (0 when the model has no allowance). */
    long includedQuantity();

    /**
     * {@code included} units a period free, each further unit at {@code unitPrice}. With nothing
     * included it is a plain price per unit.
     */
    record Allowance(long included, Rate unitPrice) implements ChargeModel {
        public Allowance {
            Objects.requireNonNull(unitPrice, "unitPrice");
            requireNotNegative("included", included);
        }

        @Override
        public long includedQuantity() {
            return included;
        }
    }

    /** Each unit at the price of the tier it falls in, plus each reached tier's flat fee. */
    record GraduatedTiers(List<Tier> tiers) implements ChargeModel {
        public GraduatedTiers {
            tiers = checkedTiers(tiers);
        }

        @Override
        public long includedQuantity() {
            return 0;
        }
    }

    /**
     * All units of the period at the price of the one tier the period's total falls in, plus that
     * tier's flat fee. Crossing into a cheaper tier lowers the price of the units already used.
     */
    record VolumeTiers(List<Tier> tiers) implements ChargeModel {
        public VolumeTiers {
            tiers = checkedTiers(tiers);
        }

        @Override
        public long includedQuantity() {
            return 0;
        }
    }

    /**
     * {@code included} units a period free, then {@code blockPrice} for every started block of
     * {@code blockSize} units (a started block is paid in full).
     */
    record PackagePrice(long included, long blockSize, Rate blockPrice) implements ChargeModel {
        public PackagePrice {
            Objects.requireNonNull(blockPrice, "blockPrice");
            requireNotNegative("included", included);
            if (blockSize <= 0) {
                throw new IllegalArgumentException("blockSize must be at least 1, got " + blockSize);
            }
        }

        @Override
        public long includedQuantity() {
            return included;
        }
    }

    private static void requireNotNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " cannot be negative, got " + value);
        }
    }

    /** Tiers in order of {@code upTo}, strictly increasing, the last one unbounded and only the last. */
    private static List<Tier> checkedTiers(List<Tier> tiers) {
        Objects.requireNonNull(tiers, "tiers");
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("tiers must not be empty");
        }
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).upTo() <= tiers.get(i - 1).upTo()) {
                throw new IllegalArgumentException("tier " + (i + 1) + " must end after tier " + i
                        + " (upTo " + tiers.get(i - 1).upTo() + ")");
            }
        }
        if (!tiers.getLast().isUnbounded()) {
            throw new IllegalArgumentException("the last tier must have no upTo, so every quantity has a price");
        }
        return List.copyOf(tiers);
    }
}
