package io.microcent.ingest;

import io.microcent.platform.service.StandaloneRunner;

/** Runs the ingest service alone, on port 8081 unless {@code MICROCENT_PORT} says otherwise. */
public final class IngestMain {

    public static final int DEFAULT_PORT = 8081;

    private IngestMain() {
    }

    public static void main(String[] args) {
        StandaloneRunner.run(new IngestModule(), DEFAULT_PORT);
    }
}
