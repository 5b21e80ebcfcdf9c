package io.microcent.caps.write.deletecap;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.microcent.caps.api.Requests;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;

import java.time.Clock;

/**
 * {@code DELETE /v1/caps/{id}}: 204 once the cap is deleted and the customer's remaining caps are
 * published; deleting it again answers 204 and records nothing; a cap never created is 404.
 */
public final class DeleteCapEndpoint implements HttpRoutes {

    private final OperatorAuth auth;
    private final CommandSender commands;
    private final Clock clock;

    public DeleteCapEndpoint(OperatorAuth auth, CommandSender commands, Clock clock) {
        this.auth = auth;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.delete("/v1/caps/{id}", this::delete);
    }

    private void delete(Context ctx) {
        auth.require(ctx);
        commands.send(new DeleteCap(Requests.capId(ctx), Requests.actor(ctx), clock.instant()));
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
