package io.microcent.caps.webhooks;

import io.microcent.model.error.FieldError;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.InvalidIdException;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.JsonBodies;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v1/webhooks}, as sent. {@link #validate()} checks every field and reports all
 * problems at once.
 *
 * @param url         where alerts are POSTed: {@code https://…}; plain {@code http://} only to this machine (loopback), for local receivers
 * @param customer    optional: only this customer's alerts
 * @param format      {@code json} (default) or {@code slack}
 * @param description optional note for operators, at most {@value #MAX_DESCRIPTION} characters
 */
public record WebhookRequest(String url, String customer, String format, String description) {

    static final int MAX_URL = 2048;
    static final int MAX_DESCRIPTION = 500;
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "[::1]");
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    NewWebhook validate() {
        List<FieldError> errors = new ArrayList<>();
        URI endpoint = url(errors);
        CustomerId only = null;
        if (customer != null) {
            try {
                only = CustomerId.of(customer);
            } catch (InvalidIdException e) {
                errors.add(FieldError.of("customer", "invalid_id", "customer " + e.reason()));
            }
        }
        WebhookFormat chosen = format == null ? WebhookFormat.JSON : WebhookFormat.parse(format).orElse(null);
        if (chosen == null) {
            errors.add(FieldError.of("format", "invalid", "format must be json or slack"));
        }
        String note = description == null || description.isBlank() ? null : description.strip();
        if (note != null && note.length() > MAX_DESCRIPTION) {
            errors.add(FieldError.of("description", "too_long", "description must be at most " + MAX_DESCRIPTION + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new NewWebhook(endpoint, only, chosen, note);
    }

    private URI url(List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            errors.add(JsonBodies.required("url"));
            return null;
        }
        if (url.length() > MAX_URL) {
            errors.add(FieldError.of("url", "too_long", "url must be at most " + MAX_URL + " characters"));
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                errors.add(FieldError.of("url", "invalid", "url must be an absolute https:// URL"));
                return null;
            }
            if (scheme.equals("http") && !isLoopback(uri.getHost())) {
                errors.add(FieldError.of("url", "insecure", "url must use https://; plain http:// is accepted only for this machine (localhost)"));
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            errors.add(FieldError.of("url", "invalid", "url is not a valid URL: " + e.getReason()));
            return null;
        }
    }

    /** By name or literal address only: resolving names here would make validation depend on DNS. */
    private static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return LOOPBACK_NAMES.contains(name) || LOOPBACK_V4.matcher(name).matches();
    }
}
