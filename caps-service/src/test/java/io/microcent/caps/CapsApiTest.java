package io.microcent.caps;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.caps.authorize.IngestKeyVerifier;
import io.microcent.caps.write.Actor;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static io.microcent.caps.spend.RatedUsages.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operator API and /v1/authorize of a running caps service, on a real broker and database. */
class CapsApiTest {

    /** An ingest key of ingest-service as the verifier sees it: scoped to {@link #KEY_CUSTOMER}. */
    private static final String INGEST_SECRET = "mc_live_test";
    private static final CustomerId KEY_CUSTOMER = CustomerId.of("keyed-" + UUID.randomUUID().toString().substring(0, 8));

    private static RunningCaps caps;

    @BeforeAll
    static void start() {
        IngestKeyVerifier ingestKeys = secret -> INGEST_SECRET.equals(secret)
                ? Optional.of(new IngestKeyVerifier.IngestKey("key_1", KEY_CUSTOMER)) : Optional.empty();
        caps = RunningCaps.start(ingestKeys);
        caps.createCustomer(KEY_CUSTOMER.raw());
    }

    @AfterAll
    static void stop() {
        if (caps != null) {
            caps.close();
        }
    }

    @Test
    void aWebhookUrlReachingInsideTheNetworkIsRefusedByDefault() {
        for (String url : List.of("https://169.254.169.254/latest/meta-data/", "https://10.0.0.1/", "http://127.0.0.1:9000/hook",
                "https://user:secret@hooks.example.com/x")) {
            ApiClient.Response refused = caps.api.post("/v1/webhooks", "{\"url\":\"" + url + "\"}");

            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(refused.errorFields()).as(url).containsExactly("url");
        }
    }

    /** A customer that exists (published on customer.plans). */
    private static String newCustomer() {
        return caps.createCustomer(unpublishedCustomer());
    }

    private static String unpublishedCustomer() {
        return "initech-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertCustomerNotFound(ApiClient.Response answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(422);
        assertThat(answer.body().get("code").asText()).isEqualTo("validation_failed");
        assertThat(answer.body().get("errors")).hasSize(1);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("customer");
        assertThat(answer.body().get("errors").get(0).get("code").asText()).isEqualTo("customer_not_found");
    }

    @Test
    void aCapOfACustomerThatDoesNotExistIsRefusedAndNothingIsRecorded() {
        String customer = unpublishedCustomer();

        assertCustomerNotFound(create("""
                {"customer":"%s","amountMicrocents":5000}""".formatted(customer)));

        assertThat(caps.api.get("/v1/caps?customer=" + customer).body().get("caps")).isEmpty();
        assertThat(caps.latestDefinitions(CustomerId.of(customer))).as("nothing published").isNull();
    }

    @Test
    void customerIdsAreCaseSensitive() {
        String customer = newCustomer();
        String shouted = customer.toUpperCase(Locale.ROOT);

        assertCustomerNotFound(create("""
                {"customer":"%s","amountMicrocents":5000}""".formatted(shouted)));
        assertCustomerNotFound(caps.api.post("/v1/webhooks", """
                {"url":"https://hooks.example.com/caps","customer":"%s"}""".formatted(shouted)));
        assertCustomerNotFound(caps.api.post("/v1/authorize", """
                {"customer":"%s","estimatedInputTokens":1,"maxOutputTokens":1}""".formatted(shouted)));
        assertThat(caps.api.get("/v1/caps?customer=" + shouted).body().get("caps")).isEmpty();
        assertThat(create("""
                {"customer":"%s","amountMicrocents":5000}""".formatted(customer)).status()).isEqualTo(201);
    }

    @Test
    void aWebhookForACustomerThatDoesNotExistIsRefusedOneForEveryCustomerIsNot() {
        String customer = unpublishedCustomer();

        assertCustomerNotFound(caps.api.post("/v1/webhooks", """
                {"url":"https://hooks.example.com/caps","customer":"%s"}""".formatted(customer)));

        assertThat(caps.api.get("/v1/webhooks").body().get("webhooks").findValuesAsText("customer")).doesNotContain(customer);
        assertThat(caps.api.post("/v1/webhooks", "{\"url\":\"https://hooks.example.com/every\"}").status()).isEqualTo(201);
        assertThat(caps.api.post("/v1/webhooks", """
                {"url":"https://hooks.example.com/caps","customer":"%s"}""".formatted(newCustomer())).status()).isEqualTo(201);
    }

    @Test
    void anAuthorizationForACustomerThatDoesNotExistIsRefusedNotAllowed() {
        assertCustomerNotFound(caps.api.post("/v1/authorize", """
                {"customer":"%s","estimatedInputTokens":1,"maxOutputTokens":1}""".formatted(unpublishedCustomer())));
    }

