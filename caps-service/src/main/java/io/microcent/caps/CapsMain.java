package io.microcent.caps;

import io.microcent.platform.service.StandaloneRunner;

/** Runs caps alone against an external Kafka and PostgreSQL, on port 8083 unless MICROCENT_PORT says otherwise. */
public final class CapsMain {

    public static final int DEFAULT_PORT = 8083;

    private CapsMain() {
    }

    public static void main(String[] args) {
        StandaloneRunner.run(new CapsModule(), DEFAULT_PORT);
    }
}
