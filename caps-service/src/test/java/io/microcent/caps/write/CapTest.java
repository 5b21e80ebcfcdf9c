package io.microcent.caps.write;

import io.microcent.caps.write.changecap.CapChanged;
import io.microcent.caps.write.changecap.ChangeCap;
import io.microcent.caps.write.changecap.ChangeCapHandler;
import io.microcent.caps.write.createcap.CapCreated;
import io.microcent.caps.write.createcap.CreateCap;
import io.microcent.caps.write.createcap.CreateCapHandler;
import io.microcent.caps.write.deletecap.CapDeleted;
import io.microcent.caps.write.deletecap.DeleteCap;
import io.microcent.caps.write.deletecap.DeleteCapHandler;
import io.microcent.model.caps.CapMeasure;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapPeriod;
import io.microcent.model.caps.CapScope;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class CapTest {

    private static final CapId CAP = CapId.of("cap_1");
    private static final CustomerId INITECH = CustomerId.of("initech");
    private static final Actor ANN = Actor.of("ann@microcent.io");
    private static final Actor BOB = Actor.of("bob@microcent.io");
    private static final Instant CREATED_AT = Instant.parse("2026-11-03T09:15:00Z");
    private static final Instant CHANGED_AT = Instant.parse("2026-11-17T14:00:00Z");
    private static final Microcents ONE_DOLLAR = Microcents.of(1_000_000);

    private static final CapCreated HARD_DOLLAR_CREATED = new CapCreated(CAP, INITECH, CapScope.CUSTOMER, "initech",
            ONE_DOLLAR, CapPeriod.MONTH, CapMeasure.COST, CapMode.HARD, List.of(50, 80, 100), ANN, CREATED_AT);

    private AggregateTestFixture<Cap> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Cap.class);
        fixture.registerInjectableResource(new CreateCapHandler());
        fixture.registerInjectableResource(new ChangeCapHandler());
        fixture.registerInjectableResource(new DeleteCapHandler());
    }

    @Test
    void a_new_cap_is_created_with_who_asked_and_when() {
        fixture.givenNoPriorActivity()
                .when(create(new CapSettings(ONE_DOLLAR, CapMode.HARD, List.of(50, 80, 100))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(HARD_DOLLAR_CREATED);
    }

    @Test
    void a_hard_cap_always_alerts_at_one_hundred_percent_because_that_is_when_it_blocks() {
        fixture.givenNoPriorActivity()
                .when(create(new CapSettings(ONE_DOLLAR, CapMode.HARD, List.of(90, 25))))
                .expectEvents(new CapCreated(CAP, INITECH, CapScope.CUSTOMER, "initech", ONE_DOLLAR, CapPeriod.MONTH,
                        CapMeasure.COST, CapMode.HARD, List.of(25, 90, 100), ANN, CREATED_AT));
    }

    @Test
    void a_soft_cap_alerts_only_at_the_thresholds_asked_for() {
        fixture.givenNoPriorActivity()
                .when(create(new CapSettings(ONE_DOLLAR, CapMode.SOFT, List.of(75))))
                .expectEvents(new CapCreated(CAP, INITECH, CapScope.CUSTOMER, "initech", ONE_DOLLAR, CapPeriod.MONTH,
                        CapMeasure.COST, CapMode.SOFT, List.of(75), ANN, CREATED_AT));
    }

    @Test
    void creating_a_cap_under_an_id_that_exists_is_rejected_as_a_conflict() {
        fixture.given(HARD_DOLLAR_CREATED)
                .when(create(new CapSettings(ONE_DOLLAR, CapMode.SOFT, List.of(75))))
                .expectException(CapAlreadyExists.class)
                .expectNoEvents();
    }

    @Test
    void changing_the_amount_records_every_setting_as_it_is_now_with_who_and_when() {
        fixture.given(HARD_DOLLAR_CREATED)
                .when(new ChangeCap(CAP, Microcents.of(2_000_000), null, null, BOB, CHANGED_AT))
                .expectEvents(new CapChanged(CAP, INITECH, Microcents.of(2_000_000), CapMode.HARD, List.of(50, 80, 100), BOB, CHANGED_AT));
    }

    @Test
    void turning_a_soft_cap_hard_adds_the_full_threshold() {
        CapCreated softCreated = new CapCreated(CAP, INITECH, CapScope.CUSTOMER, "initech", ONE_DOLLAR, CapPeriod.DAY,
                CapMeasure.CHARGE, CapMode.SOFT, List.of(50), ANN, CREATED_AT);
        fixture.given(softCreated)
                .when(new ChangeCap(CAP, null, CapMode.HARD, null, BOB, CHANGED_AT))
                .expectEvents(new CapChanged(CAP, INITECH, ONE_DOLLAR, CapMode.HARD, List.of(50, 100), BOB, CHANGED_AT));
    }

    @Test
    void a_second_change_starts_from_the_settings_of_the_first() {
        fixture.given(HARD_DOLLAR_CREATED,
                        new CapChanged(CAP, INITECH, Microcents.of(2_000_000), CapMode.HARD, List.of(50, 80, 100), BOB, CHANGED_AT))
                .when(new ChangeCap(CAP, null, CapMode.SOFT, List.of(90), ANN, CHANGED_AT.plusSeconds(60)))
                .expectEvents(new CapChanged(CAP, INITECH, Microcents.of(2_000_000), CapMode.SOFT, List.of(90), ANN,
                        CHANGED_AT.plusSeconds(60)));
    }

    @Test
    void a_change_that_changes_nothing_records_nothing_so_a_retry_is_harmless() {
        fixture.given(HARD_DOLLAR_CREATED)
                .when(new ChangeCap(CAP, ONE_DOLLAR, CapMode.HARD, List.of(100, 80, 50), BOB, CHANGED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changing_a_cap_never_created_is_rejected_as_not_found() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCap(CAP, ONE_DOLLAR, null, null, BOB, CHANGED_AT))
                .expectException(CapNotFound.class)
                .expectNoEvents();
    }

    @Test
    void changing_a_deleted_cap_is_rejected_as_not_found() {
        fixture.given(HARD_DOLLAR_CREATED, new CapDeleted(CAP, INITECH, BOB, CHANGED_AT))
                .when(new ChangeCap(CAP, ONE_DOLLAR, null, null, ANN, CHANGED_AT.plusSeconds(1)))
                .expectException(CapNotFound.class)
                .expectNoEvents();
    }

    @Test
    void deleting_a_cap_records_who_and_when() {
        fixture.given(HARD_DOLLAR_CREATED)
                .when(new DeleteCap(CAP, BOB, CHANGED_AT))
                .expectEvents(new CapDeleted(CAP, INITECH, BOB, CHANGED_AT));
    }

    @Test
    void deleting_a_deleted_cap_again_records_nothing() {
        fixture.given(HARD_DOLLAR_CREATED, new CapDeleted(CAP, INITECH, BOB, CHANGED_AT))
                .when(new DeleteCap(CAP, ANN, CHANGED_AT.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void deleting_a_cap_never_created_is_rejected_as_not_found() {
        fixture.givenNoPriorActivity()
                .when(new DeleteCap(CAP, BOB, CHANGED_AT))
                .expectException(CapNotFound.class)
                .expectNoEvents();
    }

    private static CreateCap create(CapSettings settings) {
        return new CreateCap(CAP, INITECH, CapScope.CUSTOMER, "initech", CapPeriod.MONTH, CapMeasure.COST, settings, ANN, CREATED_AT);
    }
}
