package io.microcent.model.caps;

import io.microcent.model.id.IdRule;

import java.util.function.Function;

/**
 * Reads the {@code |}-separated text of a caps key or id ({@link CapPeriodKey}, {@link CapAlertId}), saying what
 * it must look like, and which part is wrong, when it does not.
 */
final class KeyText {

    private final String kind;
    private final String form;
    private final String text;
    private final String[] parts;

    private KeyText(String kind, String form, String text, String[] parts) {
        this.kind = kind;
        this.form = form;
        this.text = text;
        this.parts = parts;
    }

    /**
     * @param kind  what is read, e.g. {@code cap period key}
     * @param form  what it must look like, e.g. {@code <capId>|<period>}
     * @param count how many parts it has; more or fewer are refused
     */
    static KeyText split(String kind, String form, String text, int count) {
        KeyText key = new KeyText(kind, form, text, text == null ? new String[0] : text.split("\\|", -1));
        if (key.parts.length != count) {
            throw key.refused(null);
        }
        return key;
    }

    /** Part {@code index} read by {@code parser}, whose {@link IllegalArgumentException} says why it is wrong. */
    <T> T part(int index, Function<String, T> parser) {
        try {
            return parser.apply(parts[index]);
        } catch (IllegalArgumentException e) {
            throw refused(e);
        }
    }

    private IllegalArgumentException refused(IllegalArgumentException why) {
        // the text may come from any record's key: written printable, so it cannot break a log line
        String got = text == null ? "none" : "'" + IdRule.printable(text) + "'";
        return new IllegalArgumentException(kind + " must look like " + form + ", got " + got
                + (why == null ? "" : ": " + why.getMessage()), why);
    }
}
