package io.microcent.invoicing.write.coupon;

import java.util.Locale;

/** How long a redeemed coupon keeps applying; written in lower case in the API ({@code once}, …). */
public enum CouponDuration {
    ONCE, REPEATING, FOREVER;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The duration an API request names; {@link IllegalArgumentException} for anything else. */
    public static CouponDuration fromApi(String raw) {
        for (CouponDuration duration : values()) {
            if (duration.apiName().equals(raw)) {
                return duration;
            }
        }
        throw new IllegalArgumentException("duration must be once, repeating or forever");
    }
}
