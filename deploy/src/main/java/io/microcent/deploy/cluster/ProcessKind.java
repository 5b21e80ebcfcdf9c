package io.microcent.deploy.cluster;

import java.util.Optional;

/** What a process of the local cluster is: a Kafka node or an instance of one service (its {@code main}). */
public enum ProcessKind {
    BROKER(null),
    INVOICING("io.microcent.invoicing.InvoicingMain"),
    RATING("io.microcent.rating.RatingMain"),
    INGEST("io.microcent.ingest.IngestMain"),
    CAPS("io.microcent.caps.CapsMain");

    private final String mainClass;

    ProcessKind(String mainClass) {
        this.mainClass = mainClass;
    }

    /** The service's {@code main}; empty for a broker. */
    Optional<String> mainClass() {
        return Optional.ofNullable(mainClass);
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
