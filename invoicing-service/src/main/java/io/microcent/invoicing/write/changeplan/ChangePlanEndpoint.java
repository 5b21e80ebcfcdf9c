package io.microcent.invoicing.write.changeplan;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.api.PathIds;
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
 * {@code PUT /v1/customers/{id}/plan} {@code {"plan":"growth"}}: moves a customer to another plan, effective
 * now. 200 with the customer means the change is stored and the new plan is on {@code customer.plans}.
 */
public final class ChangePlanEndpoint implements HttpRoutes {

    record Request(String plan) {
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
        PlanId plan = fields.required("plan", JsonBodies.read(ctx, Request.class).plan(), PlanId::of);
        fields.throwIfInvalid();
        commands.send(new ChangePlan(id, plan, clock.instant()), ErrorCode.CONFLICT);
        ctx.json(CustomersEndpoint.require(customers, id));
    }
}
