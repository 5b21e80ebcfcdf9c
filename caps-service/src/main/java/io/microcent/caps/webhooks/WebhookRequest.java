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
import java.util.Optional;

/**
 * The body of {@code POST /v1/webhooks}, as sent. {@link #validate(WebhookUrlRule)} checks every field and reports all
 * problems at once.
 *
 * @param url         where alerts are POSTed: {@code https://…} to a public address ({@link WebhookUrlRule}); plain
 *                    {@code http://} only to local receivers, when those are allowed
 * @param customer    optional: only this customer's events
 * @param events      optional: only these event types ({@code invoice.paid}) and groups ({@code cap.*},
 *                    {@code invoice.*}), at least one, no repeats; without it, every type
 * @param format      {@code json} (default) or {@code slack}
 * @param description optional note for operators, at most {@value #MAX_DESCRIPTION} characters
 */
public record WebhookRequest(String url, String customer, List<String> events, String format, String description) {

    static final int MAX_URL = 2048;
    static final int MAX_DESCRIPTION = 500;
    NewWebhook validate(WebhookUrlRule rule) {
        List<FieldError> errors = new ArrayList<>();
        URI endpoint = url(errors, rule);
        CustomerId only = null;
        if (customer != null) {
            try {
                only = CustomerId.of(customer);
            } catch (InvalidIdException e) {
                errors.add(FieldError.of("customer", "invalid_id", "customer " + e.reason()));
            }
        }
        List<String> wanted = events(errors);
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
        return new NewWebhook(endpoint, only, wanted, chosen, note);
    }

    private List<String> events(List<FieldError> errors) {
        if (events == null) {
            return null;
        }
        if (events.isEmpty()) {
            errors.add(FieldError.of("events", "empty", "events must name at least one event type; leave it out for every type"));
            return null;
        }
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String entry = events.get(i);
            String field = "events[" + i + "]";
            if (entry == null || !EventTypes.isFilterable(entry)) {
                errors.add(FieldError.of(field, "invalid", "events entries are one of " + String.join(", ", EventTypes.FILTERABLE)));
            } else if (wanted.contains(entry)) {
                errors.add(FieldError.of(field, "duplicate", "events lists " + entry + " twice"));
            } else {
                wanted.add(entry);
            }
        }
        return List.copyOf(wanted);
    }

    private URI url(List<FieldError> errors, WebhookUrlRule rule) {
        if (url == null || url.isBlank()) {
            errors.add(JsonBodies.required("url"));
            return null;
        }
        if (url.length() > MAX_URL) {
            errors.add(FieldError.of("url", "too_long", "url must be at most " + MAX_URL + " characters"));
            return null;
        }
        int outside = firstNonUrlCharacter(url);
        if (outside >= 0) {
            errors.add(FieldError.of("url", "invalid", "url may contain only printable ASCII (percent-encode other characters, "
                    + "punycode for host names); found U+%04X at position %d".formatted(url.codePointAt(outside), outside)));
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65_535)) {
                errors.add(FieldError.of("url", "invalid", "url's port must be between 1 and 65535"));
                return null;
            }
            Optional<FieldError> refused = rule.refusalAtCreate(uri);
            if (refused.isPresent()) {
                errors.add(refused.get());
                return null;
            }
            if (uri.getHost() == null) { // e.g. a numeric host that is public but that URI, and so the HTTP client, cannot take
                errors.add(FieldError.of("url", "invalid", "url must be an absolute https:// URL with a host name or a dotted address"));
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            errors.add(FieldError.of("url", "invalid", "url is not a valid URL: " + e.getReason()));
            return null;
        }
    }

    /**
     * A URL is ASCII (RFC 3986): anything else, whitespace, controls, bidi formatting characters or lone
     * surrogates included, would be stored and shown as something other than what is requested. -1 when none.
     */
    private static int firstNonUrlCharacter(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return i;
            }
        }
        return -1;
    }
}
