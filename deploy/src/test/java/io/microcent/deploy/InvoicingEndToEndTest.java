package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.invoicing.InvoicingService;
import io.microcent.invoicing.stripe.StripeSettings;
import io.microcent.invoicing.stripe.StripeSignatures;
import io.microcent.invoicing.stripe.StripeStub;
import io.microcent.model.id.CustomerId;
import io.microcent.model.json.Json;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.time.MovableClock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A month billed through the whole platform on a clock the test moves: ingest → rating → invoicing's usage →
 * period close → Stripe (an HTTP stub, so the real stripe-java requests run) → signed webhooks back. Every
 * invoice is computed by hand in the comments: Starter $9 with 1,000 requests then $0.01, Growth $29 with 10,000
 * then $0.005; the late-usage grace is one hour.
 */
class InvoicingEndToEndTest {

    private static final Instant NOVEMBER_FIRST = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant UPGRADE = Instant.parse("2026-11-16T00:00:00Z");
    private static final Instant MONTH_ENDED = Instant.parse("2026-12-01T00:00:30Z");
    private static final Instant GRACE_ENDED = Instant.parse("2026-12-01T01:00:01Z");

    @TempDir
    Path dataDir;

    @Test
    void a_month_of_usage_becomes_exact_invoices_in_stripe_and_webhooks_settle_them() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-05T00:00:00Z"));
        try (StripeStub stripe = StripeStub.start(); WebhookReceiver receiver = WebhookReceiver.start();
             TestPlatform platform = TestPlatform.start(dataDir, clock, Map.of(
                     "MICROCENT_LATE_USAGE_GRACE_HOURS", "1",
                     "MICROCENT_PERIOD_CLOSE_INTERVAL_SECONDS", "3600", // the test runs period close itself
                     StripeSettings.API_KEY, StripeStub.API_KEY, StripeSettings.API_BASE, stripe.apiBase(),
                     StripeSettings.WEBHOOK_SECRET, StripeSignatures.WEBHOOK_SECRET))) {
            Microcent api = platform.api();
            InvoicingService invoicing = platform.service(InvoicingService.class);

            register(api, "founder-co", "starter", "month");
            register(api, "upgrade-co", "starter", "month");
            register(api, "annual-co", "growth", "year");
            register(api, "fixed-co", "starter", "month");
            assertThat(api.post("/v1/coupons", "{\"code\":\"TWO_OFF\",\"amountOffMicrocents\":2000000,\"duration\":\"once\"}")
                    .status()).isEqualTo(201);
            redeem(api, "founder-co", "FOUNDER");
            redeem(api, "annual-co", "ANNUAL10");
            redeem(api, "fixed-co", "TWO_OFF");
            assertThat(api.post("/v1/customers/upgrade-co/coupons", "{\"code\":\"ANNUAL10\"}").json().path("code").asText())
                    .as("ANNUAL10 is for yearly billing only").isEqualTo("coupon_not_applicable");
            // founder-co's invoice events go to a webhook, through caps' delivery (once caps knows the customer)
            String webhookSecret = await().atMost(Duration.ofSeconds(30)).until(() -> api.post("/v1/webhooks",
                            "{\"url\":\"" + receiver.url() + "\",\"customer\":\"founder-co\",\"events\":[\"invoice.*\"]}"),
                    created -> created.status() == 201).json().path("secret").asText();

            String key = api.post("/v1/api-keys", "{\"name\":\"gateway\"}").json().path("secret").asText();
            send(api, key, "founder-co", 1_500, clock.instant());
            send(api, key, "upgrade-co", 800, clock.instant());
            send(api, key, "annual-co", 12_000, clock.instant());
            send(api, key, "fixed-co", 1_100, clock.instant());

            // the upgrade applies at once; rating must have the new plan before the next usage is sent
            clock.set(UPGRADE);
            assertThat(api.put("/v1/customers/upgrade-co/plan", "{\"plan\":\"growth\"}").status()).isEqualTo(200);
            int probes = awaitRatedOnGrowth(platform, api, key, "upgrade-co", clock);
            send(api, key, "upgrade-co", 10_000, clock.instant());
            awaitCounted(invoicing, clock.instant());

            clock.set(MONTH_ENDED);
            invoicing.periodClose().runOnce();
            assertThat(invoice(api, "founder-co", "2026-11").path("status").asText()).isEqualTo("draft");

            // an operator finalizes one draft early; a late November event follows inside the grace
            JsonNode early = Microcent.ok(api.post("/v1/invoices/" + invoice(api, "fixed-co", "2026-11").path("id").asText()
                    + "/finalize", ""));
            assertThat(early.path("early").asBoolean()).isTrue();
            clock.set(Instant.parse("2026-12-01T00:10:00Z"));
            send(api, key, "fixed-co", 200, Instant.parse("2026-11-30T23:50:00Z"));
            awaitCounted(invoicing, clock.instant());

            clock.set(GRACE_ENDED);
            invoicing.periodClose().runOnce();

            // $9 + 500 × $0.01 = $14, FOUNDER 25 % off: −$3.50 → $10.50
            assertLines(api, "founder-co", "2026-11", List.of(900L, 500L, -350L), 1_050);
            // Starter $9, half a month credited (−$4.50) and Growth's half charged ($14.50); the allowance is Growth's
            // 10,000 for the whole month's requests (800 + probes + 10,000), never both plans' in full
            long upgradeOverage = (800 + probes) * 5_000L / 10_000; // in cents: × $0.005
            assertLines(api, "upgrade-co", "2026-11", List.of(900L, -450L, 1_450L, upgradeOverage), 900 - 450 + 1_450 + upgradeOverage);
            // a billing year in advance, 12 × $29 = $348, + 2,000 × $0.005 = $10, ANNUAL10 −$35.80 → $322.20
            assertLines(api, "annual-co", "2026-11", List.of(34_800L, 1_000L, -3_580L), 32_220);
            // finalized early: $9 + $1 − $2 = $8; the late 200 requests wait for the next invoice
            assertLines(api, "fixed-co", "2026-11", List.of(900L, 100L, -200L), 800);

            // Stripe: one customer each, one invoice each, one item per line adding up to the amount due
            await().atMost(Duration.ofSeconds(60)).until(() -> syncedCount(api, "2026-11") == 4);
            assertThat(stripe.customers()).hasSize(4);
            assertThat(stripe.invoices()).hasSize(4);
            for (String customer : List.of("founder-co", "upgrade-co", "annual-co", "fixed-co")) {
                JsonNode ours = invoice(api, customer, "2026-11");
                String stripeInvoice = ours.path("stripe").path("invoiceId").asText();
                List<JsonNode> items = stripe.invoiceItems().stream()
                        .filter(item -> item.path("invoice").asText().equals(stripeInvoice)).toList();
                assertThat(items).hasSize(ours.path("lines").size());
                assertThat(items.stream().mapToLong(item -> item.path("amount").asLong()).sum())
                        .isEqualTo(ours.path("amountDueCents").asLong());
                assertThat(ours.path("stripe").path("totalCents").asLong()).isEqualTo(ours.path("amountDueCents").asLong());
            }
            assertThat(stripe.requests()).allSatisfy(request -> assertThat(request.idempotencyKey()).startsWith("microcent:"));
            assertThat(Microcent.ok(api.get("/v1/reconciliation?period=2026-11&differencesOnly=true"))
                    .path("rows").toString()).contains("fixed-co").doesNotContain("founder-co").doesNotContain("annual-co");

            // signed webhooks settle the invoices; a forged one changes nothing and a duplicate is ignored
            String founderInvoice = invoice(api, "founder-co", "2026-11").path("id").asText();
            String paid = stripeEvent("invoice.paid", "evt_paid_founder", founderInvoice);
            assertThat(webhook(platform, paid, StripeSignatures.WEBHOOK_SECRET).statusCode()).isEqualTo(200);
            assertThat(webhook(platform, paid, StripeSignatures.WEBHOOK_SECRET).statusCode()).isEqualTo(200);
            assertThat(webhook(platform, stripeEvent("invoice.payment_failed", "evt_late_failure", founderInvoice),
                    StripeSignatures.WEBHOOK_SECRET).statusCode()).isEqualTo(200);
            assertThat(status(api, founderInvoice)).as("a late payment_failed never undoes paid").isEqualTo("paid");
            // finalized, then paid: one signed webhook each (the duplicate and the late failure changed nothing)
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.deliveries().size() >= 2);
            assertThat(receiver.deliveries()).extracting(WebhookReceiver.Delivery::eventId)
                    .containsExactly(founderInvoice + ":invoice.finalized", founderInvoice + ":invoice.paid");
            assertThat(receiver.deliveries()).allSatisfy(delivery -> {
                assertThat(delivery.signedWith(webhookSecret, Instant.now())).as("signed with real time").isTrue();
                assertThat(delivery.json().path("data").path("amountDueCents").asLong()).isEqualTo(1_050);
                assertThat(delivery.json().path("data").path("customer").asText()).isEqualTo("founder-co");
            });
            assertThat(receiver.deliveries().get(1).json().path("type").asText()).isEqualTo("invoice.paid");

