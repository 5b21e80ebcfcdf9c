package io.microcent.invoicing.read.coupons;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.microcent.invoicing.write.coupon.CouponTerms;
import io.microcent.model.json.Json;
import org.jooq.JSONB;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** How the coupon read models store terms (JSON, as in the events) and times. */
final class StoredTerms {

    private StoredTerms() {
    }

    static JSONB write(CouponTerms terms) {
        try {
            return JSONB.jsonb(Json.mapper().writeValueAsString(terms));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CouponTerms read(JSONB stored) {
        try {
            return Json.mapper().readValue(stored.data(), CouponTerms.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
