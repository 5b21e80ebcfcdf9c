package io.microcent.invoicing.write.coupon;

import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.invoicing.write.CustomerNotFound;
import io.microcent.invoicing.write.UnknownPlan;
import io.microcent.invoicing.write.archivecoupon.ArchiveCoupon;
import io.microcent.invoicing.write.archivecoupon.ArchiveCouponHandler;
import io.microcent.invoicing.write.archivecoupon.CouponArchived;
import io.microcent.invoicing.write.createcoupon.CouponCreated;
import io.microcent.invoicing.write.createcoupon.CreateCoupon;
import io.microcent.invoicing.write.createcoupon.CreateCouponHandler;
import io.microcent.invoicing.write.createpromotioncode.CreatePromotionCode;
import io.microcent.invoicing.write.createpromotioncode.CreatePromotionCodeHandler;
import io.microcent.invoicing.write.createpromotioncode.PromotionCodeCreated;
import io.microcent.invoicing.write.redeemcoupon.CouponRedeemed;
import io.microcent.invoicing.write.redeemcoupon.CustomerTerms;
import io.microcent.invoicing.write.redeemcoupon.RedeemCoupon;
import io.microcent.invoicing.write.redeemcoupon.RedeemCouponHandler;
import io.microcent.invoicing.write.redeemcoupon.RedemptionId;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.plan.PlanCatalog;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The coupon aggregate's decisions, one test per rule. Customers come from a map (their plan and interval)
 * and a set (those with a finalized invoice), the two interfaces the aggregate is given.
 */
class CouponDecisionsTest {

    private static final CouponCode FOUNDER = CouponCode.of("FOUNDER");
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final CustomerId GLOBEX = CustomerId.of("globex");
    private static final CustomerId INITECH = CustomerId.of("initech");
    private static final PlanId STARTER = PlanId.of("starter");
    private static final PlanId GROWTH = PlanId.of("growth");
    private static final Instant CREATED_AT = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private static final CouponTerms QUARTER_OFF_FOR_A_YEAR = terms(null, null, List.of(), List.of());
    private static final CouponCreated FOUNDER_CREATED = new CouponCreated(FOUNDER, QUARTER_OFF_FOR_A_YEAR, CREATED_AT);
    private static final PromotionCodeTerms LAUNCH = new PromotionCodeTerms("LAUNCH", null, null, false, null);

    private final Map<CustomerId, CustomerTerms.Terms> customers = new HashMap<>();
    private final Set<CustomerId> invoiced = new HashSet<>();
    private AggregateTestFixture<Coupon> fixture;

    @BeforeEach
    void setUp() {
        customers.put(ACME, new CustomerTerms.Terms(STARTER, BillingInterval.MONTH));
        customers.put(GLOBEX, new CustomerTerms.Terms(GROWTH, BillingInterval.YEAR));
        customers.put(INITECH, new CustomerTerms.Terms(STARTER, BillingInterval.MONTH));
        fixture = new AggregateTestFixture<>(Coupon.class);
        fixture.registerInjectableResource(new CreateCouponHandler(PlanCatalog.defaults()));
        fixture.registerInjectableResource(new ArchiveCouponHandler());
        fixture.registerInjectableResource(new CreatePromotionCodeHandler());
        fixture.registerInjectableResource(new RedeemCouponHandler(id -> Optional.ofNullable(customers.get(id)), invoiced::contains));
    }

    private static CouponTerms terms(Long maxRedemptions, Instant redeemBy, List<PlanId> plans, List<BillingInterval> intervals) {
        return new CouponTerms("Founder", new BigDecimal("25"), null, CouponDuration.REPEATING, 12, maxRedemptions,
                redeemBy, plans, intervals);
    }

    private static CouponRedeemed redeemed(CustomerId customer, String promotionCode, Long minimum) {
        return new CouponRedeemed(FOUNDER, RedemptionId.of(FOUNDER, customer), customer, promotionCode, NOW,
                Instant.parse("2027-11-01T00:00:00Z"), QUARTER_OFF_FOR_A_YEAR, minimum);
    }

