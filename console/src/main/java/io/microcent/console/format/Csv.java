package io.microcent.console.format;

import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV as spreadsheets read it (RFC 4180, CRLF line ends): a field with a quote, comma or line break is quoted,
 * and text that starts with {@code = + - @} (or a tab or carriage return) gets a leading apostrophe, so a customer
 * name can never become a formula in the operator's spreadsheet. A plain number ({@code -12.5}) is left alone.
 */
public final class Csv {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final StringBuilder text = new StringBuilder();

    /** One row; {@code null} is an empty field. */
    public Csv row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    public Csv row(String... fields) {
        return row(java.util.Arrays.asList(fields));
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !NUMBER.matcher(value).matches() ? "'" + value : value;
        if (safe.contains("\"") || safe.contains(",") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
