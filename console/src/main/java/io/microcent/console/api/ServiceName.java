package io.microcent.console.api;

import java.util.Locale;

/** The services whose public APIs the console calls; each page knows which one owns what it shows. */
public enum ServiceName {
    INVOICING, RATING, CAPS, INGEST;

    /** The setting that points the console at this service when it does not answer at the common base URL. */
    public String urlSetting() {
        return "MICROCENT_CONSOLE_" + name() + "_URL";
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
