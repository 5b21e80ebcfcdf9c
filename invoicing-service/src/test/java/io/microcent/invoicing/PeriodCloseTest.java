package io.microcent.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.platform.time.MovableClock;
import io.microcent.platform.test.TestHttpClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.microcent.invoicing.RatedUsages.rated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A month's close through the real service on a clock the test moves: the draft exists as soon as the month
 * ends, follows late usage, is finalized once after the grace with exact cents, and a void is invoiced again;
 * an early finalize leaves later usage to an adjustment on the next invoice.
 */
class PeriodCloseTest {

    private static final Instant REGISTERED = Instant.parse("2026-11-10T12:00:00Z");
    private static final MovableClock clock = new MovableClock(REGISTERED);
    private static RunningInvoicing invoicing;
    private static ApiClient api;
    /** Registered before the clock moves (the broker refuses records stamped far ahead of real time). */
    private static final String UPCOMING = "upcoming-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        invoicing = RunningInvoicing.start(clock);
        api = invoicing.api;
        api.createCustomer(UPCOMING, "Upcoming Inc", "growth");
    }

    @AfterAll
    static void stop() {
        invoicing.close();
    }

    @Test
    void a_month_closes_into_one_exact_invoice_and_late_usage_is_never_lost_or_billed_twice() {
        String acme = "acme-" + UUID.randomUUID();
        String early = "early-" + UUID.randomUUID();
        api.createCustomer(acme, "Acme Inc", "starter");
        api.createCustomer(early, "Early Bird", "starter");
        String founder = "founder-" + UUID.randomUUID();
        api.createCustomer(founder, "Founder Ltd", "starter");
        assertThat(api.post("/v1/customers/" + founder + "/coupons", "{\"code\":\"FOUNDER\"}").status()).isEqualTo(201);
        publishAndWait(acme, Instant.parse("2026-11-20T08:00:00Z"), 1_500, 500, 5_000_000, 1_500);
        publishAndWait(early, Instant.parse("2026-11-21T08:00:00Z"), 1_200, 200, 2_000_000, 1_200);

        // the month ends: both drafts exist at once, with the usage so far
        clock.set(Instant.parse("2026-12-01T00:00:30Z"));
        invoicing.service.periodClose().runOnce();
        JsonNode acmeDraft = onlyInvoice(acme, "2026-11");
        assertThat(acmeDraft.get("status").asText()).isEqualTo("draft");
        // $9 × 20.5 of 30 days + $5 of usage
        assertThat(amounts(acmeDraft)).containsExactly(6_150_000L, 5_000_000L);
        assertThat(acmeDraft.get("amountDueCents").asLong()).isEqualTo(1_115);

        // an operator finalizes one draft early, inside the grace
        JsonNode earlyDraft = onlyInvoice(early, "2026-11");
        Response finalized = api.post("/v1/invoices/" + earlyDraft.get("id").asText() + "/finalize", "");
        assertThat(finalized.status()).isEqualTo(200);
        assertThat(finalized.body().get("status").asText()).isEqualTo("finalized");
        assertThat(finalized.body().get("early").asBoolean()).isTrue();
        long earlyDue = finalized.body().get("amountDueCents").asLong();

        // late usage of November (still inside the grace) for both
        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        publishAndWait(acme, Instant.parse("2026-11-30T23:00:00Z"), 100, 100, 1_000_000, 100);
        publishAndWait(early, Instant.parse("2026-11-30T23:30:00Z"), 300, 300, 3_000_000, 300);
        invoicing.service.periodClose().runOnce();
        assertThat(onlyInvoice(acme, "2026-11").get("amountDueCents").asLong()).isEqualTo(1_215);
        assertThat(onlyInvoice(early, "2026-11").get("amountDueCents").asLong()).isEqualTo(earlyDue); // final stays final

        // the grace ends: finalized once, with each line rounded once and the total their sum
        clock.set(Instant.parse("2026-12-03T00:00:01Z"));
        invoicing.service.periodClose().runOnce();
        invoicing.service.periodClose().runOnce();
        JsonNode acmeFinal = onlyInvoice(acme, "2026-11");
        assertThat(acmeFinal.get("status").asText()).isEqualTo("finalized");
        assertThat(acmeFinal.get("early").asBoolean()).isFalse();
        assertThat(cents(acmeFinal)).containsExactly(615L, 600L);
        assertThat(acmeFinal.get("subtotalMicrocents").asLong()).isEqualTo(12_150_000);
        assertThat(acmeFinal.get("amountDueCents").asLong()).isEqualTo(1_215);
        assertThat(acmeFinal.get("currency").asText()).isEqualTo("usd");
        // 25 % off the prorated fee: 6,150,000 µ¢ → −1,537,500 µ¢, rounded once half-even to −154 ¢ (not −153)
        JsonNode founderFinal = onlyInvoice(founder, "2026-11");
        assertThat(lines(founderFinal, "discount").getFirst().get("amountMicrocents").asLong()).isEqualTo(-1_537_500);
        assertThat(lines(founderFinal, "discount").getFirst().get("amountCents").asLong()).isEqualTo(-154);
        assertThat(founderFinal.get("discountCents").asLong()).isEqualTo(154);
        assertThat(founderFinal.get("amountDueCents").asLong()).isEqualTo(615 - 154);

        // reconciliation names the late usage the early invoice could not bill, until a later invoice does
        JsonNode beforeAdjustment = reconciliationRow("2026-11", early);
        assertThat(beforeAdjustment.get("ratedChargeMicrocents").asLong()).isEqualTo(5_000_000);
        assertThat(beforeAdjustment.get("usageLinesMicrocents").asLong()).isEqualTo(2_000_000);
        assertThat(beforeAdjustment.get("differences").toString()).contains("usage_not_invoiced");
        assertThat(reconciliationRow("2026-11", acme).get("differences").size()).isZero();

        // a void invoice bills nothing: the period is invoiced again under the next revision, with the same lines
        Response voided = api.post("/v1/invoices/" + acmeFinal.get("id").asText() + "/void", "");
        assertThat(voided.body().get("status").asText()).isEqualTo("void");
        invoicing.service.periodClose().runOnce();
        List<JsonNode> november = invoices(acme, "2026-11");
        assertThat(november).hasSize(2);
        JsonNode reissued = november.stream().filter(i -> i.get("revision").asInt() == 1).findFirst().orElseThrow();
        assertThat(reissued.get("status").asText()).isEqualTo("finalized");
        assertThat(reissued.get("id").asText()).isNotEqualTo(acmeFinal.get("id").asText());
        assertThat(reissued.get("amountDueCents").asLong()).isEqualTo(1_215);

        // December closes: the early customer's late November usage is an adjustment, billed once
        clock.set(Instant.parse("2027-01-03T00:00:01Z"));
        invoicing.service.periodClose().runOnce();
        JsonNode december = onlyInvoice(early, "2026-12");
        assertThat(december.get("status").asText()).isEqualTo("finalized");
        List<JsonNode> adjustments = lines(december, "adjustment");
        assertThat(adjustments).hasSize(1);
        assertThat(adjustments.getFirst().get("amountMicrocents").asLong()).isEqualTo(3_000_000);
        assertThat(lines(december, "base_fee").getFirst().get("amountMicrocents").asLong()).isEqualTo(9_000_000);
        assertThat(december.get("amountDueCents").asLong()).isEqualTo(1_200);
        // and November's own invoice still bills what it billed
        assertThat(onlyInvoice(early, "2026-11").get("amountDueCents").asLong()).isEqualTo(earlyDue);
        JsonNode reconciled = reconciliationRow("2026-11", early);
        assertThat(reconciled.get("usageLinesMicrocents").asLong()).isEqualTo(5_000_000);
        assertThat(reconciled.get("differences").size()).isZero();
    }

    private static JsonNode reconciliationRow(String period, String customer) {
        Response report = api.get("/v1/reconciliation?period=" + period);
        assertThat(report.status()).isEqualTo(200);
        for (JsonNode row : report.body().get("rows")) {
            if (row.get("customer").asText().equals(customer)) {
                return row;
            }
        }
        throw new AssertionError(customer + " is not in the reconciliation of " + period);
    }

    @Test
    void the_upcoming_invoice_is_computed_for_the_open_month_and_not_stored() {
        String id = UPCOMING;
        Response upcoming = api.get("/v1/customers/" + id + "/invoices/upcoming");
        assertThat(upcoming.status()).isEqualTo(200);
        assertThat(upcoming.body().get("status").asText()).isEqualTo("upcoming");
        assertThat(upcoming.body().get("lines").size()).isGreaterThan(0);
        String open = upcoming.body().get("period").asText();
        assertThat(open).isEqualTo(io.microcent.model.usage.BillingPeriod.containing(clock.instant()).toString());
        assertThat(invoices(id, open)).isEmpty();
        assertThat(api.get("/v1/customers/nobody-" + UUID.randomUUID() + "/invoices/upcoming").status()).isEqualTo(404);
    }

    @Test
    void finalizing_or_voiding_what_cannot_be_answers_a_problem_and_changes_nothing() {
        Response unknown = api.post("/v1/invoices/in_00000000-0000-3000-8000-000000000000/finalize", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asText()).isEqualTo("invoice_not_found");
        Response malformed = api.get("/v1/invoices/not-an-invoice");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("code").asText()).isEqualTo("invalid_parameter");
        assertThat(api.get("/v1/reconciliation").status()).isEqualTo(400);
        Response badStatus = api.get("/v1/invoices?status=sent");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body().get("code").asText()).isEqualTo("invalid_parameter");
    }

    private static void publishAndWait(String customer, Instant at, long requests, long overage, long charge, long cost) {
        long before = api.get("/v1/customers/" + customer + "/usage?period=" + io.microcent.model.usage.BillingPeriod.containing(at))
                .body().get("requests").asLong();
        RatedUsages.publish(invoicing.context.kafkaBootstrap(), rated(customer, at, requests, overage, charge, cost));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/customers/" + customer + "/usage?period="
                + io.microcent.model.usage.BillingPeriod.containing(at)).body().get("requests").asLong() == before + requests);
    }

    private static List<JsonNode> invoices(String customer, String period) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/v1/invoices?customer=" + customer + "&period=" + period).body().get("invoices").forEach(found::add);
        return found;
    }

    private static JsonNode onlyInvoice(String customer, String period) {
        List<JsonNode> found = invoices(customer, period).stream().filter(i -> !i.get("status").asText().equals("void")).toList();
        assertThat(found).hasSize(1);
        return api.get("/v1/invoices/" + found.getFirst().get("id").asText()).body();
    }

    private static List<Long> amounts(JsonNode invoice) {
        List<Long> amounts = new ArrayList<>();
        invoice.get("lines").forEach(line -> amounts.add(line.get("amountMicrocents").asLong()));
        return amounts;
    }

    private static List<Long> cents(JsonNode invoice) {
        List<Long> cents = new ArrayList<>();
        invoice.get("lines").forEach(line -> cents.add(line.get("amountCents").asLong()));
        return cents;
    }

    private static List<JsonNode> lines(JsonNode invoice, String kind) {
        List<JsonNode> found = new ArrayList<>();
        invoice.get("lines").forEach(line -> {
            if (line.get("kind").asText().equals(kind)) {
                found.add(line);
            }
        });
        return found;
    }
}
