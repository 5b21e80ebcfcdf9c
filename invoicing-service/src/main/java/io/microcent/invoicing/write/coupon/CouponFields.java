package io.microcent.invoicing.write.coupon;

import io.microcent.platform.http.RequestFields;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Request-field rules the coupon endpoints share. */
public final class CouponFields {

    private CouponFields() {
    }

    /** An optional ISO-8601 instant that must be after {@code now} (a date in the past would refuse everything). */
    public static Instant futureInstant(RequestFields fields, String field, String raw, Instant now) {
        Instant instant = fields.optional(field, raw, text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
            }
        }, null);
        if (instant != null && !instant.isAfter(now)) {
            fields.reject(field, "in_the_past", field + " must be in the future");
            return null;
        }
        return instant;
    }
}
