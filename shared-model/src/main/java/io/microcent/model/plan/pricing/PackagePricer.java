package io.microcent.model.plan.pricing;

import io.microcent.model.money.Rate;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Package pricing: after {@code included} free units, {@code blockPrice} for every started block of
 * {@code blockSize} units. The first unit of a block pays for the whole block; the rest of it is free.
 */
public record PackagePricer(long included, long blockSize, Rate blockPrice) implements UsagePricer {

    public PackagePricer {
        Objects.requireNonNull(blockPrice, "blockPrice");
        if (included < 0 || blockSize <= 0) {
            throw new IllegalArgumentException("included must be 0 or more and blockSize 1 or more");
        }
    }

    @Override
    public BigDecimal total(long quantity) {
        long beyond = Math.max(0, quantity - included);
        return blockPrice.exactCostOf(Math.ceilDiv(beyond, blockSize));
    }
}
