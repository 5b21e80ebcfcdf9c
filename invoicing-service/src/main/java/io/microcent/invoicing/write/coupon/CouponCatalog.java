package io.microcent.invoicing.write.coupon;

import io.microcent.invoicing.generate.BillingInterval;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The coupons every installation ships with. The service creates them at every start with commands that
 * accept an identical existing coupon, so restarts and instances starting together create each once.
 */
public final class CouponCatalog {

    /** 10 % off forever, for yearly billing. */
    public static final CouponCode ANNUAL10 = CouponCode.of("ANNUAL10");
    /** 25 % off the first twelve months. */
    public static final CouponCode FOUNDER = CouponCode.of("FOUNDER");

    private CouponCatalog() {
    }

    public static Map<CouponCode, CouponTerms> defaults() {
        return Map.of(
                ANNUAL10, new CouponTerms("Annual billing: 10 % off", new BigDecimal("10"), null, CouponDuration.FOREVER,
                        null, null, null, List.of(), List.of(BillingInterval.YEAR)),
                FOUNDER, new CouponTerms("Founder: 25 % off for 12 months", new BigDecimal("25"), null,
                        CouponDuration.REPEATING, 12, null, null, List.of(), List.of()));
    }
}
