package io.microcent.ingest.keys;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.IdRule;
import io.microcent.model.id.InvalidIdException;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.JsonBodies;

import java.util.List;

/**
 * The body of {@code POST /v1/api-keys}.
 *
 * @param name     what the operator calls the key, 1 to {@value #MAX_NAME_LENGTH} characters (UTF-16 units) of
 *                 text {@link IdRule#LABEL} allows
 * @param customer optional: restricts the key to events of this customer
 */
public record CreateApiKeyRequest(String name, CustomerId customer) {

    public static final int MAX_NAME_LENGTH = 100;

    /** Throws 422 unless the request can be served. */
    public void validate() {
        if (name == null || name.isBlank()) {
            throw ApiException.invalid(List.of(JsonBodies.required("name")));
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw ApiException.invalid(List.of(FieldError.of("name", "too_long",
                    "name must be at most " + MAX_NAME_LENGTH + " characters")));
        }
        try {
            IdRule.LABEL.check("name", name, MAX_NAME_LENGTH);
        } catch (InvalidIdException e) {
            throw ApiException.invalid(List.of(FieldError.of("name", ErrorCode.INVALID_ID.code(), "name " + e.reason())));
        }
    }
}
