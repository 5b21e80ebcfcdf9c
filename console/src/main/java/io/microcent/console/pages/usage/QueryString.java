package io.microcent.console.pages.usage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A console URL's query, in order, parameters repeating (filters): what makes every view of the Usage and
 * Analytics pages a URL to share. Blank values are left out.
 */
public final class QueryString {

    private final List<String[]> pairs = new ArrayList<>();

    public QueryString add(String name, String value) {
        if (value != null && !value.isBlank()) {
            pairs.add(new String[]{name, value});
        }
        return this;
    }

    public QueryString addAll(String name, List<String> values) {
        values.forEach(value -> add(name, value));
        return this;
    }

    /** {@code path?a=1&b=2}, or {@code path} alone without parameters. */
    public String on(String path) {
        if (pairs.isEmpty()) {
            return path;
        }
        StringJoiner joined = new StringJoiner("&", path + "?", "");
        pairs.forEach(pair -> joined.add(encode(pair[0]) + "=" + encode(pair[1])));
        return joined.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
