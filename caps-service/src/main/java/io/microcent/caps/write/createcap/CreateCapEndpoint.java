package io.microcent.caps.write.createcap;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.microcent.caps.api.Requests;
import io.microcent.caps.read.caps.CapRepository;
import io.microcent.caps.read.caps.CapsEndpoint;
import io.microcent.caps.spend.ScopeIds;
import io.microcent.caps.write.CapSettings;
import io.microcent.model.caps.CapMeasure;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapPeriod;
import io.microcent.model.caps.CapScope;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.customers.CustomerDirectory;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.JsonBodies;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.http.RequestFields;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * {@code POST /v1/caps}: creates a cap. 201 means the cap is stored and the customer's caps, this one
 * included, are on {@code caps.definitions}. The customer must exist (422 {@code customer_not_found}, nothing recorded).
 */
public final class CreateCapEndpoint implements HttpRoutes {

    /** The largest cap amount: one billion dollars, so that percentages of it never overflow. */
    public static final long MAX_AMOUNT = 1_000_000_000L * Microcents.PER_DOLLAR;

    /** The body as sent; every field is checked explicitly so that all problems are reported together. */
    record Request(String customer, String scope, String scopeId, BigDecimal amountMicrocents, String period,
                   String measure, String mode, List<BigDecimal> thresholds) {
    }

    private final OperatorAuth auth;
    private final CommandSender commands;
    private final CapRepository caps;
    private final CustomerDirectory customers;
    private final Clock clock;

    public CreateCapEndpoint(OperatorAuth auth, CommandSender commands, CapRepository caps, CustomerDirectory customers,
                             Clock clock) {
        this.auth = auth;
        this.commands = commands;
        this.caps = caps;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/caps", this::post);
    }

    private void post(Context ctx) {
        auth.require(ctx);
        CreateCap command = toCommand(JsonBodies.read(ctx, Request.class), ctx);
        commands.send(command);
        ctx.status(HttpStatus.CREATED)
                .header("Location", "/v1/caps/" + command.capId())
                .json(CapsEndpoint.require(caps, command.capId()));
    }

    private CreateCap toCommand(Request body, Context ctx) {
        RequestFields fields = new RequestFields();
        CustomerId customer = fields.required("customer", body.customer(), CustomerId::of);
        CapScope scope = fields.optional("scope", body.scope(), CapScope::of, CapScope.CUSTOMER);
        String scopeId = null;
        if (customer != null && scope != null) {
            // a customer cap names its customer; every other scope must say which one
            String raw = body.scopeId() == null && scope == CapScope.CUSTOMER ? customer.raw() : body.scopeId();
            scopeId = fields.required("scopeId", raw, id -> ScopeIds.checkScopeId(scope, customer, id));
        }
        Long amount = fields.wholeNumber("amountMicrocents", body.amountMicrocents(), 1, MAX_AMOUNT, true);
        CapPeriod period = fields.optional("period", body.period(), CapPeriod::of, CapPeriod.MONTH);
        CapMeasure measure = fields.optional("measure", body.measure(), CapMeasure::of, CapMeasure.CHARGE);
        CapMode mode = fields.optional("mode", body.mode(), CapMode::of, CapMode.HARD);
        List<Integer> thresholds = fields.percentages("thresholds", body.thresholds(), CapSettings.MAX_THRESHOLDS);
        fields.throwIfInvalid();
        // before the command: a cap of an unknown customer records nothing
        customers.requireExists("customer", customer);
        CapSettings settings = new CapSettings(Microcents.of(amount), mode,
                thresholds != null ? thresholds : CapSettings.DEFAULT_THRESHOLDS);
        return new CreateCap(CapId.random(), customer, scope, scopeId, period, measure, settings,
                Requests.actor(ctx), clock.instant());
    }
}
