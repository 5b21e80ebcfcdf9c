package io.microcent.invoicing.write;

import io.microcent.invoicing.write.changeplan.ChangePlan;
import io.microcent.invoicing.write.changeplan.ChangePlanHandler;
import io.microcent.invoicing.write.changeplan.CustomerPlanChanged;
import io.microcent.invoicing.write.registercustomer.CustomerRegistered;
import io.microcent.invoicing.write.registercustomer.RegisterCustomer;
import io.microcent.invoicing.write.registercustomer.RegisterCustomerHandler;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.plan.PlanCatalog;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class CustomerTest {

    private static final CustomerId ACME = CustomerId.of("acme");
    private static final PlanId STARTER = PlanId.of("starter");
    private static final PlanId GROWTH = PlanId.of("growth");
    private static final PlanId ENTERPRISE = PlanId.of("enterprise");
    private static final PlanId PLATINUM = PlanId.of("platinum");
    private static final Instant REGISTERED_AT = Instant.parse("2026-11-03T09:15:00Z");
    private static final Instant CHANGED_AT = Instant.parse("2026-11-17T14:00:00Z");

    private static final CustomerRegistered ACME_REGISTERED_ON_STARTER =
            new CustomerRegistered(ACME, "Acme Inc", STARTER, REGISTERED_AT);

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void setUp() {
        PlanCatalog plans = PlanCatalog.defaults();
        fixture = new AggregateTestFixture<>(Customer.class);
        fixture.registerInjectableResource(new RegisterCustomerHandler(plans));
        fixture.registerInjectableResource(new ChangePlanHandler(plans));
    }

    @Test
    void a_new_customer_is_registered_on_its_plan_from_the_time_of_the_command() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(ACME, "Acme Inc", STARTER, REGISTERED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ACME_REGISTERED_ON_STARTER);
    }

    @Test
    void registering_a_customer_that_exists_is_rejected_as_customer_exists() {
        fixture.given(ACME_REGISTERED_ON_STARTER)
                .when(new RegisterCustomer(ACME, "Acme again", GROWTH, CHANGED_AT))
                .expectException(CustomerAlreadyExists.class)
                .expectNoEvents();
    }

    @Test
    void registering_on_a_plan_outside_the_catalog_is_rejected_as_unknown_plan() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(ACME, "Acme Inc", PLATINUM, REGISTERED_AT))
                .expectException(UnknownPlan.class)
                .expectNoEvents()
                .expectExceptionMessage("plan platinum is not in the catalog");
    }

    @Test
    void changing_the_plan_records_the_old_and_new_plan_effective_from_the_time_of_the_command() {
        fixture.given(ACME_REGISTERED_ON_STARTER)
                .when(new ChangePlan(ACME, GROWTH, CHANGED_AT))
                .expectEvents(new CustomerPlanChanged(ACME, STARTER, GROWTH, CHANGED_AT));
    }

    @Test
    void a_second_plan_change_starts_from_the_plan_of_the_first() {
        fixture.given(ACME_REGISTERED_ON_STARTER, new CustomerPlanChanged(ACME, STARTER, GROWTH, CHANGED_AT))
                .when(new ChangePlan(ACME, ENTERPRISE, CHANGED_AT.plusSeconds(60)))
                .expectEvents(new CustomerPlanChanged(ACME, GROWTH, ENTERPRISE, CHANGED_AT.plusSeconds(60)));
    }

    @Test
    void changing_to_the_plan_the_customer_is_on_records_nothing_so_a_retry_is_harmless() {
        fixture.given(ACME_REGISTERED_ON_STARTER)
                .when(new ChangePlan(ACME, STARTER, CHANGED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changing_to_a_plan_outside_the_catalog_is_rejected_as_unknown_plan() {
        fixture.given(ACME_REGISTERED_ON_STARTER)
                .when(new ChangePlan(ACME, PLATINUM, CHANGED_AT))
                .expectException(UnknownPlan.class)
                .expectNoEvents();
    }

    @Test
    void changing_the_plan_of_a_customer_never_registered_is_rejected_as_customer_not_found() {
        fixture.givenNoPriorActivity()
                .when(new ChangePlan(ACME, GROWTH, CHANGED_AT))
                .expectException(CustomerNotFound.class)
                .expectNoEvents();
    }
}
