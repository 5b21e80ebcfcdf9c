package io.microcent.invoicing.write;

import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.invoicing.generate.PlanChange.Timing;
import io.microcent.invoicing.write.changeplan.ChangePlan;
import io.microcent.invoicing.write.changeplan.ChangePlanHandler;
import io.microcent.invoicing.write.changeplan.CustomerPlanChanged;
import io.microcent.invoicing.write.registercustomer.CustomerRegistered;
import io.microcent.invoicing.write.registercustomer.RegisterCustomer;
import io.microcent.invoicing.write.registercustomer.RegisterCustomerHandler;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.json.Json;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.LateUsagePolicy;
import io.microcent.platform.axon.Rejection;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerTest {

    private static final CustomerId ACME = CustomerId.of("acme");
    private static final PlanId STARTER = PlanId.of("starter");
    private static final PlanId GROWTH = PlanId.of("growth");
    private static final PlanId ENTERPRISE = PlanId.of("enterprise");
    private static final PlanId PLATINUM = PlanId.of("platinum");
    private static final Instant REGISTERED_AT = Instant.parse("2026-11-03T09:15:00Z");
    private static final Instant CHANGED_AT = Instant.parse("2026-11-17T14:00:00Z");
    private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");

    private static final CustomerRegistered ACME_REGISTERED_ON_STARTER =
            new CustomerRegistered(ACME, "Acme Inc", STARTER, REGISTERED_AT, null, BillingInterval.MONTH, REGISTERED_AT);
    private static final CustomerRegistered ACME_REGISTERED_ON_GROWTH =
            new CustomerRegistered(ACME, "Acme Inc", GROWTH, REGISTERED_AT, null, BillingInterval.MONTH, REGISTERED_AT);

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void setUp() {
        PlanCatalog plans = PlanCatalog.defaults();
        fixture = new AggregateTestFixture<>(Customer.class);
        fixture.registerInjectableResource(new RegisterCustomerHandler(plans, LateUsagePolicy.DEFAULT));
        fixture.registerInjectableResource(new ChangePlanHandler(plans));
    }

    private static RegisterCustomer register(PlanId plan, Instant at) {
        return new RegisterCustomer(ACME, "Acme Inc", plan, null, BillingInterval.MONTH, at, at);
    }

    @Test
    void a_new_customer_is_registered_on_its_plan_from_the_time_of_the_command() {
        fixture.givenNoPriorActivity()
                .when(register(STARTER, REGISTERED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ACME_REGISTERED_ON_STARTER);
    }

    @Test
    void the_registration_records_email_interval_and_a_billing_start_within_the_open_period() {
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(ACME, "Acme Inc", STARTER, "billing@acme.test", BillingInterval.YEAR, start, REGISTERED_AT))
                .expectEvents(new CustomerRegistered(ACME, "Acme Inc", STARTER, REGISTERED_AT, "billing@acme.test",
                        BillingInterval.YEAR, start));
    }

    @Test
    void billing_may_start_in_last_month_while_it_is_still_open_for_late_usage() {
        Instant dec2 = Instant.parse("2026-12-02T10:00:00Z"); // November is open until 3 December, 00:00
        Instant nov1 = Instant.parse("2026-11-01T00:00:00Z");
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(ACME, "Acme Inc", STARTER, null, BillingInterval.MONTH, nov1, dec2))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_billing_start_before_the_oldest_open_period_is_rejected_naming_the_field() {
        Instant dec3 = Instant.parse("2026-12-03T00:00:01Z"); // November closed a second ago
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(ACME, "Acme Inc", STARTER, null, BillingInterval.MONTH,
                        Instant.parse("2026-11-30T12:00:00Z"), dec3))
                .expectException(Rejection.class)
                .expectExceptionMessage("billingStartsAt must not be before 2026-12-01T00:00:00Z, the start of the oldest "
                        + "period still open for late usage (2026-12)")
                .expectNoEvents();
        assertThatThrownBy(() -> new RegisterCustomerHandler(PlanCatalog.defaults(), LateUsagePolicy.DEFAULT)
                .decide(new RegisterCustomer(ACME, "Acme Inc", STARTER, null, BillingInterval.MONTH,
                        Instant.parse("2026-11-30T12:00:00Z"), dec3), CustomerState.UNREGISTERED))
                .isInstanceOfSatisfying(Rejection.class, rejection -> {
                    assertThat(rejection.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(rejection.field()).isEqualTo("billingStartsAt");
                });
    }

    @Test
    void a_billing_start_in_the_future_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(ACME, "Acme Inc", STARTER, null, BillingInterval.MONTH, REGISTERED_AT.plusSeconds(1), REGISTERED_AT))
                .expectException(Rejection.class)
                .expectExceptionMessage("billingStartsAt 2026-11-03T09:15:01Z is in the future")
                .expectNoEvents();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"acme", "a@b", "@acme.test", "a b@acme.test", "a@acme..test", ".a@acme.test", "a.@acme.test",
            "a@-acme.test", "ä@acme.test"})
    void an_implausible_email_is_refused(String email) {
        assertThatThrownBy(() -> RegisterCustomer.checkEmail(email)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email");
    }

    @Test
    void an_email_longer_than_254_characters_is_refused_and_a_plausible_one_kept() {
        String longest = "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(3) + "c".repeat(6);
        assertThat(longest).hasSize(254);
        assertThat(RegisterCustomer.checkEmail(longest)).isEqualTo(longest);
        assertThat(RegisterCustomer.checkEmail("billing+invoices@acme.co.uk")).isEqualTo("billing+invoices@acme.co.uk");
        assertThatThrownBy(() -> RegisterCustomer.checkEmail("a" + longest)).hasMessageContaining("at most 254");
    }

    @Test
    void a_registration_stored_before_intervals_existed_reads_as_monthly_billing_from_registration() throws Exception {
        CustomerRegistered old = Json.mapper().readValue("""
                {"customer":"acme","name":"Acme Inc","plan":"starter","registeredAt":"2026-11-03T09:15:00Z"}""",
                CustomerRegistered.class);

        assertThat(old).isEqualTo(ACME_REGISTERED_ON_STARTER);
    }

    @Test
    void a_plan_change_stored_before_timings_existed_reads_as_immediate_at_its_time() throws Exception {
        CustomerPlanChanged old = Json.mapper().readValue("""
                {"customer":"acme","previousPlan":"starter","plan":"growth","effectiveFrom":"2026-11-17T14:00:00Z"}""",
                CustomerPlanChanged.class);

        assertThat(old).isEqualTo(new CustomerPlanChanged(ACME, STARTER, GROWTH, Timing.IMMEDIATELY, CHANGED_AT, CHANGED_AT));
        assertThat(old.effectiveOnRequest()).isTrue();
    }

    @Test
    void registering_a_customer_that_exists_is_rejected_as_customer_exists() {
        fixture.given(ACME_REGISTERED_ON_STARTER)
                .when(register(GROWTH, CHANGED_AT))
                .expectException(CustomerAlreadyExists.class)
                .expectNoEvents();
    }

    @Test
    void registering_on_a_plan_outside_the_catalog_is_rejected_as_unknown_plan() {
        fixture.givenNoPriorActivity()
                .when(register(PLATINUM, REGISTERED_AT))
                .expectException(UnknownPlan.class)
                .expectNoEvents()
                .expectExceptionMessage("plan platinum is not in the catalog");
    }

    @Test
    void an_upgrade_takes_effect_at_the_time_of_the_command() {
        fixture.given(ACME_REGISTERED_ON_STARTER)
                .when(new ChangePlan(ACME, GROWTH, Timing.DEFAULT, CHANGED_AT))
                .expectEvents(new CustomerPlanChanged(ACME, STARTER, GROWTH, Timing.DEFAULT, CHANGED_AT, CHANGED_AT));
    }

    @Test
    void a_downgrade_takes_effect_at_the_end_of_the_month() {
        fixture.given(ACME_REGISTERED_ON_GROWTH)
                .when(new ChangePlan(ACME, STARTER, Timing.DEFAULT, CHANGED_AT))
                .expectEvents(new CustomerPlanChanged(ACME, GROWTH, STARTER, Timing.DEFAULT, CHANGED_AT, DEC_1));
    }

    @Test
    void a_yearly_subscriptions_downgrade_waits_for_the_end_of_the_billing_year() {
        fixture.given(new CustomerRegistered(ACME, "Acme Inc", GROWTH, REGISTERED_AT, null, BillingInterval.YEAR, REGISTERED_AT))
                .when(new ChangePlan(ACME, STARTER, Timing.DEFAULT, CHANGED_AT))
                .expectEvents(new CustomerPlanChanged(ACME, GROWTH, STARTER, Timing.DEFAULT, CHANGED_AT,
                        Instant.parse("2027-11-01T00:00:00Z")));
    }

    @Test
    void immediately_and_at_term_end_override_the_fees() {
        fixture.given(ACME_REGISTERED_ON_GROWTH)
                .when(new ChangePlan(ACME, STARTER, Timing.IMMEDIATELY, CHANGED_AT))
                .expectEvents(new CustomerPlanChanged(ACME, GROWTH, STARTER, Timing.IMMEDIATELY, CHANGED_AT, CHANGED_AT));
        fixture.given(ACME_REGISTERED_ON_STARTER)
                .when(new ChangePlan(ACME, ENTERPRISE, Timing.AT_TERM_END, CHANGED_AT))
                .expectEvents(new CustomerPlanChanged(ACME, STARTER, ENTERPRISE, Timing.AT_TERM_END, CHANGED_AT, DEC_1));
    }

    @Test
    void a_second_plan_change_starts_from_the_plan_in_force() {
        fixture.given(ACME_REGISTERED_ON_STARTER,
                        new CustomerPlanChanged(ACME, STARTER, GROWTH, Timing.DEFAULT, CHANGED_AT, CHANGED_AT))
                .when(new ChangePlan(ACME, ENTERPRISE, Timing.DEFAULT, CHANGED_AT.plusSeconds(60)))
                .expectEvents(new CustomerPlanChanged(ACME, GROWTH, ENTERPRISE, Timing.DEFAULT, CHANGED_AT.plusSeconds(60),
                        CHANGED_AT.plusSeconds(60)));
    }

    @Test
    void while_a_downgrade_is_pending_the_plan_in_force_is_still_the_old_one_and_upgrading_it_is_immediate() {
        fixture.given(ACME_REGISTERED_ON_GROWTH,
                        new CustomerPlanChanged(ACME, GROWTH, STARTER, Timing.DEFAULT, CHANGED_AT, DEC_1))
                .when(new ChangePlan(ACME, ENTERPRISE, Timing.DEFAULT, CHANGED_AT.plusSeconds(60)))
                .expectEvents(new CustomerPlanChanged(ACME, GROWTH, ENTERPRISE, Timing.DEFAULT, CHANGED_AT.plusSeconds(60),
                        CHANGED_AT.plusSeconds(60)));
    }

    @Test
    void asking_again_for_a_pending_downgrade_records_nothing() {
        fixture.given(ACME_REGISTERED_ON_GROWTH,
                        new CustomerPlanChanged(ACME, GROWTH, STARTER, Timing.DEFAULT, CHANGED_AT, DEC_1))
                .when(new ChangePlan(ACME, STARTER, Timing.DEFAULT, CHANGED_AT.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void asking_for_a_pending_downgrade_immediately_brings_it_forward() {
        fixture.given(ACME_REGISTERED_ON_GROWTH,
                        new CustomerPlanChanged(ACME, GROWTH, STARTER, Timing.DEFAULT, CHANGED_AT, DEC_1))
                .when(new ChangePlan(ACME, STARTER, Timing.IMMEDIATELY, CHANGED_AT.plusSeconds(60)))
                .expectEvents(new CustomerPlanChanged(ACME, GROWTH, STARTER, Timing.IMMEDIATELY, CHANGED_AT.plusSeconds(60),
                        CHANGED_AT.plusSeconds(60)));
    }

    @Test
    void changing_to_the_plan_the_customer_is_on_records_nothing_so_a_retry_is_harmless() {
        fixture.given(ACME_REGISTERED_ON_STARTER)
                .when(new ChangePlan(ACME, STARTER, Timing.DEFAULT, CHANGED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(ACME_REGISTERED_ON_STARTER)
                .when(new ChangePlan(ACME, STARTER, Timing.IMMEDIATELY, CHANGED_AT))
                .expectNoEvents();
    }

    @Test
    void changing_to_a_plan_outside_the_catalog_is_rejected_as_unknown_plan() {
        fixture.given(ACME_REGISTERED_ON_STARTER)
                .when(new ChangePlan(ACME, PLATINUM, Timing.DEFAULT, CHANGED_AT))
                .expectException(UnknownPlan.class)
                .expectNoEvents();
    }

    @Test
    void changing_the_plan_of_a_customer_never_registered_is_rejected_as_customer_not_found() {
        fixture.givenNoPriorActivity()
                .when(new ChangePlan(ACME, GROWTH, Timing.DEFAULT, CHANGED_AT))
                .expectException(CustomerNotFound.class)
                .expectNoEvents();
    }
}
