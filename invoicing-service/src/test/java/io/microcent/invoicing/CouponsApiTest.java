package io.microcent.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.invoicing.generate.Redemption;
import io.microcent.invoicing.read.coupons.RedemptionRepository;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.platform.test.TestHttpClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.microcent.invoicing.db.Tables.DOMAIN_EVENT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

/** The coupon API through a running service on the real Kafka and PostgreSQL. */
class CouponsApiTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private static RunningInvoicing invoicing;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        invoicing = RunningInvoicing.start(Clock.fixed(NOW, ZoneOffset.UTC));
        api = invoicing.api;
    }

    @AfterAll
    static void stop() {
        if (invoicing != null) {
            invoicing.close();
        }
    }

    private static String newCode(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String newCustomer(String plan) {
        String id = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.createCustomer(id, "Acme Inc", plan).status()).isEqualTo(201);
        return id;
    }

    private static Response createCoupon(String json) {
        return api.post("/v1/coupons", json);
    }

    private static Response redeem(String customer, String json) {
        return api.post("/v1/customers/" + customer + "/coupons", json);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("code").asText()).isEqualTo(code);
    }

    @Test
    void the_shipped_coupons_exist_on_start_each_created_once() {
        JsonNode annual = api.get("/v1/coupons/ANNUAL10").body();
        assertThat(annual.get("percentOff").asText()).isEqualTo("10");
        assertThat(annual.get("duration").asText()).isEqualTo("forever");
        assertThat(annual.get("billingIntervals").toString()).isEqualTo("[\"year\"]");
        JsonNode founder = api.get("/v1/coupons/FOUNDER").body();
        assertThat(founder.get("percentOff").asText()).isEqualTo("25");
        assertThat(founder.get("duration").asText()).isEqualTo("repeating");
        assertThat(founder.get("durationInMonths").asInt()).isEqualTo(12);

        // every instance started by the tests of this JVM created them again: still one creation each
        assertThat(invoicing.context.database().dsl().fetchCount(DOMAIN_EVENT_ENTRY,
                DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq("coupon/FOUNDER").and(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER.eq(0L))))
                .isEqualTo(1);
    }

    @Test
    void a_restarted_instance_finds_the_shipped_coupons_and_creates_nothing() {
        int before = invoicing.context.database().dsl().fetchCount(DOMAIN_EVENT_ENTRY,
                DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.in("coupon/FOUNDER", "coupon/ANNUAL10"));
        try (RunningInvoicing second = RunningInvoicing.start(Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC))) {
            assertThat(second.api.get("/v1/coupons/FOUNDER").status()).isEqualTo(200);
        }
        assertThat(invoicing.context.database().dsl().fetchCount(DOMAIN_EVENT_ENTRY,
                DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.in("coupon/FOUNDER", "coupon/ANNUAL10"))).isEqualTo(before);
    }

    @Test
    void a_created_coupon_answers_201_and_reads_back_with_its_counts() {
        String code = newCode("HALF");

        Response created = createCoupon("{\"code\":\"" + code + "\",\"name\":\"Half off\",\"percentOff\":12.50,"
                + "\"duration\":\"repeating\",\"durationInMonths\":3,\"maxRedemptions\":10,"
                + "\"plans\":[\"growth\",\"starter\",\"starter\"],\"billingIntervals\":[\"month\"]}");

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/v1/coupons/" + code);
        JsonNode coupon = created.body();
        assertThat(coupon.get("code").asText()).isEqualTo(code);
        assertThat(coupon.get("percentOff").asText()).isEqualTo("12.5");
        assertThat(coupon.get("durationInMonths").asInt()).isEqualTo(3);
        assertThat(coupon.get("plans").toString()).isEqualTo("[\"growth\",\"starter\"]");
        assertThat(coupon.get("timesRedeemed").asInt()).isZero();
        assertThat(coupon.get("archived").asBoolean()).isFalse();
        assertThat(Instant.parse(coupon.get("createdAt").asText())).isEqualTo(NOW);
        assertThat(api.get("/v1/coupons/" + code).body()).isEqualTo(coupon);
        assertThat(api.get("/v1/coupons").body().get("coupons")).contains(coupon);
        assertProblem(createCoupon("{\"code\":\"" + code + "\",\"amountOffMicrocents\":5,\"duration\":\"once\"}"), 409, "coupon_exists");
    }

    @Test
    void percent_off_as_text_is_exact() {
        String code = newCode("THIRD");
        Response created = createCoupon("{\"code\":\"" + code + "\",\"percentOff\":\"33.333333333\",\"duration\":\"forever\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("percentOff").asText()).isEqualTo("33.333333333");
    }

    @Test
    void a_percentage_out_of_range_or_too_precise_is_refused_however_it_is_written() {
        for (String percent : List.of("0", "100.0000001", "\"-5\"", "\"ten\"", "\"1e-999999999\"", "1e-999999999",
                "1e999999999", "\"0.00000000001\"", "true")) {
            Response refused = createCoupon("{\"code\":\"" + newCode("PCT") + "\",\"percentOff\":" + percent + ",\"duration\":\"once\"}");
            assertProblem(refused, 422, "validation_failed");
            assertThat(refused.errorFields()).as(percent).containsExactly("percentOff");
        }
        assertThat(createCoupon("{\"code\":\"" + newCode("PCT") + "\",\"percentOff\":\"100\",\"duration\":\"once\"}")
                .body().get("percentOff").asText()).isEqualTo("100");
    }

    @Test
    void every_bad_field_of_a_coupon_is_listed_and_nothing_is_stored() {
        Response bad = createCoupon("{\"code\":\"a b\",\"percentOff\":\"0\",\"duration\":\"weekly\",\"maxRedemptions\":0,"
                + "\"redeemBy\":\"2020-01-01T00:00:00Z\",\"plans\":[\"platinum\"],\"billingIntervals\":[\"week\"]}");
        assertProblem(bad, 422, "validation_failed");
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("code", "percentOff", "duration", "maxRedemptions",
                "redeemBy", "plans[0]", "billingIntervals[0]");

        String code = newCode("BAD");
        Response both = createCoupon("{\"code\":\"" + code + "\",\"percentOff\":\"10\",\"amountOffMicrocents\":5,"
                + "\"duration\":\"once\",\"durationInMonths\":2}");
        assertProblem(both, 422, "validation_failed");
        assertThat(both.errorFields()).containsExactlyInAnyOrder("amountOffMicrocents", "durationInMonths");
        Response neither = createCoupon("{\"code\":\"" + code + "\",\"duration\":\"repeating\"}");
        assertThat(neither.errorFields()).containsExactlyInAnyOrder("percentOff", "durationInMonths");
        assertProblem(api.get("/v1/coupons/" + code), 404, "coupon_not_found");
    }

    @Test
    void redeeming_a_coupon_answers_201_with_the_redemption_and_only_once_per_customer() {
        String code = newCode("FIVE");
        createCoupon("{\"code\":\"" + code + "\",\"amountOffMicrocents\":5000000,\"duration\":\"repeating\",\"durationInMonths\":3}");
        String customer = newCustomer("starter");

        Response redeemed = redeem(customer, "{\"code\":\"" + code + "\"}");

        assertThat(redeemed.status()).as(redeemed.body().toString()).isEqualTo(201);
        JsonNode redemption = redeemed.body();
        assertThat(redemption.get("id").asText()).startsWith("rd_");
        assertThat(redemption.get("coupon").asText()).isEqualTo(code);
        assertThat(redemption.get("customer").asText()).isEqualTo(customer);
        assertThat(redemption.has("promotionCode")).isFalse();
        assertThat(Instant.parse(redemption.get("redeemedAt").asText())).isEqualTo(NOW);
        assertThat(Instant.parse(redemption.get("endsAt").asText())).isEqualTo(Instant.parse("2027-02-01T00:00:00Z"));
        assertThat(redemption.get("amountOffMicrocents").asLong()).isEqualTo(5_000_000);
        assertThat(api.get("/v1/customers/" + customer + "/coupons").body().get("coupons")).containsExactly(redemption);
        assertThat(api.get("/v1/coupons/" + code).body().get("timesRedeemed").asInt()).isEqualTo(1);

        assertProblem(redeem(customer, "{\"code\":\"" + code + "\"}"), 409, "coupon_already_redeemed");
        assertThat(api.get("/v1/coupons/" + code).body().get("timesRedeemed").asInt()).isEqualTo(1);
    }

    @Test
    void what_cannot_be_redeemed_is_answered_with_its_own_code() {
        String customer = newCustomer("starter");
        assertProblem(redeem(customer, "{\"code\":\"" + newCode("NONE") + "\"}"), 404, "coupon_not_found");
        assertProblem(redeem(customer, "{\"promotionCode\":\"" + newCode("NONE") + "\"}"), 404, "promotion_code_not_found");
        assertProblem(redeem("nobody-" + UUID.randomUUID().toString().substring(0, 8), "{\"code\":\"FOUNDER\"}"), 404, "customer_not_found");
        assertProblem(redeem(customer, "{}"), 422, "validation_failed");

        Response annual = redeem(customer, "{\"code\":\"ANNUAL10\"}");
        assertProblem(annual, 422, "coupon_not_applicable");
        assertThat(annual.firstErrorField()).isEqualTo("code");

        String growthOnly = newCode("GROWTH");
        createCoupon("{\"code\":\"" + growthOnly + "\",\"percentOff\":\"5\",\"duration\":\"once\",\"plans\":[\"growth\"]}");
        assertProblem(redeem(customer, "{\"code\":\"" + growthOnly + "\"}"), 422, "coupon_not_applicable");
        assertThat(redeem(newCustomer("growth"), "{\"code\":\"" + growthOnly + "\"}").status()).isEqualTo(201);

        String single = newCode("SINGLE");
        createCoupon("{\"code\":\"" + single + "\",\"percentOff\":\"5\",\"duration\":\"once\",\"maxRedemptions\":1}");
        assertThat(redeem(newCustomer("starter"), "{\"code\":\"" + single + "\"}").status()).isEqualTo(201);
        assertProblem(redeem(customer, "{\"code\":\"" + single + "\"}"), 409, "coupon_exhausted");
        assertThat(api.get("/v1/customers/" + customer + "/coupons").body().get("coupons")).isEmpty();
    }

    @Test
    void an_archived_coupon_is_no_longer_redeemable_but_its_redemptions_stay() {
        String code = newCode("OLD");
        createCoupon("{\"code\":\"" + code + "\",\"percentOff\":\"20\",\"duration\":\"forever\"}");
        String early = newCustomer("starter");
        assertThat(redeem(early, "{\"code\":\"" + code + "\"}").status()).isEqualTo(201);

        Response archived = api.delete("/v1/coupons/" + code);

        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.body().get("archived").asBoolean()).isTrue();
        assertThat(Instant.parse(archived.body().get("archivedAt").asText())).isEqualTo(NOW);
        assertThat(api.delete("/v1/coupons/" + code).body()).isEqualTo(archived.body());
        assertProblem(redeem(newCustomer("starter"), "{\"code\":\"" + code + "\"}"), 409, "coupon_expired");
        assertThat(api.get("/v1/customers/" + early + "/coupons").body().get("coupons")).hasSize(1);
        assertProblem(api.delete("/v1/coupons/" + newCode("NONE")), 404, "coupon_not_found");
        assertProblem(api.get("/v1/coupons/a%20b"), 400, "invalid_parameter");
    }

    @Test
    void a_coupons_redemptions_list_every_customer_that_redeemed_it_with_its_code_or_a_promotion_code() {
        String coupon = newCode("MANY");
        createCoupon("{\"code\":\"" + coupon + "\",\"percentOff\":\"10\",\"duration\":\"once\"}");
        String promo = newCode("Friends");
        assertThat(api.post("/v1/promotion-codes", "{\"code\":\"" + promo + "\",\"coupon\":\"" + coupon + "\"}").status()).isEqualTo(201);
        String first = newCustomer("starter");
        String second = newCustomer("starter");
        String other = newCustomer("starter");
        JsonNode byCode = redeem(first, "{\"code\":\"" + coupon + "\"}").body();
        JsonNode byPromotion = redeem(second, "{\"promotionCode\":\"" + promo + "\"}").body();
        assertThat(redeem(other, "{\"code\":\"FOUNDER\"}").status()).isEqualTo(201);

        JsonNode redemptions = api.get("/v1/coupons/" + coupon + "/redemptions").body().get("redemptions");

        assertThat(redemptions).containsExactlyInAnyOrder(byCode, byPromotion);
        assertProblem(api.get("/v1/coupons/" + newCode("NONE") + "/redemptions"), 404, "coupon_not_found");
        assertProblem(api.get("/v1/coupons/a%20b/redemptions"), 400, "invalid_parameter");
    }

    @Test
    void promotion_codes_are_unique_across_coupons_regardless_of_case() {
        String first = newCode("ONE");
        String second = newCode("TWO");
        createCoupon("{\"code\":\"" + first + "\",\"percentOff\":\"10\",\"duration\":\"once\"}");
        createCoupon("{\"code\":\"" + second + "\",\"percentOff\":\"10\",\"duration\":\"once\"}");
        String promo = newCode("Launch");

        Response created = api.post("/v1/promotion-codes", "{\"code\":\"" + promo + "\",\"coupon\":\"" + first + "\"}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("coupon").asText()).isEqualTo(first);

        Response duplicate = api.post("/v1/promotion-codes",
                "{\"code\":\"" + promo.toUpperCase(Locale.ROOT) + "\",\"coupon\":\"" + second + "\"}");
        assertProblem(duplicate, 409, "promotion_code_exists");
        assertThat(api.get("/v1/promotion-codes?coupon=" + second).body().get("promotionCodes")).isEmpty();
        assertThat(api.get("/v1/promotion-codes?coupon=" + first).body().get("promotionCodes")).containsExactly(created.body());
        assertThat(api.get("/v1/promotion-codes").body().get("promotionCodes")).contains(created.body());
        // the rolled-back event left the second coupon as it was: a code of its own still works
        assertThat(api.post("/v1/promotion-codes", "{\"code\":\"" + newCode("OTHER") + "\",\"coupon\":\"" + second + "\"}")
                .status()).isEqualTo(201);
        assertProblem(api.post("/v1/promotion-codes", "{\"code\":\"" + newCode("X") + "\",\"coupon\":\"" + newCode("NONE") + "\"}"),
                404, "coupon_not_found");
        Response invalid = api.post("/v1/promotion-codes", "{\"code\":\"no way\",\"maxRedemptions\":0,"
                + "\"expiresAt\":\"yesterday\",\"minimumAmountMicrocents\":-1}");
        assertThat(invalid.errorFields()).containsExactlyInAnyOrder("code", "coupon", "maxRedemptions", "expiresAt",
                "minimumAmountMicrocents");
    }

    @Test
    void a_promotion_code_redeems_its_coupon_with_its_own_limits_and_minimum() {
        String coupon = newCode("PROMO");
        createCoupon("{\"code\":\"" + coupon + "\",\"percentOff\":\"15\",\"duration\":\"forever\"}");
        String promo = newCode("Spring");
        assertThat(api.post("/v1/promotion-codes", "{\"code\":\"" + promo + "\",\"coupon\":\"" + coupon + "\","
                + "\"maxRedemptions\":1,\"expiresAt\":\"2027-01-01T00:00:00Z\",\"firstTimeOnly\":true,"
                + "\"minimumAmountMicrocents\":50000000}").status()).isEqualTo(201);
        String customer = newCustomer("starter");

        Response redeemed = redeem(customer, "{\"promotionCode\":\"" + promo.toLowerCase(Locale.ROOT) + "\"}");

        assertThat(redeemed.status()).as(redeemed.body().toString()).isEqualTo(201);
        assertThat(redeemed.body().get("coupon").asText()).isEqualTo(coupon);
        assertThat(redeemed.body().get("promotionCode").asText()).isEqualTo(promo);
        assertThat(redeemed.body().get("minimumAmountMicrocents").asLong()).isEqualTo(50_000_000);
        assertThat(redeemed.body().get("percentOff").asText()).isEqualTo("15");
        JsonNode listed = api.get("/v1/promotion-codes?coupon=" + coupon).body().get("promotionCodes").get(0);
        assertThat(listed.get("timesRedeemed").asInt()).isEqualTo(1);
        assertProblem(redeem(newCustomer("starter"), "{\"promotionCode\":\"" + promo + "\"}"), 409, "coupon_exhausted");

        // what the invoice generator gets: the coupon's terms and the code's minimum
        List<Redemption> forInvoices = new RedemptionRepository(invoicing.context.database().dsl()).forCustomer(CustomerId.of(customer));
        assertThat(forInvoices).hasSize(1);
        assertThat(forInvoices.getFirst().coupon().id()).isEqualTo(coupon);
        assertThat(forInvoices.getFirst().minimum()).contains(Microcents.of(50_000_000));
        assertThat(forInvoices.getFirst().redeemedAt()).isEqualTo(NOW);
    }

    @Test
    void redemptions_reach_the_generator_in_redemption_order() {
        String customer = newCustomer("starter");
        String first = newCode("A");
        String second = newCode("B");
        createCoupon("{\"code\":\"" + second + "\",\"amountOffMicrocents\":1000000,\"duration\":\"once\"}");
        createCoupon("{\"code\":\"" + first + "\",\"percentOff\":\"10\",\"duration\":\"forever\"}");
        assertThat(redeem(customer, "{\"code\":\"" + first + "\"}").status()).isEqualTo(201);
        assertThat(redeem(customer, "{\"code\":\"FOUNDER\"}").status()).isEqualTo(201);
        assertThat(redeem(customer, "{\"code\":\"" + second + "\"}").status()).isEqualTo(201);

        List<Redemption> redemptions = new RedemptionRepository(invoicing.context.database().dsl()).forCustomer(CustomerId.of(customer));

        assertThat(redemptions).extracting(r -> r.coupon().id()).containsExactly(first, "FOUNDER", second);
        assertThat(redemptions.get(1).endsAt()).contains(Instant.parse("2027-11-01T00:00:00Z"));
        assertThat(redemptions.get(0).minimum()).isEmpty();
    }

    @Test
    void every_coupon_route_needs_the_operator_token() {
        assertThat(api.withoutToken().get("/v1/coupons").status()).isEqualTo(401);
        assertThat(api.withoutToken().post("/v1/coupons", "{}").status()).isEqualTo(401);
        assertThat(api.withoutToken().delete("/v1/coupons/FOUNDER").status()).isEqualTo(401);
        assertThat(api.withoutToken().get("/v1/promotion-codes").status()).isEqualTo(401);
        assertThat(api.withoutToken().post("/v1/customers/acme/coupons", "{}").status()).isEqualTo(401);
        assertThat(api.get("/v1/coupons/FOUNDER").body().get("archived").asBoolean()).isFalse();
    }
}
