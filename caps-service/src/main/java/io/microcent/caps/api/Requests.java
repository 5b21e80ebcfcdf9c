package io.microcent.caps.api;

import io.javalin.http.Context;
import io.microcent.caps.write.Actor;
import io.microcent.model.id.CapId;
import io.microcent.model.id.InvalidIdException;
import io.microcent.platform.http.ApiException;

/** What caps endpoints read from a request besides its body: the cap of the path, the acting operator. */
public final class Requests {

    private Requests() {
    }

    /** The cap of a {@code /v1/caps/{id}…} route; a malformed id is an invalid parameter, not a missing cap. */
    public static CapId capId(Context ctx) {
        try {
            return CapId.of(ctx.pathParam("id"));
        } catch (InvalidIdException e) {
            throw ApiException.badParameter("id", "id " + e.reason());
        }
    }

    /** The operator named by {@value Actor#HEADER}, or {@link Actor#OPERATOR} when the header is absent. */
    public static Actor actor(Context ctx) {
        String header = ctx.header(Actor.HEADER);
        if (header == null || header.isBlank()) {
            return Actor.OPERATOR;
        }
        try {
            return Actor.of(header.strip());
        } catch (InvalidIdException e) {
            throw ApiException.badParameter(Actor.HEADER, Actor.HEADER + " " + e.reason());
        }
    }
}
