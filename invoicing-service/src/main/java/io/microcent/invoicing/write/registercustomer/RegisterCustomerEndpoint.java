package io.microcent.invoicing.write.registercustomer;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.microcent.invoicing.generate.BillingInterval;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code POST /v1/customers} {@code {"id":"acme","name":"Acme Inc","plan":"starter","email":"billing@acme.test",
 * "billingInterval":"month","billingStartsAt":"2026-11-01T00:00:00Z"}} (the last three optional): registers a
 * customer. 201 means the customer is stored and its plan is on {@code customer.plans}.
 */
public final class RegisterCustomerEndpoint implements HttpRoutes {

    /** The body as sent; every field is checked explicitly so that all problems are reported together. */
    record Request(String id, String name, String plan, String email, String billingInterval, String billingStartsAt) {
    }

    private final OperatorAuth auth;
    private final CommandSender commands;
    private final CustomerRepository customers;
    private final Clock clock;

    public RegisterCustomerEndpoint(OperatorAuth auth, CommandSender commands, CustomerRepository customers, Clock clock) {
        this.auth = auth;
        this.commands = commands;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/customers", this::post);
    }

    private void post(Context ctx) {
        auth.require(ctx);
        RegisterCustomer command = toCommand(JsonBodies.read(ctx, Request.class));
        commands.send(command, ErrorCode.CUSTOMER_EXISTS);
        ctx.status(HttpStatus.CREATED)
                .header("Location", "/v1/customers/" + command.customer())
                .json(CustomersEndpoint.require(customers, command.customer()));
    }

    private RegisterCustomer toCommand(Request body) {
        RequestFields fields = new RequestFields();
        CustomerId id = fields.required("id", body.id(), CustomerId::of);
        String name = fields.required("name", body.name(), RegisterCustomer::checkName);
        PlanId plan = fields.required("plan", body.plan(), PlanId::of);
        String email = fields.optional("email", body.email(), RegisterCustomer::checkEmail, null);
        BillingInterval interval = fields.optional("billingInterval", body.billingInterval(), BillingIntervals::parse,
                BillingInterval.MONTH);
        Instant now = clock.instant();
        Instant billingStartsAt = fields.optional("billingStartsAt", body.billingStartsAt(), RegisterCustomerEndpoint::instant, now);
        fields.throwIfInvalid();
        return new RegisterCustomer(id, name, plan, email, interval, billingStartsAt, now);
    }

    private static Instant instant(String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("billingStartsAt must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