    /** The rejection with {@code code} (and the request field at fault). */
    private static Matcher<Throwable> rejected(ErrorCode code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable e) {
                return e instanceof CouponRejection r && r.code() == code && field.equals(r.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection " + code + " of field " + field);
            }
        };
    }

    // creating

    @Test
    void a_new_coupon_is_created_with_its_terms() {
        fixture.givenNoPriorActivity()
                .when(new CreateCoupon(FOUNDER, QUARTER_OFF_FOR_A_YEAR, CREATED_AT, false))
                .expectEvents(FOUNDER_CREATED);
    }

    @Test
    void creating_an_existing_coupon_is_refused_as_coupon_exists() {
        fixture.given(FOUNDER_CREATED)
                .when(new CreateCoupon(FOUNDER, QUARTER_OFF_FOR_A_YEAR, NOW, false))
                .expectException(rejected(ErrorCode.COUPON_EXISTS, "code"))
                .expectNoEvents();
    }

    @Test
    void creating_an_identical_shipped_coupon_again_changes_nothing() {
        CouponTerms sameWrittenOtherwise = new CouponTerms("Founder", new BigDecimal("25.00"), null,
                CouponDuration.REPEATING, 12, null, null, List.of(), List.of());
        fixture.given(FOUNDER_CREATED)
                .when(new CreateCoupon(FOUNDER, sameWrittenOtherwise, NOW, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_shipped_coupon_that_exists_with_other_terms_is_still_refused() {
        fixture.given(FOUNDER_CREATED)
                .when(new CreateCoupon(FOUNDER, terms(5L, null, List.of(), List.of()), NOW, true))
                .expectException(rejected(ErrorCode.COUPON_EXISTS, "code"))
                .expectNoEvents();
    }

    @Test
    void a_coupon_restricted_to_a_plan_outside_the_catalog_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateCoupon(FOUNDER, terms(null, null, List.of(PlanId.of("platinum")), List.of()), NOW, false))
                .expectException(UnknownPlan.class)
                .expectNoEvents();
    }

    // archiving

    @Test
    void archiving_records_when_and_archiving_again_changes_nothing() {
        fixture.given(FOUNDER_CREATED).when(new ArchiveCoupon(FOUNDER, NOW)).expectEvents(new CouponArchived(FOUNDER, NOW));
        fixture.given(FOUNDER_CREATED, new CouponArchived(FOUNDER, NOW)).when(new ArchiveCoupon(FOUNDER, NOW)).expectNoEvents();
    }

    @Test
    void archiving_an_unknown_coupon_is_coupon_not_found() {
        fixture.givenNoPriorActivity().when(new ArchiveCoupon(FOUNDER, NOW))
                .expectException(rejected(ErrorCode.COUPON_NOT_FOUND, "code")).expectNoEvents();
    }

    // promotion codes

    @Test
    void a_promotion_code_is_created_for_an_existing_coupon() {
        fixture.given(FOUNDER_CREATED)
                .when(new CreatePromotionCode(FOUNDER, LAUNCH, NOW))
                .expectEvents(new PromotionCodeCreated(FOUNDER, LAUNCH, NOW));
    }

    @Test
    void a_promotion_code_the_coupon_has_in_any_case_is_promotion_code_exists() {
        fixture.given(FOUNDER_CREATED, new PromotionCodeCreated(FOUNDER, LAUNCH, NOW))
                .when(new CreatePromotionCode(FOUNDER, new PromotionCodeTerms("launch", 3L, null, false, null), NOW))
                .expectException(rejected(ErrorCode.PROMOTION_CODE_EXISTS, "code"))
                .expectNoEvents();
    }

    @Test
    void a_promotion_code_for_an_unknown_or_archived_coupon_is_refused() {
        fixture.givenNoPriorActivity().when(new CreatePromotionCode(FOUNDER, LAUNCH, NOW))
                .expectException(rejected(ErrorCode.COUPON_NOT_FOUND, "coupon")).expectNoEvents();
        fixture.given(FOUNDER_CREATED, new CouponArchived(FOUNDER, NOW)).when(new CreatePromotionCode(FOUNDER, LAUNCH, NOW))
                .expectException(rejected(ErrorCode.COUPON_EXPIRED, "coupon")).expectNoEvents();
    }

    @Test
    void a_promotion_code_may_not_outlive_its_coupons_redeem_by() {
        Instant redeemBy = Instant.parse("2026-12-31T00:00:00Z");
        fixture.given(new CouponCreated(FOUNDER, terms(null, redeemBy, List.of(), List.of()), CREATED_AT))
                .when(new CreatePromotionCode(FOUNDER, new PromotionCodeTerms("LAUNCH", null,
                        redeemBy.plusSeconds(1), false, null), NOW))
                .expectException(rejected(ErrorCode.VALIDATION_FAILED, "expiresAt"))
                .expectNoEvents();
    }

    // redeeming

    @Test
    void a_redemption_carries_the_coupons_terms_and_its_end_date() {
        fixture.given(FOUNDER_CREATED)
                .when(new RedeemCoupon(FOUNDER, null, ACME, NOW))
                .expectEvents(redeemed(ACME, null, null));
    }

    @Test
    void a_redemption_with_a_promotion_code_names_it_as_created_and_carries_its_minimum() {
        PromotionCodeTerms withMinimum = new PromotionCodeTerms("LAUNCH", null, null, false, 50_000_000L);
        fixture.given(FOUNDER_CREATED, new PromotionCodeCreated(FOUNDER, withMinimum, NOW))
                .when(new RedeemCoupon(FOUNDER, "launch", ACME, NOW))
                .expectEvents(redeemed(ACME, "LAUNCH", 50_000_000L));
    }

    @Test
    void redeeming_an_unknown_coupon_is_coupon_not_found() {
        fixture.givenNoPriorActivity().when(new RedeemCoupon(FOUNDER, null, ACME, NOW))
                .expectException(rejected(ErrorCode.COUPON_NOT_FOUND, "code")).expectNoEvents();
    }

    @Test
    void redeeming_a_promotion_code_the_coupon_does_not_have_is_promotion_code_not_found() {
        fixture.given(FOUNDER_CREATED).when(new RedeemCoupon(FOUNDER, "LAUNCH", ACME, NOW))
                .expectException(rejected(ErrorCode.PROMOTION_CODE_NOT_FOUND, "promotionCode")).expectNoEvents();
    }

    @Test
    void redeeming_for_an_unknown_customer_is_customer_not_found() {
        fixture.given(FOUNDER_CREATED).when(new RedeemCoupon(FOUNDER, null, CustomerId.of("nobody"), NOW))
                .expectException(CustomerNotFound.class).expectNoEvents();
    }

    @Test
    void an_archived_coupon_is_coupon_expired() {
        fixture.given(FOUNDER_CREATED, new CouponArchived(FOUNDER, NOW)).when(new RedeemCoupon(FOUNDER, null, ACME, NOW))
                .expectException(rejected(ErrorCode.COUPON_EXPIRED, "code")).expectNoEvents();
    }

    @Test
    void a_coupon_is_coupon_expired_from_its_redeem_by_instant_on() {
        fixture.given(new CouponCreated(FOUNDER, terms(null, NOW, List.of(), List.of()), CREATED_AT))
                .when(new RedeemCoupon(FOUNDER, null, ACME, NOW))
                .expectException(rejected(ErrorCode.COUPON_EXPIRED, "code")).expectNoEvents();
        fixture.given(new CouponCreated(FOUNDER, terms(null, NOW.plusMillis(1), List.of(), List.of()), CREATED_AT))
                .when(new RedeemCoupon(FOUNDER, null, ACME, NOW))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_promotion_code_is_coupon_expired_from_its_expires_at_on() {
        fixture.given(FOUNDER_CREATED, new PromotionCodeCreated(FOUNDER, new PromotionCodeTerms("LAUNCH", null, NOW, false, null), CREATED_AT))
                .when(new RedeemCoupon(FOUNDER, "LAUNCH", ACME, NOW))
                .expectException(rejected(ErrorCode.COUPON_EXPIRED, "promotionCode")).expectNoEvents();
    }

    @Test
    void a_coupon_with_all_its_redemptions_used_is_coupon_exhausted() {
        fixture.given(new CouponCreated(FOUNDER, terms(2L, null, List.of(), List.of()), CREATED_AT),
                        redeemed(ACME, null, null), redeemed(GLOBEX, null, null))
                .when(new RedeemCoupon(FOUNDER, null, INITECH, NOW))
                .expectException(rejected(ErrorCode.COUPON_EXHAUSTED, "code")).expectNoEvents();
    }

    @Test
    void a_promotion_code_with_its_redemptions_used_is_coupon_exhausted_while_the_coupon_itself_still_redeems() {
        PromotionCodeTerms once = new PromotionCodeTerms("LAUNCH", 1L, null, false, null);
        fixture.given(FOUNDER_CREATED, new PromotionCodeCreated(FOUNDER, once, CREATED_AT), redeemed(ACME, "LAUNCH", null))
                .when(new RedeemCoupon(FOUNDER, "LAUNCH", INITECH, NOW))
                .expectException(rejected(ErrorCode.COUPON_EXHAUSTED, "promotionCode")).expectNoEvents();
        fixture.given(FOUNDER_CREATED, new PromotionCodeCreated(FOUNDER, once, CREATED_AT), redeemed(ACME, "LAUNCH", null))
                .when(new RedeemCoupon(FOUNDER, null, INITECH, NOW))
                .expectEvents(redeemed(INITECH, null, null));
    }

    @Test
    void a_customer_redeems_a_coupon_once_whichever_code_it_uses() {
        fixture.given(FOUNDER_CREATED, new PromotionCodeCreated(FOUNDER, LAUNCH, CREATED_AT), redeemed(ACME, null, null))
                .when(new RedeemCoupon(FOUNDER, "LAUNCH", ACME, NOW))
                .expectException(rejected(ErrorCode.COUPON_ALREADY_REDEEMED, "promotionCode")).expectNoEvents();
    }

    @Test
    void a_coupon_for_other_plans_or_intervals_is_coupon_not_applicable() {
        fixture.given(new CouponCreated(FOUNDER, terms(null, null, List.of(GROWTH), List.of()), CREATED_AT))
                .when(new RedeemCoupon(FOUNDER, null, ACME, NOW))
                .expectException(rejected(ErrorCode.COUPON_NOT_APPLICABLE, "code")).expectNoEvents();
        fixture.given(new CouponCreated(FOUNDER, terms(null, null, List.of(), List.of(BillingInterval.YEAR)), CREATED_AT))
                .when(new RedeemCoupon(FOUNDER, null, ACME, NOW))
                .expectException(rejected(ErrorCode.COUPON_NOT_APPLICABLE, "code")).expectNoEvents();
        fixture.given(new CouponCreated(FOUNDER, terms(null, null, List.of(GROWTH), List.of(BillingInterval.YEAR)), CREATED_AT))
                .when(new RedeemCoupon(FOUNDER, null, GLOBEX, NOW))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_first_time_only_code_is_refused_to_a_customer_with_a_finalized_invoice() {
        invoiced.add(ACME);
        PromotionCodeTerms firstTime = new PromotionCodeTerms("WELCOME", null, null, true, null);
        fixture.given(FOUNDER_CREATED, new PromotionCodeCreated(FOUNDER, firstTime, CREATED_AT))
                .when(new RedeemCoupon(FOUNDER, "WELCOME", ACME, NOW))
                .expectException(rejected(ErrorCode.PROMOTION_CODE_NOT_ELIGIBLE, "promotionCode")).expectNoEvents();
        fixture.given(FOUNDER_CREATED, new PromotionCodeCreated(FOUNDER, firstTime, CREATED_AT))
                .when(new RedeemCoupon(FOUNDER, "WELCOME", INITECH, NOW))
                .expectEvents(redeemed(INITECH, "WELCOME", null));
    }

    @Test
    void coupon_codes_keep_to_their_rule_and_their_stream_is_apart_from_customers() {
        assertThat(CouponCode.of("ANNUAL_10-x").raw()).isEqualTo("ANNUAL_10-x");
        for (String bad : new String[]{"", "a b", "é", "a.b", "x".repeat(65)}) {
            assertThatIllegalArgumentException().isThrownBy(() -> CouponCode.of(bad));
        }
        assertThat(CouponCode.of("x".repeat(64)).raw()).hasSize(64);
        // a customer named like a coupon must not share its event stream
        assertThatIllegalArgumentException().isThrownBy(() -> CustomerId.of(FOUNDER.aggregateId()));
    }
}
