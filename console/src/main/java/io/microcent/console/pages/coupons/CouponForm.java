package io.microcent.console.pages.coupons;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.console.api.ApiProblem;
import io.microcent.console.web.ConsoleRequest;
import io.microcent.model.json.Json;
import io.microcent.model.money.Microcents;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A coupon or promotion code form turned into the invoicing API's request body. People type dollars and dates;
 * the API takes microcents and instants. What cannot even be converted is refused here, every such field at
 * once, in the API's own shape (the field the API would name), so the form shows it like the service's refusals;
 * everything else is the service's to judge.
 */
final class CouponForm {

    private final ConsoleRequest request;
    private final ObjectNode body = Json.mapper().createObjectNode();
    private final List<ApiProblem.FieldError> errors = new ArrayList<>();

    CouponForm(ConsoleRequest request) {
        this.request = request;
    }

    CouponForm text(String param, String field) {
        request.param(param).ifPresent(value -> body.put(field, value));
        return this;
    }

    /** A whole number ≥ 0 as typed. */
    CouponForm count(String param, String field) {
        request.param(param).ifPresent(value -> {
            try {
                body.put(field, Long.parseLong(value));
            } catch (NumberFormatException e) {
                errors.add(new ApiProblem.FieldError(field, "invalid", "a whole number, e.g. 100"));
            }
        });
        return this;
    }

    /** Dollars as typed ({@code 2.50}) to microcents. */
    CouponForm dollars(String param, String field) {
        request.param(param).ifPresent(value -> {
            try {
                body.put(field, Microcents.ofDollars(value.replace("$", "").replace(",", "")).value());
            } catch (IllegalArgumentException e) {
                errors.add(new ApiProblem.FieldError(field, "invalid", "a dollar amount, e.g. 2.50 (at most 6 decimals)"));
            }
        });
        return this;
    }

    /** A {@code datetime-local} value, read as UTC, to an instant. */
    CouponForm instant(String param, String field) {
        request.param(param).ifPresent(value -> {
            try {
                body.put(field, LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toString());
            } catch (DateTimeParseException e) {
                errors.add(new ApiProblem.FieldError(field, "invalid", "a date and time, e.g. 2027-01-31T23:59 (UTC)"));
            }
        });
        return this;
    }

    CouponForm flag(String param, String field) {
        if (request.param(param).isPresent()) {
            body.put(field, true);
        }
        return this;
    }

    /** A repeatable parameter (checkboxes) as an array; left out when none is ticked. */
    CouponForm list(String param, String field) {
        List<String> values = request.params(param);
        if (!values.isEmpty()) {
            ArrayNode array = body.putArray(field);
            values.forEach(array::add);
        }
        return this;
    }

    /** The body, or the conversion errors as the API would answer them. */
    ObjectNode body() {
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "Validation failed",
                    "Some fields could not be read: " + String.join(", ", errors.stream().map(ApiProblem.FieldError::field).toList()) + ".",
                    errors);
        }
        return body;
    }
}
