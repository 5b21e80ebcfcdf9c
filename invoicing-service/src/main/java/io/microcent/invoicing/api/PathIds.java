package io.microcent.invoicing.api;

import io.javalin.http.Context;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.InvalidIdException;
import io.microcent.platform.http.ApiException;

/** Ids taken from request paths: a malformed one is an invalid parameter, not a missing resource. */
public final class PathIds {

    private PathIds() {
    }

    /** The customer of a {@code /v1/customers/{id}…} route. */
    public static CustomerId customer(Context ctx) {
        try {
            return CustomerId.of(ctx.pathParam("id"));
        } catch (InvalidIdException e) {
            throw ApiException.badParameter("id", "id " + e.reason());
        }
    }
}