    private static ApiClient.Response create(String json) {
        return caps.api.post("/v1/caps", json);
    }

    @Test
    void aCreatedCapIsAnsweredWithItsSettingsAndPublishedWithTheCustomersOtherCaps() {
        String customer = newCustomer();
        ApiClient.Response first = caps.api.withHeader(Actor.HEADER, "ann@microcent.io").post("/v1/caps", """
                {"customer":"%s","scope":"customer","scopeId":"%s","amountMicrocents":1000000,"period":"month",
                 "measure":"cost","mode":"hard","thresholds":[50,80,100]}""".formatted(customer, customer));
        ApiClient.Response second = create("""
                {"customer":"%s","scope":"project","scopeId":"Search","amountMicrocents":500000,"mode":"soft","thresholds":[90]}"""
                .formatted(customer));

        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        JsonNode cap = first.body();
        assertThat(cap.get("id").asText()).startsWith("cap_");
        assertThat(first.location()).isEqualTo("/v1/caps/" + cap.get("id").asText());
        assertThat(cap.get("customer").asText()).isEqualTo(customer);
        assertThat(cap.get("amountMicrocents").asLong()).isEqualTo(1_000_000);
        assertThat(cap.get("measure").asText()).isEqualTo("cost");
        assertThat(cap.get("thresholds").toString()).isEqualTo("[50,80,100]");
        assertThat(cap.get("createdBy").asText()).isEqualTo("ann@microcent.io");
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().get("period").asText()).isEqualTo("month");
        assertThat(second.body().get("measure").asText()).isEqualTo("charge");
        assertThat(second.body().get("createdBy").asText()).isEqualTo("operator");

