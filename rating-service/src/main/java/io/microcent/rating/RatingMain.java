package io.microcent.rating;

import io.microcent.platform.service.StandaloneRunner;

/** Runs rating alone against an external Kafka and PostgreSQL, on port 8082 unless MICROCENT_PORT says otherwise. */
public final class RatingMain {

    public static final int DEFAULT_PORT = 8082;

    private RatingMain() {
    }

    public static void main(String[] args) {
        StandaloneRunner.run(new RatingModule(), DEFAULT_PORT);
    }
}
