package io.microcent.invoicing.write.changeplan;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.api.PathIds;
import io.microcent.invoicing.generate.PlanChange;
import io.microcent.invoicing.read.customers.CustomerRepository;
import io.microcent.invoicing.read.customers.CustomersEndpoint;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.JsonBodies;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.http.RequestFields;

import java.time.Clock;

/**
 * {@code PUT /v1/customers/{id}/plan} {@code {"plan":"growth","timing":"default"}}: moves a customer to another
 * plan, at once or at the end of the fee term ({@link ChangePlanHandler}). 200 with the customer means the
 * change is stored and, when it takes effect at once, the new plan is on {@code customer.plans}; a deferred one
 * shows as the customer's {@code pendingPlanChange} until it falls due.
 */
public final class ChangePlanEndpoint implements HttpRoutes {

    record Request(String plan, String timing) {
    }

    private final OperatorAuth auth;
    private final CommandSender commands;
    private final CustomerRepository customers;
    private final Clock clock;

    public ChangePlanEndpoint(OperatorAuth auth, CommandSender commands, CustomerRepository customers, Clock clock) {
        this.auth = auth;
        this.commands = commands;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.put("/v1/customers/{id}/plan", this::put);
    }

    private void put(Context ctx) {
        auth.require(ctx);
        CustomerId id = PathIds.customer(ctx);
        RequestFields fields = new RequestFields();
        Request body = JsonBodies.read(ctx, Request.class);
        PlanId plan = fields.required("plan", body.plan(), PlanId::of);
        PlanChange.Timing timing = fields.optional("timing", body.timing(), ChangePlanEndpoint::timing, PlanChange.Timing.DEFAULT);
        fields.throwIfInvalid();
        commands.send(new ChangePlan(id, plan, timing, clock.instant()), ErrorCode.CONFLICT);
        ctx.json(CustomersEndpoint.require(customers, id));
    }

    private static PlanChange.Timing timing(String raw) {
        return switch (raw) {
            case "default" -> PlanChange.Timing.DEFAULT;
            case "immediately" -> PlanChange.Timing.IMMEDIATELY;
            case "at_term_end" -> PlanChange.Timing.AT_TERM_END;
            default -> throw new IllegalArgumentException("timing must be default, immediately or at_term_end");
        };
    }
}
