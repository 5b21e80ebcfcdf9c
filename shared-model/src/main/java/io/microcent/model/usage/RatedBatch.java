package io.microcent.model.usage;

import java.util.List;
import java.util.Objects;

/**
 * Rated lines travelling as one record: rating writes one per batch of events it rated, so each consumer of
 * {@code usage.rated} pays Kafka's per-record costs once per batch. Every line belongs to a customer of the
 * record's partition, in the order rating wrote them.
 *
 * @param lines at least one
 */
public record RatedBatch(List<RatedUsage> lines) {

    public RatedBatch {
        Objects.requireNonNull(lines, "lines");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a rated batch holds at least one line");
        }
    }

    /** A record written when every record held one line reads as a batch of one. */
    public static RatedBatch of(RatedUsage line) {
        return new RatedBatch(List.of(line));
    }
}
