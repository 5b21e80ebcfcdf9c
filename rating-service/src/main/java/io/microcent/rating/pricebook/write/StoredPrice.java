package io.microcent.rating.pricebook.write;

import io.microcent.model.price.ModelPrice;

import java.time.Instant;

/** A price as the price book stores it: the price, where it came from and when it was recorded. */
public record StoredPrice(ModelPrice price, PriceSource source, Instant recordedAt) {
}
