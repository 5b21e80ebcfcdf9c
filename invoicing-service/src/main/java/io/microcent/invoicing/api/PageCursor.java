package io.microcent.invoicing.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/**
 * The one shape of this API's page cursors ({@code nextCursor}, passed back as {@code cursor}): a list's position
 * (the sort key of a page's last item) as text, base64url, so clients treat it as opaque.
 */
public final class PageCursor {

    private PageCursor() {
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when {@code text} is not a cursor this API gave out */
    public static <T> T decode(String text, Function<String, T> position) {
        try {
            return position.apply(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor from a previous page", e);
        }
    }
}
