package io.microcent.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.invoicing.stripe.StripeSignatures;
import io.microcent.model.json.Json;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.test.TestHttpClient.Response;
import io.microcent.platform.time.MovableClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.microcent.invoicing.RatedUsages.rated;
import static io.microcent.invoicing.db.Tables.DOMAIN_EVENT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the admin console reads from invoicing, through the real service: invoice PDFs (text as the API's figures,
 * a finalized one's bytes fixed), each customer's decision history with who decided, and the customer and invoice
 * lists' search, filters, paging and the period summary.
 */
class ConsoleApiTest {

    private static final Instant REGISTERED = Instant.parse("2026-11-10T12:00:00Z");
    private static final Instant MONTH_ENDED = Instant.parse("2026-12-01T00:00:30Z");
    private static final MovableClock clock = new MovableClock(REGISTERED);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TAG = "con" + UUID.randomUUID().toString().substring(0, 8);

    private static final String DRAFTED = TAG + "-drafted";
    private static final String PAID = TAG + "-paid";
    private static final String VOIDED = TAG + "-voided";
    private static final String HISTORY = TAG + "-history";
    private static final String LEGACY = TAG + "-legacy";
    private static final String ALPHA = TAG + "-alpha";
    private static final String BETA = TAG + "-beta";
    private static final String GAMMA = TAG + "-gamma";

    private static RunningInvoicing invoicing;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        invoicing = RunningInvoicing.start(clock, Map.of("MICROCENT_STRIPE_WEBHOOK_SECRET", StripeSignatures.WEBHOOK_SECRET));
        api = invoicing.api;
        // every customer is registered before the clock moves (the broker refuses records stamped far ahead)
        register(DRAFTED, "Draft Corp", "starter", "billing@draft.test");
        register(PAID, "PDF Paid Ltd", "starter", "billing@paid.test");
        register(VOIDED, "Voided & Sons", "starter", null);
        register(HISTORY, "History Inc", "starter", null);
        register(LEGACY, "Legacy Co", "starter", null);
        register(ALPHA, "Alpha Widgets", "starter", "ops@alpha-mail.test");
        register(BETA, "Beta Gadgets", "growth", null);
        register(GAMMA, "Gamma Tools", "starter", null);
        assertThat(api.post("/v1/customers/" + HISTORY + "/coupons", "{\"code\":\"FOUNDER\"}").status()).isEqualTo(201);
        // decided in November, in force from December
        assertThat(api.put("/v1/customers/" + GAMMA + "/plan", "{\"plan\":\"growth\",\"timing\":\"at_term_end\"}").status())
                .isEqualTo(200);
        publishAndWait(DRAFTED, Instant.parse("2026-11-19T08:00:00Z"), 2_500, 1_500, 15_555_555, 2_500);
        publishAndWait(PAID, Instant.parse("2026-11-20T08:00:00Z"), 1_500, 500, 5_123_456, 1_500);
        publishAndWait(HISTORY, Instant.parse("2026-11-21T08:00:00Z"), 1_200, 200, 2_000_000, 1_200);

        clock.set(MONTH_ENDED);
        invoicing.service.periodClose().runOnce();
    }

    @AfterAll
    static void stop() {
        invoicing.close();
    }

    // --- PDFs

    @Test
    void a_drafts_pdf_is_marked_as_a_draft_and_shows_the_apis_lines_and_totals() {
        JsonNode draft = onlyInvoice(DRAFTED);
        assertThat(draft.get("status").asText()).isEqualTo("draft");
        Pdf pdf = pdf(draft.get("id").asText());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.disposition()).isEqualTo("inline; filename=\"" + draft.get("id").asText() + ".pdf\"");
        String text = pdf.text();
        assertThat(text).contains("DRAFT \u2014 not final, amounts may change");
        assertShowsTheInvoice(text, draft);
    }

    @Test
    void a_finalized_invoices_pdf_is_the_same_bytes_on_every_call_and_after_it_is_paid() {
        JsonNode finalized = finalize(onlyInvoice(PAID));
        String id = finalized.get("id").asText();
        Pdf first = pdf(id);
        Pdf second = pdf(id);
        assertThat(second.bytes()).isEqualTo(first.bytes());
        String text = first.text();
        assertThat(text).doesNotContain("DRAFT");
        assertShowsTheInvoice(text, finalized);
        assertThat(text).contains("Issue date " + finalized.get("finalizedAt").asText().substring(0, 10));

        assertThat(stripeWebhook("invoice.paid", id).status()).isEqualTo(200);
        assertThat(api.get("/v1/invoices/" + id).body().get("status").asText()).isEqualTo("paid");
        assertThat(pdf(id).bytes()).isEqualTo(first.bytes());
    }

    @Test
    void a_finalized_invoices_pdf_does_not_change_when_it_is_voided() {
        JsonNode finalized = finalize(onlyInvoice(VOIDED));
        String id = finalized.get("id").asText();
        byte[] before = pdf(id).bytes();
        assertThat(api.post("/v1/invoices/" + id + "/void", "").body().get("status").asText()).isEqualTo("void");
        assertThat(pdf(id).bytes()).isEqualTo(before);
        assertThat(pdf(id).text()).contains("Voided & Sons");
    }

    @Test
    void the_pdf_of_an_unknown_invoice_is_404_invoice_not_found() {
        Response unknown = api.get("/v1/invoices/in_00000000-0000-3000-8000-000000000000/pdf");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("code").asText()).isEqualTo("invoice_not_found");
        assertThat(api.get("/v1/invoices/not-an-invoice/pdf").status()).isEqualTo(400);
        assertThat(api.withoutToken().get("/v1/invoices/in_00000000-0000-3000-8000-000000000000/pdf").status()).isEqualTo(401);
    }

    // --- history

    @Test
    void a_customers_history_is_newest_first_and_says_who_decided_each_event() {
        JsonNode finalized = finalize(onlyInvoice(HISTORY));
        String invoice = "invoice/" + finalized.get("id").asText();
        assertThat(stripeWebhook("invoice.paid", finalized.get("id").asText()).status()).isEqualTo(200);

        Response history = api.get("/v1/customers/" + HISTORY + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().get("customer").asText()).isEqualTo(HISTORY);
        List<String> seen = new ArrayList<>();
        history.body().get("events").forEach(event -> seen.add(event.get("type").asText() + " "
                + event.get("aggregate").asText() + " " + event.get("actor").asText()));
        assertThat(seen).containsExactly(
                "InvoicePaid " + invoice + " stripe",
                "InvoiceFinalized " + invoice + " operator",
                "InvoiceDrafted " + invoice + " system",
                "CouponRedeemed coupon/FOUNDER operator",
                "CustomerRegistered customer/" + HISTORY + " operator");
        JsonNode registered = history.body().get("events").get(4);
        assertThat(registered.get("sequence").asLong()).isZero();
        assertThat(registered.get("detail").get("name").asText()).isEqualTo("History Inc");
        assertThat(Instant.parse(registered.get("time").asText())).isBefore(Instant.parse(history.body().get("events").get(0).get("time").asText()));
        assertThat(history.body().get("events").get(1).get("detail").get("amountDueCents").asLong())
                .isEqualTo(finalized.get("amountDueCents").asLong());
    }

    @Test
    void events_stored_before_actors_were_recorded_read_as_unknown() {
        // as an event written by the previous version: Axon's correlation metadata, no actor
        invoicing.context.database().dsl().update(DOMAIN_EVENT_ENTRY)
                .set(DOMAIN_EVENT_ENTRY.META_DATA, "{\"traceId\":\"t\",\"correlationId\":\"c\"}".getBytes(StandardCharsets.UTF_8))
                .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(LEGACY))
                .execute();
        JsonNode events = api.get("/v1/customers/" + LEGACY + "/history").body().get("events");
        assertThat(events.get(events.size() - 1).get("type").asText()).isEqualTo("CustomerRegistered");
        assertThat(events.get(events.size() - 1).get("actor").asText()).isEqualTo("unknown");
    }

    @Test
    void the_history_of_an_unknown_customer_is_404_customer_not_found() {
        Response unknown = api.get("/v1/customers/nobody-" + UUID.randomUUID() + "/history");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asText()).isEqualTo("customer_not_found");
    }

    // --- lists

    @Test
    void customers_are_found_by_part_of_their_id_name_or_email_in_any_case() {
        assertThat(customerIds("?search=" + TAG.toUpperCase(Locale.ROOT) + "-A")).containsExactly(ALPHA);
        assertThat(customerIds("?search=alpha%20WIDGETS")).contains(ALPHA).doesNotContain(BETA);
        assertThat(customerIds("?search=ALPHA-MAIL.test")).containsExactly(ALPHA);
        assertThat(customerIds("?search=" + TAG)).containsExactly(ALPHA, BETA, DRAFTED, GAMMA, HISTORY, LEGACY, PAID, VOIDED);
        // a LIKE wildcard is a character like any other
        assertThat(customerIds("?search=" + TAG + "%25")).isEmpty();
    }

    @Test
    void customers_are_filtered_by_the_plan_in_force_now() {
        // gamma's change to growth, decided in November, took effect when the month ended
        assertThat(customerIds("?search=" + TAG + "&plan=growth")).containsExactly(BETA, GAMMA);
        assertThat(customerIds("?search=" + TAG + "&plan=starter")).contains(ALPHA).doesNotContain(BETA, GAMMA);
        // a downgrade decided now waits for the end of the term: beta is still on growth
        assertThat(api.put("/v1/customers/" + BETA + "/plan", "{\"plan\":\"starter\"}").body()
                .get("pendingPlanChange").get("plan").asText()).isEqualTo("starter");
        assertThat(customerIds("?search=" + TAG + "&plan=growth")).containsExactly(BETA, GAMMA);
        assertThat(customerIds("?search=" + TAG + "&plan=starter")).doesNotContain(BETA);
    }

    @Test
    void customers_are_paged_by_id_with_a_cursor() {
        Response first = api.get("/v1/customers?search=" + TAG + "&limit=3");
        assertThat(ids(first.body().get("customers"))).containsExactly(ALPHA, BETA, DRAFTED);
        String cursor = first.body().get("nextCursor").asText();
        Response second = api.get("/v1/customers?search=" + TAG + "&limit=3&cursor=" + cursor);
        assertThat(ids(second.body().get("customers"))).containsExactly(GAMMA, HISTORY, LEGACY);
        Response last = api.get("/v1/customers?search=" + TAG + "&limit=3&cursor=" + second.body().get("nextCursor").asText());
        assertThat(ids(last.body().get("customers"))).containsExactly(PAID, VOIDED);
        assertThat(last.body().get("nextCursor").isNull()).isTrue();

        Response everything = api.get("/v1/customers");
        assertThat(everything.status()).isEqualTo(200);
        assertThat(everything.body().has("nextCursor")).isTrue();
        assertThat(everything.body().get("customers").size()).isLessThanOrEqualTo(100);
        assertThat(api.get("/v1/customers?limit=1001").body().get("code").asText()).isEqualTo("invalid_parameter");
        assertThat(api.get("/v1/customers?cursor=%21%21").status()).isEqualTo(400);
        assertThat(api.get("/v1/customers?search=").firstErrorField()).isEqualTo("search");
    }

    @Test
    void invoices_are_found_by_part_of_their_id_or_customer_and_by_stripe_status() {
        JsonNode alpha = onlyInvoice(ALPHA);
        String id = alpha.get("id").asText();
        assertThat(invoiceIds("?search=" + id.substring(5, 17).toUpperCase(Locale.ROOT))).containsExactly(id);
        assertThat(invoiceIds("?search=" + TAG + "-alp")).containsExactly(id);
        // a draft has no Stripe sync: it shows, and is found as, off
        assertThat(alpha.get("stripe").get("status").asText()).isEqualTo("off");
        assertThat(invoiceIds("?search=" + ALPHA + "&stripeStatus=off")).containsExactly(id);
        assertThat(invoiceIds("?search=" + ALPHA + "&stripeStatus=pending")).isEmpty();
        Response bad = api.get("/v1/invoices?stripeStatus=stuck");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.firstErrorField()).isEqualTo("stripeStatus");
    }

    @Test
    void the_period_summary_counts_and_sums_what_the_list_shows() {
        finalize(onlyInvoice(BETA));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // the list first, then the summary: period close runs in the background, so compare once both agree
            Map<String, long[]> byStatus = new HashMap<>();
            Map<String, Long> byStripe = new HashMap<>();
            for (JsonNode invoice : allInvoices("2026-11")) {
                long[] sums = byStatus.computeIfAbsent(invoice.get("status").asText(), s -> new long[3]);
                sums[0]++;
                sums[1] = Math.addExact(sums[1], invoice.get("totalMicrocents").asLong());
                if (invoice.hasNonNull("finalizedAt")) {
                    sums[2] = Math.addExact(sums[2], invoice.get("amountDueCents").asLong());
                }
                byStripe.merge(invoice.get("stripe").get("status").asText(), 1L, Long::sum);
            }
            Response summary = api.get("/v1/invoices/summary?period=2026-11");
            assertThat(summary.status()).isEqualTo(200);
            assertThat(summary.body().get("period").asText()).isEqualTo("2026-11");
            Map<String, long[]> reported = new HashMap<>();
            summary.body().get("statuses").forEach(row -> reported.put(row.get("status").asText(), new long[]{
                    row.get("count").asLong(), row.get("totalMicrocents").asLong(),
                    row.get("amountDueCents").isNull() ? 0 : row.get("amountDueCents").asLong()}));
            assertThat(reported).containsOnlyKeys(byStatus.keySet());
            byStatus.forEach((status, sums) -> assertThat(reported.get(status)).as(status).containsExactly(sums));
            Map<String, Long> reportedStripe = new HashMap<>();
            summary.body().get("stripe").forEach(row -> reportedStripe.put(row.get("stripeStatus").asText(), row.get("count").asLong()));
            assertThat(reportedStripe).isEqualTo(byStripe);
        });
        JsonNode draftRow = null;
        for (JsonNode row : api.get("/v1/invoices/summary?period=2026-11").body().get("statuses")) {
            if (row.get("status").asText().equals("draft")) {
                draftRow = row;
            }
        }
        assertThat(draftRow).isNotNull();
        assertThat(draftRow.get("amountDueCents").isNull()).isTrue(); // a draft's cents are not fixed yet
        assertThat(api.get("/v1/invoices/summary").firstErrorField()).isEqualTo("period");
        assertThat(api.get("/v1/invoices/summary?period=2026-13").status()).isEqualTo(400);
    }

    // --- helpers

    private static void assertShowsTheInvoice(String text, JsonNode invoice) {
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat).contains("Invoice").contains(invoice.get("id").asText());
        JsonNode customer = api.get("/v1/customers/" + invoice.get("customer").asText()).body();
        assertThat(flat).contains(customer.get("name").asText()).contains(customer.get("id").asText());
        if (customer.has("email")) {
            assertThat(flat).contains(customer.get("email").asText());
        }
        assertThat(flat).contains("November 2026 (2026-11-01 to 2026-11-30)");
        assertThat(invoice.get("lines").size()).isGreaterThan(0);
        for (JsonNode line : invoice.get("lines")) {
            assertThat(flat).contains(line.get("description").asText().replaceAll("\\s+", " "));
            assertThat(flat).contains(dollars(line.get("amountCents").asLong()));
        }
        assertThat(flat).contains("Subtotal " + dollars(invoice.get("subtotalCents").asLong()));
        assertThat(flat).contains("Discounts " + dollars(-invoice.get("discountCents").asLong()));
        assertThat(flat).contains("Total " + dollars(invoice.get("totalCents").asLong()));
        assertThat(flat).contains("Amount due (USD) " + dollars(invoice.get("amountDueCents").asLong()));
    }

    private static String dollars(long cents) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        return (cents < 0 ? "-" : "") + "$" + String.format(Locale.ROOT, "%,.2f", amount.abs());
    }

    private record Pdf(int status, String contentType, String disposition, byte[] bytes) {

        String text() {
            try (PDDocument document = Loader.loadPDF(bytes)) {
                return new PDFTextStripper().getText(document);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Pdf pdf(String invoice) {
        try {
            HttpResponse<byte[]> response = HTTP.send(api.request("/v1/invoices/" + invoice + "/pdf").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Pdf(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode finalize(JsonNode draft) {
        Response finalized = api.post("/v1/invoices/" + draft.get("id").asText() + "/finalize", "");
        assertThat(finalized.status()).isEqualTo(200);
        return finalized.body();
    }

    /** A signed Stripe event of {@code type} about our {@code invoice} (zulip's recorded invoice.paid, our ids in it). */
    private static Response stripeWebhook(String type, String invoice) {
        ObjectNode event;
        try (InputStream in = ConsoleApiTest.class.getResourceAsStream("/stripe/invoice.paid.zulip.json")) {
            event = (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        event.put("id", "evt_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
        event.put("type", type);
        event.put("created", MONTH_ENDED.getEpochSecond());
        ObjectNode stripeInvoice = (ObjectNode) event.path("data").path("object");
        stripeInvoice.put("id", "in_stripe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        stripeInvoice.putObject("metadata").put("microcent_invoice_id", invoice);
        String payload = event.toString();
        return api.withoutToken().send(api.request("/v1/stripe/webhooks")
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", StripeSignatures.header(payload, StripeSignatures.WEBHOOK_SECRET, Instant.now())));
    }

    private static void register(String id, String name, String plan, String email) {
        String body = "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"plan\":\"" + plan + "\""
                + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}";
        assertThat(api.post("/v1/customers", body).status()).isEqualTo(201);
    }

    private static void publishAndWait(String customer, Instant at, long requests, long overage, long charge, long cost) {
        String usage = "/v1/customers/" + customer + "/usage?period=" + BillingPeriod.containing(at);
        long before = api.get(usage).body().get("requests").asLong();
        RatedUsages.publish(invoicing.context.kafkaBootstrap(), rated(customer, at, requests, overage, charge, cost));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(usage).body().get("requests").asLong() == before + requests);
    }

    private static JsonNode onlyInvoice(String customer) {
        JsonNode invoices = api.get("/v1/invoices?customer=" + customer + "&period=2026-11").body().get("invoices");
        assertThat(invoices).hasSize(1);
        return api.get("/v1/invoices/" + invoices.get(0).get("id").asText()).body();
    }

    private static List<JsonNode> allInvoices(String period) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/v1/invoices?period=" + period + "&limit=500" + (cursor == null ? "" : "&cursor=" + cursor)).body();
            page.get("invoices").forEach(all::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText(); // always present
        } while (cursor != null);
        return all;
    }

    private static List<String> customerIds(String query) {
        Response answer = api.get("/v1/customers" + query);
        assertThat(answer.status()).isEqualTo(200);
        return ids(answer.body().get("customers"));
    }

    private static List<String> invoiceIds(String query) {
        Response answer = api.get("/v1/invoices" + query);
        assertThat(answer.status()).isEqualTo(200);
        return ids(answer.body().get("invoices"));
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
