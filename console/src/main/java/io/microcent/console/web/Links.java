package io.microcent.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Links between console pages that keep a page's filters: each value escaped, blanks left out. */
public final class Links {

    private Links() {
    }

    /** {@code path?a=1&b=2} of the non-blank values, in the map's order; {@code path} alone when none. */
    public static String to(String path, Map<String, String> params) {
        StringJoiner joined = new StringJoiner("&", "?", "");
        joined.setEmptyValue("");
        params.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                joined.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return path + joined;
    }
}
