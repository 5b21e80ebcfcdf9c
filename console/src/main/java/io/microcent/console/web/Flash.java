package io.microcent.console.web;

import java.util.Map;

/**
 * What the page after a change says: a confirmation, or the service's refusal with the fields at fault and
 * the values the user typed (so a refused form comes back filled in). Shown once, on the next page.
 */
public record Flash(String notice, String error, Map<String, String> fieldErrors, Map<String, String> values) {

    public static final Flash NONE = new Flash(null, null, Map.of(), Map.of());

    public Flash {
        fieldErrors = Map.copyOf(fieldErrors);
        values = Map.copyOf(values);
    }

    public static Flash notice(String notice) {
        return new Flash(notice, null, Map.of(), Map.of());
    }

    /** The error on {@code field}, or null. */
    public String errorOn(String field) {
        return fieldErrors.get(field);
    }

    /** What the user had typed in {@code field}, or {@code fallback}. */
    public String value(String field, String fallback) {
        return values.getOrDefault(field, fallback == null ? "" : fallback);
    }
}
