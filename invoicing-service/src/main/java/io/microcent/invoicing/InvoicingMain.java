package io.microcent.invoicing;

import io.microcent.platform.service.StandaloneRunner;

/** Runs invoicing alone against an external Kafka and PostgreSQL, on port 8084 unless MICROCENT_PORT says otherwise. */
public final class InvoicingMain {

    public static final int DEFAULT_PORT = 8084;

    private InvoicingMain() {
    }

    public static void main(String[] args) {
        StandaloneRunner.run(new InvoicingModule(), DEFAULT_PORT);
    }
}