        CustomerCaps published = caps.latestDefinitions(CustomerId.of(customer));
        assertThat(published.caps()).extracting(CapDefinition::id).extracting(Object::toString)
                .containsExactlyInAnyOrder(cap.get("id").asText(), second.body().get("id").asText());
        assertThat(published.version()).isEqualTo(2);
        assertThat(caps.api.get("/v1/caps?customer=" + customer).body().get("caps")).hasSize(2);
    }

    @Test
    void aHardCapWithoutTheFullThresholdGetsItAndDefaultsApply() {
        String customer = newCustomer();
        ApiClient.Response created = create("""
                {"customer":"%s","amountMicrocents":5000,"thresholds":[80]}""".formatted(customer));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("scope").asText()).isEqualTo("customer");
        assertThat(created.body().get("scopeId").asText()).isEqualTo(customer);
        assertThat(created.body().get("mode").asText()).isEqualTo("hard");
        assertThat(created.body().get("thresholds").toString()).isEqualTo("[80,100]");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        ApiClient.Response answer = create("""
                {"customer":"","scope":"org","amountMicrocents":1.5,"period":"week","measure":"tokens","mode":"maybe",
                 "thresholds":[50,0,50]}""");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asText()).isEqualTo("validation_failed");
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("customer", "scope", "amountMicrocents", "period",
                "measure", "mode", "thresholds[1]", "thresholds[2]");
    }

    @Test
    void aProjectCapNeedsItsProjectAndACustomerCapCannotNameAnotherCustomer() {
        String customer = newCustomer();

        ApiClient.Response noProject = create("""
                {"customer":"%s","scope":"project","amountMicrocents":5000}""".formatted(customer));
        ApiClient.Response otherCustomer = create("""
                {"customer":"%s","scope":"customer","scopeId":"globex","amountMicrocents":5000}""".formatted(customer));
        ApiClient.Response tooLarge = create("""
                {"customer":"%s","amountMicrocents":1000000000000001}""".formatted(customer));

        assertThat(noProject.status()).isEqualTo(422);
        assertThat(noProject.errorFields()).containsExactly("scopeId");
        assertThat(otherCustomer.errorFields()).containsExactly("scopeId");
        assertThat(tooLarge.body().path("errors").path(0).path("code").asText()).isEqualTo("out_of_range");
    }

    @Test
    void aScopeIdWithNulControlOrBidiCharactersIsAnInvalidIdNotAServerError() {
        String customer = newCustomer();
        for (String scope : List.of("project", "costCenter", "apiKey", "user", "team")) {
            for (String scopeId : List.of("a\\u0000b", "a\\nb", "a\\u202eb", "a\\ud800")) {
                ApiClient.Response answer = create("""
                        {"customer":"%s","scope":"%s","scopeId":"%s","amountMicrocents":5000}""".formatted(customer, scope, scopeId));

                assertThat(answer.status()).as(scope + " " + scopeId).isEqualTo(422);
                assertThat(answer.errorFields()).containsExactly("scopeId");
                assertThat(answer.body().path("errors").path(0).path("code").asText()).isEqualTo("invalid_id");
            }
        }
    }

    @Test
    void changesAndTheDeletionAreRecordedInTheHistoryWithWhoAndWhen() {
        String customer = newCustomer();
        String id = create("""
                {"customer":"%s","amountMicrocents":5000}""".formatted(customer)).body().get("id").asText();

        ApiClient.Response changed = caps.api.withHeader(Actor.HEADER, "bob@microcent.io")
                .patch("/v1/caps/" + id, "{\"amountMicrocents\":8000,\"mode\":\"soft\"}");
        ApiClient.Response unchanged = caps.api.patch("/v1/caps/" + id, "{\"amountMicrocents\":8000}");
        ApiClient.Response emptyPatch = caps.api.patch("/v1/caps/" + id, "{}");
        ApiClient.Response deleted = caps.api.delete("/v1/caps/" + id);
        ApiClient.Response deletedAgain = caps.api.delete("/v1/caps/" + id);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("amountMicrocents").asLong()).isEqualTo(8_000);
        assertThat(changed.body().get("mode").asText()).isEqualTo("soft");
        assertThat(changed.body().get("updatedBy").asText()).isEqualTo("bob@microcent.io");
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(emptyPatch.status()).isEqualTo(422);
        assertThat(emptyPatch.errorFields()).containsExactly("body");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deletedAgain.status()).isEqualTo(204);
        assertThat(caps.api.get("/v1/caps/" + id).body().get("code").asText()).isEqualTo("cap_not_found");
        assertThat(caps.api.patch("/v1/caps/" + id, "{\"amountMicrocents\":1}").status()).isEqualTo(404);
        assertThat(caps.latestDefinitions(CustomerId.of(customer)).caps()).isEmpty();

        JsonNode history = caps.api.get("/v1/caps/" + id + "/history").body().get("events");
        assertThat(history).extracting(event -> event.get("type").asText())
                .containsExactly("CapCreated", "CapChanged", "CapDeleted");
        assertThat(history).extracting(event -> event.get("actor").asText())
                .containsExactly("operator", "bob@microcent.io", "operator");
        assertThat(history.get(1).get("event").get("amountMicrocents").asLong()).isEqualTo(8_000);
        assertThat(Instant.parse(history.get(2).get("at").asText())).isAfterOrEqualTo(Instant.parse(history.get(1).get("at").asText()));
    }

    @Test
    void unknownCapsAndMissingCredentialsAreProblems() {
        assertThat(caps.api.get("/v1/caps/cap_000000000000000000000000").status()).isEqualTo(404);
        assertThat(caps.api.get("/v1/caps/cap_000000000000000000000000/history").status()).isEqualTo(404);
        assertThat(caps.api.delete("/v1/caps/cap_000000000000000000000000").status()).isEqualTo(404);
        assertThat(caps.api.withToken(null).get("/v1/caps").status()).isEqualTo(401);
        assertThat(caps.api.withToken(INGEST_SECRET).post("/v1/caps", "{}").status()).isEqualTo(401);
    }

    @Test
    void aHardCapRefusesCallsOnceSpendAndReservationsWouldPassItAndTheCapShowsWhereItStands() {
        String customer = newCustomer();
        String id = create("""
                {"customer":"%s","amountMicrocents":100000,"measure":"cost"}""".formatted(customer)).body().get("id").asText();
        caps.produce(usage(CustomerId.of(customer), Instant.now()).cost(40_000).rated());
        await().atMost(RunningCaps.WAIT).untilAsserted(() ->
                assertThat(caps.api.get("/v1/caps/" + id).body().path("current").path("spentMicrocents").asLong()).isEqualTo(40_000));

        // no price book entry: the default 75 per token; 500 tokens may cost 37,500, nothing is added per request
        String call = """
                {"customer":"%s","model":"gpt-4o","estimatedInputTokens":300,"maxOutputTokens":200}""".formatted(customer);
        JsonNode first = caps.api.post("/v1/authorize", call).body();
        JsonNode second = caps.api.post("/v1/authorize", call).body();

        assertThat(first.get("allowed").asBoolean()).isTrue();
        assertThat(first.get("reservationId").asText()).startsWith("rsv_");
        assertThat(first.get("reservedMicrocents").asLong()).isEqualTo(37_500);
        assertThat(first.get("remainingMicrocents").asLong()).isEqualTo(22_500);
        assertThat(second.get("allowed").asBoolean()).isFalse();
        assertThat(second.get("blockedBy").get(0).asText()).isEqualTo(id);
        JsonNode detail = caps.api.get("/v1/caps/" + id).body();
        assertThat(detail.get("id").asText()).isEqualTo(id);
        assertThat(detail.get("amountMicrocents").asLong()).isEqualTo(100_000);
        JsonNode current = detail.get("current");
        assertThat(current.get("reservedMicrocents").asLong()).isEqualTo(37_500);
        assertThat(current.get("remainingMicrocents").asLong()).isEqualTo(22_500);
        assertThat(current.get("status").asText()).isEqualTo("allowed");
    }

    @Test
    void theListShowsEachCapsCurrentSpendAndACapListsTheAlertsItSent() {
        String customer = newCustomer();
        String id = create("""
                {"customer":"%s","amountMicrocents":100000,"measure":"cost","mode":"soft","thresholds":[50,90]}""".formatted(customer))
                .body().get("id").asText();
        caps.produce(usage(CustomerId.of(customer), Instant.now()).cost(60_000).rated());

        await().atMost(RunningCaps.WAIT).untilAsserted(() -> {
            JsonNode listed = caps.api.get("/v1/caps?customer=" + customer).body().get("caps").get(0);
            assertThat(listed.get("id").asText()).isEqualTo(id);
            assertThat(listed.path("current").path("spentMicrocents").asLong()).isEqualTo(60_000);
        });
        JsonNode everyCustomers = caps.api.get("/v1/caps").body();
        JsonNode ours = null;
        for (JsonNode cap : everyCustomers.get("caps")) {
            if (cap.get("id").asText().equals(id)) {
                ours = cap;
            }
        }
        assertThat(ours).as("listed among every customer's caps").isNotNull();
        JsonNode current = ours.get("current");
        assertThat(current.get("spentMicrocents").asLong()).isEqualTo(60_000);
        assertThat(current.get("remainingMicrocents").asLong()).isEqualTo(40_000);
        assertThat(current.get("status").asText()).isEqualTo("allowed");
        assertThat(current.get("period").asText()).isEqualTo(caps.api.get("/v1/caps/" + id).body().path("current").path("period").asText());

        await().atMost(RunningCaps.WAIT).untilAsserted(() -> {
            JsonNode alerts = caps.api.get("/v1/caps/" + id + "/alerts").body().get("alerts");
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).get("thresholdPercent").asInt()).isEqualTo(50);
            assertThat(alerts.get(0).get("spentMicrocents").asLong()).isEqualTo(60_000);
            assertThat(alerts.get(0).get("capId").asText()).isEqualTo(id);
        });
        assertThat(caps.api.get("/v1/caps/cap_unknown/alerts").status()).isEqualTo(404);
    }

    @Test
    void anIngestKeyAuthorizesOnlyItsOwnCustomer() {
        ApiClient withKey = caps.api.withToken(INGEST_SECRET);
        String call = """
                {"customer":"%s","estimatedInputTokens":1,"maxOutputTokens":1}""";

        ApiClient.Response own = withKey.post("/v1/authorize", call.formatted(KEY_CUSTOMER));
        ApiClient.Response other = withKey.post("/v1/authorize", call.formatted(newCustomer()));
        ApiClient.Response unknownKey = caps.api.withToken("mc_live_unknown").post("/v1/authorize", call.formatted(KEY_CUSTOMER));
        ApiClient.Response missingBudget = withKey.post("/v1/authorize", "{\"customer\":\"" + KEY_CUSTOMER + "\"}");

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().get("allowed").asBoolean()).isTrue();
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.errorFields()).containsExactly("customer");
        assertThat(unknownKey.status()).isEqualTo(401);
        assertThat(missingBudget.status()).isEqualTo(422);
        assertThat(missingBudget.errorFields()).containsExactlyInAnyOrder("estimatedInputTokens", "maxOutputTokens");
    }

    @Test
    void theSpendOfACustomerIsStillAnsweredPerBillingPeriod() {
        String customer = newCustomer();
        caps.produce(usage(CustomerId.of(customer), Instant.parse("2026-11-03T10:00:00Z")).requests(3).charge(30_000).cost(12).rated());

        await().atMost(RunningCaps.WAIT).untilAsserted(() -> {
            JsonNode spend = caps.api.get("/v1/customers/" + customer + "/spend?period=2026-11").body();
            assertThat(spend.get("chargeMicrocents").asLong()).isEqualTo(30_000);
            assertThat(spend.get("requests").asLong()).isEqualTo(3);
        });
        assertThat(Microcents.of(caps.api.get("/v1/customers/" + customer + "/spend?period=2026-12").body()
                .get("chargeMicrocents").asLong())).isEqualTo(Microcents.ZERO);
    }
}
