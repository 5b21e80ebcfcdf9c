package io.microcent.invoicing.write.coupon;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.microcent.model.id.InvalidIdException;

import java.util.regex.Pattern;

/**
 * A coupon's code, e.g. {@code FOUNDER}: 1 to 64 ASCII letters, digits, {@code _} and {@code -}. Codes are
 * what people type, so the rule is narrower than an id's. Promotion codes follow the same rule
 * ({@link #check}).
 */
public record CouponCode(@JsonValue String raw) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public CouponCode {
        raw = check("code", raw);
    }

    @JsonCreator
    public static CouponCode of(String raw) {
        return new CouponCode(raw);
    }

    /** {@code raw} if it has a code's form; otherwise {@link InvalidIdException} naming {@code kind}. */
    public static String check(String kind, String raw) {
        if (raw == null || !FORM.matcher(raw).matches()) {
            throw new InvalidIdException(kind, "must be 1 to 64 letters, digits, _ or - (A-Z a-z 0-9 _ -)");
        }
        return raw;
    }

    /**
     * The coupon's identifier in Axon's event store, which is one stream space for every aggregate type: the
     * prefix keeps a coupon apart from a customer of the same name ({@code /} is never in a customer id).
     */
    public String aggregateId() {
        return "coupon/" + raw;
    }

    @Override
    public String toString() {
        return raw;
    }
}
