package io.microcent.rating.pricebook.litellm;

/** A catalog entry that was not imported, and why (e.g. it prices by the second, not by the token). */
public record SkippedEntry(String key, String reason) {
}
