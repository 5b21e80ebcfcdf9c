package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The all-in-one's API as an operator and a gateway use it, with the operator token at hand. */
final class Microcent extends ApiClient {

    /** The most events one {@code POST /v1/events} takes. */
    static final int MAX_EVENTS_PER_REQUEST = 10_000;
    static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(120);

    /** What {@code POST /v1/events} answered, summed over the requests it took. */
    record Ingested(int accepted, int duplicates) {
    }

    /**
     * A customer's usage of one period as one view of the platform reports it: invoicing's usage totals,
     * caps' spend, or rating's per-model breakdown (hourly rollups) summed.
     */
    record Figures(long requests, long costMicrocents, long chargeMicrocents) {
    }

    private final String operatorToken;

    Microcent(int port, String operatorToken) {
        super(port);
        this.operatorToken = operatorToken;
    }

    Response get(String path) {
        return get(path, operatorToken);
    }

    Response post(String path, String json) {
        return post(path, operatorToken, json);
    }

    Response put(String path, String json) {
        return put(path, operatorToken, json);
    }

    void registerCustomer(String id, String plan) {
        Response created = post("/v1/customers", "{\"id\":\"" + id + "\",\"name\":\"Customer " + id + "\",\"plan\":\"" + plan + "\"}");
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
    }

    /** A new ingest key for {@code customer} only; returns its secret. */
    String ingestKeyFor(String customer) {
        Response key = post("/v1/api-keys", "{\"name\":\"gateway\",\"customer\":\"" + customer + "\"}");
        assertThat(key.status()).as(key.json().toString()).isEqualTo(201);
        return key.json().path("secret").asText();
    }

    /** Sends {@code events} as a gateway would, in requests of at most 10,000; every request must be accepted (202). */
    Ingested sendEvents(String ingestKey, List<ObjectNode> events) {
        int accepted = 0;
        int duplicates = 0;
        for (int from = 0; from < events.size(); from += MAX_EVENTS_PER_REQUEST) {
            List<ObjectNode> batch = events.subList(from, Math.min(events.size(), from + MAX_EVENTS_PER_REQUEST));
            Response response = post("/v1/events", ingestKey, UsageEvents.array(batch));
            assertThat(response.status()).as(response.json().toString()).isEqualTo(202);
            accepted += response.json().path("accepted").asInt();
            duplicates += response.json().path("duplicates").asInt();
        }
        return new Ingested(accepted, duplicates);
    }

    /** {@code GET /v1/customers/{id}/usage}: the period's totals as invoicing bills them. */
    JsonNode usage(String customer, String period) {
        return ok(get("/v1/customers/" + customer + "/usage?period=" + period));
    }

    Figures invoiced(String customer, String period) {
        JsonNode usage = usage(customer, period);
        return new Figures(usage.path("requests").asLong(), usage.path("costMicrocents").asLong(),
                usage.path("chargeMicrocents").asLong());
    }

    /** {@code GET /v1/customers/{id}/spend}: the period's spend as caps counts it. */
    Figures spent(String customer, String period) {
        JsonNode spend = ok(get("/v1/customers/" + customer + "/spend?period=" + period));
        return new Figures(spend.path("requests").asLong(), spend.path("costMicrocents").asLong(),
                spend.path("chargeMicrocents").asLong());
    }

    /** {@code GET /v1/customers/{id}/usage/breakdown}: rating's per-model figures, summed. */
    Figures brokenDown(String customer, String period) {
        JsonNode models = breakdown(customer, period).path("models");
        long requests = 0;
        long cost = 0;
        long charge = 0;
        for (JsonNode model : models) {
            requests += model.path("requests").asLong();
            cost += model.path("costMicrocents").asLong();
            charge += model.path("chargeMicrocents").asLong();
        }
        return new Figures(requests, cost, charge);
    }

    JsonNode breakdown(String customer, String period) {
        return ok(get("/v1/customers/" + customer + "/usage/breakdown?period=" + period));
    }

    /** Waits until invoicing, caps and rating's rollups all report exactly {@code expected}. */
    void awaitFigures(String customer, String period, Figures expected) {
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(invoiced(customer, period)).as("invoicing's usage").isEqualTo(expected);
            assertThat(spent(customer, period)).as("caps' spend").isEqualTo(expected);
            assertThat(brokenDown(customer, period)).as("rating's breakdown").isEqualTo(expected);
        });
    }

    /**
     * Waits until rating prices calls of {@code model} at {@code provider}. A price change reaches the rating
     * topology through {@code price.book} moments after the API answered; a test that needs it in effect
     * sends one-call probes, for a customer of its own, until one is rated with a cost. Every later call is
     * then priced too: the topology's price store only moves forward.
     */
    void awaitRatingPrices(String provider, String model, Instant at) {
        String probe = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        registerCustomer(probe, "starter");
        String key = ingestKeyFor(probe);
        AtomicInteger sent = new AtomicInteger();
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            Figures rated = invoiced(probe, YearMonth.from(at.atZone(ZoneOffset.UTC)).toString());
            if (rated.requests() < sent.get()) {
                return false;
            }
            if (rated.costMicrocents() > 0) {
                return true;
            }
            sendEvents(key, List.of(UsageEvents.llmCall("probe-" + sent.incrementAndGet(), probe, at, provider, model, 1_000, 0)));
            return false;
        });
    }

    static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.json().toString()).isEqualTo(200);
        return response.json();
    }
}