            String upgradeInvoice = invoice(api, "upgrade-co", "2026-11").path("id").asText();
            webhook(platform, stripeEvent("invoice.payment_failed", "evt_failed_upgrade", upgradeInvoice), StripeSignatures.WEBHOOK_SECRET);
            assertThat(status(api, upgradeInvoice)).isEqualTo("payment_failed");

            String annualInvoice = invoice(api, "annual-co", "2026-11").path("id").asText();
            assertThat(webhook(platform, stripeEvent("invoice.paid", "evt_forged", annualInvoice), "whsec_forged").statusCode())
                    .isEqualTo(400);
            assertThat(status(api, annualInvoice)).isEqualTo("finalized");

            // December closes: the late November usage is an adjustment, the once coupon is spent, no new Stripe customer
            clock.set(Instant.parse("2027-01-01T01:00:01Z"));
            invoicing.periodClose().runOnce();
            assertLines(api, "fixed-co", "2026-12", List.of(900L, 0L, 200L), 1_100);
            await().atMost(Duration.ofSeconds(60)).until(() -> syncedCount(api, "2026-12") >= 3);
            assertThat(stripe.customers()).hasSize(4);
            assertThat(Microcent.ok(api.get("/v1/reconciliation?period=2026-11&differencesOnly=true")).path("rows").size())
                    .as("every November request billed once, on November's invoice or as December's adjustment").isZero();
        }
    }

    private static void register(Microcent api, String id, String plan, String interval) {
        ApiClient.Response created = api.post("/v1/customers", "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"plan\":\""
                + plan + "\",\"billingInterval\":\"" + interval + "\",\"billingStartsAt\":\"" + NOVEMBER_FIRST + "\"}");
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
    }

    private static void redeem(Microcent api, String customer, String coupon) {
        assertThat(api.post("/v1/customers/" + customer + "/coupons", "{\"code\":\"" + coupon + "\"}").status()).isEqualTo(201);
    }

    private static void send(Microcent api, String key, String customer, long requests, Instant at) {
        ObjectNode event = UsageEvents.event("e2e-" + UUID.randomUUID(), customer, at);
        event.put("requests", requests);
        api.sendEvents(key, List.of(event));
    }

    /** Sends one-request probes until one is rated under Growth; returns how many were sent. */
    private static int awaitRatedOnGrowth(TestPlatform platform, Microcent api, String key, String customer, MovableClock clock) {
        try (KafkaConsumer<CustomerId, RatedBatch> rated = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Topics.USAGE_RATED_BATCHES.keySerde().deserializer(), Topics.USAGE_RATED_BATCHES.valueSerde().deserializer())) {
            rated.subscribe(List.of(Topics.USAGE_RATED.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (int probes = 1; System.nanoTime() < deadline; probes++) {
                send(api, key, customer, 1, clock.instant());
                long probeDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                boolean ratedProbe = false;
                while (!ratedProbe && System.nanoTime() < probeDeadline) {
                    for (var record : rated.poll(Duration.ofMillis(200))) {
                        // each line under its own customer: a batch's key is only its first line's
                        for (RatedUsage usage : record.value().lines()) {
                            if (usage.event().customer().raw().equals(customer) && usage.event().requests() == 1) {
                                if (usage.plan().raw().equals("growth")) {
                                    return probes;
                                }
                                ratedProbe = true;
                            }
                        }
                    }
                }
            }
        }
        throw new AssertionError("rating never rated " + customer + " on growth");
    }

    private static void awaitCounted(InvoicingService invoicing, Instant moment) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() -> invoicing.usageCountedUpTo(moment));
    }

    private static JsonNode invoice(Microcent api, String customer, String period) {
        JsonNode list = Microcent.ok(api.get("/v1/invoices?customer=" + customer + "&period=" + period));
        List<JsonNode> live = new ArrayList<>();
        list.path("invoices").forEach(invoice -> {
            if (!invoice.path("status").asText().equals("void")) {
                live.add(invoice);
            }
        });
        assertThat(live).as(customer + " " + period).hasSize(1);
        return live.getFirst();
    }

    private static String status(Microcent api, String invoice) {
        return Microcent.ok(api.get("/v1/invoices/" + invoice)).path("status").asText();
    }

    private static void assertLines(Microcent api, String customer, String period, List<Long> cents, long amountDue) {
        JsonNode invoice = invoice(api, customer, period);
        assertThat(invoice.path("status").asText()).as(customer).isIn("finalized", "paid");
        List<Long> lines = new ArrayList<>();
        invoice.path("lines").forEach(line -> lines.add(line.path("amountCents").asLong()));
        assertThat(lines).as(customer + " " + period + " " + invoice.path("lines")).isEqualTo(cents);
        assertThat(invoice.path("amountDueCents").asLong()).as(customer).isEqualTo(amountDue);
    }

    private static long syncedCount(Microcent api, String period) {
        long synced = 0;
        for (JsonNode invoice : Microcent.ok(api.get("/v1/invoices?period=" + period)).path("invoices")) {
            synced += invoice.path("stripe").path("status").asText().equals("synced") ? 1 : 0;
        }
        return synced;
    }

    private static String stripeEvent(String type, String eventId, String ourInvoice) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("api_version", "2025-04-30.basil");
        event.put("created", Instant.now().getEpochSecond());
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("type", type);
        ObjectNode invoice = event.putObject("data").putObject("object");
        invoice.put("id", "in_stripe_" + ourInvoice.substring(3, 11));
        invoice.put("object", "invoice");
        invoice.putObject("metadata").put("microcent_invoice_id", ourInvoice);
        return event.toString();
    }

    /** Delivers a webhook signed now (Stripe signs with real time) with {@code secret}. */
    private static HttpResponse<String> webhook(TestPlatform platform, String payload, String secret) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + platform.port() + "/v1/stripe/webhooks"))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", StripeSignatures.header(payload, secret, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
