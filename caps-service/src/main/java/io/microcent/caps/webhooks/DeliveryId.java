package io.microcent.caps.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;

/** One alert's delivery to one webhook endpoint, across all its attempts, e.g. {@code dlv_0a1b2c3d4e5f6a7b8c9d0e1f}. */
public record DeliveryId(@JsonValue String raw) {

    static final String PREFIX = "dlv_";

    public DeliveryId {
        raw = RandomIds.check("delivery", PREFIX, raw);
    }

    public static DeliveryId of(String raw) {
        return new DeliveryId(raw);
    }

    static DeliveryId random() {
        return new DeliveryId(RandomIds.next(PREFIX));
    }

    @Override
    public String toString() {
        return raw;
    }
}
