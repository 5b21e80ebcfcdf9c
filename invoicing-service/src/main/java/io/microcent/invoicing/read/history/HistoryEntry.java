package io.microcent.invoicing.read.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One decision in a customer's history: an event of its stream, of one of its invoices' streams, or its redemption
 * of a coupon (from the coupon's stream).
 *
 * @param type      the event's name, e.g. {@code CustomerRegistered}
 * @param aggregate the stream it is in: {@code customer/<id>}, {@code invoice/<id>} or {@code coupon/<code>}
 * @param sequence  its position in that stream, from 0
 * @param time      when it was stored (Axon's timestamp, real time; the decision's own times are in {@code detail})
 * @param actor     {@code operator}, {@code stripe}, {@code system}, or {@code unknown} for events stored before
 *                  actors were recorded
 * @param detail    the event as stored
 */
public record HistoryEntry(String type, String aggregate, long sequence, Instant time, String actor, JsonNode detail) {
}
