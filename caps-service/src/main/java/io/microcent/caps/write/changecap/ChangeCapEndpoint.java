package io.microcent.caps.write.changecap;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.caps.api.Requests;
import io.microcent.caps.read.caps.CapRepository;
import io.microcent.caps.read.caps.CapsEndpoint;
import io.microcent.caps.write.CapSettings;
import io.microcent.caps.write.createcap.CreateCapEndpoint;
import io.microcent.model.caps.CapMode;
import io.microcent.model.id.CapId;
import io.microcent.model.money.Microcents;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.JsonBodies;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.http.RequestFields;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * {@code PATCH /v1/caps/{id}} {@code {"amountMicrocents":…,"mode":…,"thresholds":[…]}} (any of them):
 * changes a cap from now on. 200 with the cap means the change is stored and published.
 */
public final class ChangeCapEndpoint implements HttpRoutes {

    record Request(BigDecimal amountMicrocents, String mode, List<BigDecimal> thresholds) {
    }

    private final OperatorAuth auth;
    private final CommandSender commands;
    private final CapRepository caps;
    private final Clock clock;

    public ChangeCapEndpoint(OperatorAuth auth, CommandSender commands, CapRepository caps, Clock clock) {
        this.auth = auth;
        this.commands = commands;
        this.caps = caps;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.patch("/v1/caps/{id}", this::patch);
    }

    private void patch(Context ctx) {
        auth.require(ctx);
        CapId id = Requests.capId(ctx);
        Request body = JsonBodies.read(ctx, Request.class);
        RequestFields fields = new RequestFields();
        if (body.amountMicrocents() == null && body.mode() == null && body.thresholds() == null) {
            fields.reject("body", "empty", "send at least one of amountMicrocents, mode, thresholds");
        }
        Long amount = fields.wholeNumber("amountMicrocents", body.amountMicrocents(), 1, CreateCapEndpoint.MAX_AMOUNT, false);
        CapMode mode = fields.optional("mode", body.mode(), CapMode::of, null);
        List<Integer> thresholds = fields.percentages("thresholds", body.thresholds(), CapSettings.MAX_THRESHOLDS);
        fields.throwIfInvalid();
        commands.send(new ChangeCap(id, amount == null ? null : Microcents.of(amount), mode, thresholds,
                Requests.actor(ctx), clock.instant()));
        ctx.json(CapsEndpoint.require(caps, id));
    }
}
