package io.microcent.rating.rerate;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.price.ModelPrice;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.ChargeAmount;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.config.PlanCatalogSetting;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.TestContexts;
import io.microcent.rating.RatingModule;
import io.microcent.rating.RatingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.microcent.rating.rerate.RatingUnderTest.WAIT;
import static io.microcent.rating.rerate.RatingUnderTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * Re-rating on a running rating service: usage rated at one price, the price changed through the price
 * book API, the period re-rated; read back from usage.rated as a read_committed consumer sees it.
 */
class RerateBrokerTest {

    private static final BillingPeriod NOV = BillingPeriod.parse("2026-11");
    private static final Instant NOV_1 = NOV.start();
    private static final Instant NOV_10 = Instant.parse("2026-11-10T09:00:00Z");
    /** 3 requests a period included, then 1¢ each; the provider cost passed through with 20 % on top. */
    private static final String CATALOG = """
            {"plans": [
              {"id": "starter", "name": "Starter", "monthlyFee": "9",
               "charges": [{"meter": "requests", "model": "allowance", "included": 1000, "unitPrice": "0.01"}]},
              {"id": "metered", "name": "Metered", "monthlyFee": "0",
               "charges": [{"meter": "requests", "model": "allowance", "included": 3, "unitPrice": "0.01"}],
               "tokenPassThrough": {"markup": "0.20"}}
            ]}
            """;
    private static final long INCLUDED = 3;
    private static final long OVERAGE_PRICE = 10_000;
    private static final BigDecimal MARKUP = new BigDecimal("1.20");
    private static final Prices OLD = new Prices("0.0000025", "0.00001");
    private static final Prices NEW = new Prices("0.0000031", "0.0000123");

    private static RatingService service;
    private static RatingUnderTest rating;

    @BeforeAll
    static void startRating() throws IOException {
        Path catalog = Files.createTempFile("rerate-plans", ".json");
        Files.writeString(catalog, CATALOG);
        ServiceContext context = TestContexts.forService(RatingModule.NAME,
                Map.of(PlanCatalogSetting.VARIABLE, catalog.toString()), Clock.systemUTC());
        RatingModule module = new RatingModule();
        module.configure(context.env());
        context.env().validate();
        service = (RatingService) module.start(context);
        rating = new RatingUnderTest(context, service.routes());
        await().atMost(WAIT).until(service::isReady);
    }

    @AfterAll
    static void stopRating() {
        if (rating != null) {
            rating.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void reratingAfterAPriceChangeMakesThePeriodAddUpToRatingEverythingAtTheNewPrice() {
        Scenario usage = ratedAtTheOldPrice(5);
        List<RatedUsage> before = rating.rated(usage.customer());
        setPrice(usage.model(), NEW);

        JsonNode job = awaitDone(rerate(usage.customer(), "2026-11"));

        List<RatedUsage> lines = rating.rated(usage.customer());
        assertThat(PeriodTotals.of(lines)).isEqualTo(PeriodTotals.expected(usage.events(), NEW));
        List<RatedUsage> corrections = lines.stream().filter(RatedUsage::correction).toList();
        assertThat(corrections).hasSize(5).allSatisfy(correction -> {
            assertThat(correction.event().requests()).isZero();
            assertThat(correction.event().inputTokens() + correction.event().outputTokens()).isZero();
            assertThat(correction.period()).isEqualTo(NOV);
            assertThat(correction.charges()).as("per-charge deltas, no quantities").isNotEmpty()
                    .allSatisfy(charge -> assertThat(charge.quantity()).isZero());
        });
        // the corrections telescope charge by charge too: each charge's lines add up to its new total
        PeriodTotals expected = PeriodTotals.expected(usage.events(), NEW);
        long requestsCharge = expected.overage() * OVERAGE_PRICE;
        assertThat(chargeSums(lines)).containsOnly(entry("requests", requestsCharge),
                entry("token_pass_through", expected.charge() - requestsCharge));
        assertThat(chargeSums(before).get("token_pass_through"))
                .isEqualTo(PeriodTotals.expected(usage.events(), OLD).charge() - requestsCharge);
        assertThat(job.get("customer").asText()).isEqualTo(usage.customer().raw());
        assertThat(job.get("period").asText()).isEqualTo("2026-11");
        assertThat(job.get("eventsInPeriod").asLong()).isEqualTo(5);
        assertThat(job.get("eventsChanged").asLong()).isEqualTo(5);
        assertThat(job.get("eventsRead").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(job.get("costDeltaMicrocents").asLong())
                .isEqualTo(PeriodTotals.expected(usage.events(), NEW).cost() - PeriodTotals.of(before).cost());
        assertThat(job.get("chargeDeltaMicrocents").asLong())
                .isEqualTo(PeriodTotals.expected(usage.events(), NEW).charge() - PeriodTotals.of(before).charge());
        assertThat(job.has("finishedAt")).isTrue();
        assertThat(job.has("error")).isFalse();
        RerateJobView recorded = new RerateJobHistory(rating.context().database().dsl(), "test")
                .find(UUID.fromString(job.get("jobId").asText())).orElseThrow();
        assertThat(recorded.status()).isEqualTo(RerateStatus.DONE);
        assertThat(recorded.eventsChanged()).isEqualTo(5);
    }

    @Test
    void theHourlyRollupsAddTheCorrectionsWithoutCountingRequestsOrTokensTwice() {
        Scenario usage = ratedAtTheOldPrice(4);
        setPrice(usage.model(), NEW);

        awaitDone(rerate(usage.customer(), "2026-11"));

        PeriodTotals expected = PeriodTotals.expected(usage.events(), NEW);
        long inputTokens = usage.events().stream().mapToLong(UsageEvent::inputTokens).sum();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode models = json(rating.send("GET", "/v1/customers/" + usage.customer() + "/usage/breakdown?period=2026-11", null))
                    .get("models");
            assertThat(models).hasSize(1);
            assertThat(models.get(0).get("requests").asLong()).isEqualTo(4);
            assertThat(models.get(0).get("inputTokens").asLong()).isEqualTo(inputTokens);
            assertThat(models.get(0).get("costMicrocents").asLong()).isEqualTo(expected.cost());
            assertThat(models.get(0).get("chargeMicrocents").asLong()).isEqualTo(expected.charge());
        });
    }

    @Test
    void reratingAgainAfterAFinishedJobWritesNothing() {
        Scenario usage = ratedAtTheOldPrice(4);
        setPrice(usage.model(), NEW);
        awaitDone(rerate(usage.customer(), "2026-11"));
        List<RatedUsage> afterFirst = rating.rated(usage.customer());

        JsonNode again = awaitDone(rerate(usage.customer(), "2026-11"));

        assertThat(again.get("eventsInPeriod").asLong()).isEqualTo(4);
        assertThat(again.get("eventsChanged").asLong()).isZero();
        assertThat(again.get("costDeltaMicrocents").asLong()).isZero();
        assertThat(again.get("chargeDeltaMicrocents").asLong()).isZero();
        assertThat(rating.rated(usage.customer())).isEqualTo(afterFirst);
        assertThat(PeriodTotals.of(afterFirst)).isEqualTo(PeriodTotals.expected(usage.events(), NEW));
    }

    @Test
    void usageArrivingWhileAndAfterTheJobRunsIsCountedOnce() {
        Scenario usage = ratedAtTheOldPrice(3);
        setPrice(usage.model(), NEW);
        List<UsageEvent> events = new ArrayList<>(usage.events());

        UUID job = rerate(usage.customer(), "2026-11");
        for (int i = 0; i < 3; i++) {
            events.add(produce(usage, events.size()));
        }
        awaitDone(job);
        for (int i = 0; i < 2; i++) {
            events.add(produce(usage, events.size()));
        }

        List<RatedUsage> lines = awaitRated(usage.customer(), 8);
        Map<EventId, Long> ratedAsUsage = lines.stream().filter(line -> !line.correction())
                .collect(Collectors.groupingBy(line -> line.event().id(), Collectors.counting()));
        assertThat(ratedAsUsage).hasSize(8).containsOnlyKeys(events.stream().map(UsageEvent::id).toList())
                .allSatisfy((id, count) -> assertThat(count).as(id.raw()).isEqualTo(1));
        assertThat(PeriodTotals.of(lines)).isEqualTo(PeriodTotals.expected(events, NEW));
    }

    @Test
    void aCustomerRatingHasNoPlanForIsNotFound() {
        HttpResponse<String> response = rating.send("POST", "/v1/customers/nobody-" + UUID.randomUUID() + "/rerate?period=2026-11", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("code").asText()).isEqualTo("customer_not_found");
    }

    @Test
    void aMissingMalformedOrFuturePeriodIsABadRequestNamingTheParameter() {
        CustomerId customer = onMeteredPlan();
        for (String query : List.of("", "?period=2026-13", "?period=november", "?period=2999-01")) {
            HttpResponse<String> response = rating.send("POST", "/v1/customers/" + customer + "/rerate" + query, null);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json(response).get("code").asText()).isEqualTo("invalid_parameter");
            assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("period");
        }
    }

    @Test
    void reratingNeedsTheOperatorToken() {
        HttpResponse<String> response = rating.send("POST", "/v1/customers/acme/rerate?period=2026-11", null, null);
        HttpResponse<String> progress = rating.send("GET", "/v1/rerate-jobs/" + UUID.randomUUID(), "wrong", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(progress.statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownJobIsNotFound() {
        assertThat(rating.send("GET", "/v1/rerate-jobs/" + UUID.randomUUID(), null).statusCode()).isEqualTo(404);
        assertThat(rating.send("GET", "/v1/rerate-jobs/not-a-job", null).statusCode()).isEqualTo(404);
    }

    /** A customer on the metered plan whose {@code count} events of November were rated at {@link #OLD} prices. */
    private static Scenario ratedAtTheOldPrice(int count) {
        ModelId model = ModelId.of("rerate-model-" + UUID.randomUUID());
        setPrice(model, OLD);
        Scenario scenario = new Scenario(onMeteredPlan(), model, new ArrayList<>());
        for (int i = 0; i < count; i++) {
            scenario.events().add(produce(scenario, i));
        }
        assertThat(awaitRated(scenario.customer(), count)).extracting(RatedUsage::costMicrocents)
                .doesNotContain(Microcents.ZERO);
        return scenario;
    }

    private static CustomerId onMeteredPlan() {
        CustomerId customer = CustomerId.of("rerate-" + UUID.randomUUID());
        rating.produceAt(Topics.CUSTOMER_PLANS, customer, new CustomerPlan(customer, PlanId.of("metered"), NOV_1), NOV_1);
        return customer;
    }

    /** One request with tokens that make rounding matter, at {@code NOV_10} plus {@code n} minutes. */
    private static UsageEvent produce(Scenario scenario, int n) {
        Instant at = NOV_10.plusSeconds(60L * n);
        UsageEvent event = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-" + UUID.randomUUID()),
                scenario.customer(), at, at, null, null, null, null, null, "acme-ai", scenario.model(),
                1, 1_001 + 7L * n, 13L * n + 1, 0, 0);
        rating.produce(event);
        return event;
    }

    /** Sets the model's prices from the start of November and waits until the running topology prices with them. */
    private static void setPrice(ModelId model, Prices prices) {
        HttpResponse<String> response = rating.send("PUT", "/v1/price-book/models/" + model,
                "{\"inputPerToken\": \"" + prices.input() + "\", \"outputPerToken\": \"" + prices.output()
                        + "\", \"effectiveFrom\": \"" + NOV_1 + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        await().atMost(WAIT).until(() -> {
            ModelPriceHistory history = RatingUnderTest.inTopology(service.streams(), model);
            return history != null && history.priceAt(NOV_10).map(ModelPrice::rates)
                    .filter(rates -> Rate.ofDollars(prices.input()).equals(rates.input())).isPresent();
        });
    }

    private static UUID rerate(CustomerId customer, String period) {
        HttpResponse<String> response = rating.send("POST", "/v1/customers/" + customer + "/rerate?period=" + period, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isIn("waiting_for_rating", "replaying", "writing", "done");
        assertThat(body.get("progressUrl").asText()).isEqualTo("/v1/rerate-jobs/" + body.get("jobId").asText());
        return UUID.fromString(body.get("jobId").asText());
    }

    private static JsonNode awaitDone(UUID job) {
        JsonNode done = await().atMost(WAIT).until(() -> json(rating.send("GET", "/v1/rerate-jobs/" + job, null)),
                view -> !view.get("status").asText().matches("waiting_for_rating|replaying|writing"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        return done;
    }

    /** The customer's lines once {@code events} of them are rated as usage. */
    private static List<RatedUsage> awaitRated(CustomerId customer, int events) {
        return await().atMost(WAIT).until(() -> rating.rated(customer),
                lines -> lines.stream().filter(line -> !line.correction()).count() >= events);
    }

    private record Scenario(CustomerId customer, ModelId model, List<UsageEvent> events) {
    }

    /** The lines' amounts summed per charge key. */
    private static Map<String, Long> chargeSums(List<RatedUsage> lines) {
        return lines.stream().flatMap(line -> line.charges().stream())
                .collect(Collectors.groupingBy(ChargeAmount::charge, Collectors.summingLong(charge -> charge.chargeMicrocents().value())));
    }

    /** Dollars per input and per output token. */
    private record Prices(String input, String output) {

        BigDecimal exactCostOf(UsageEvent event) {
            return Rate.ofDollars(input).exactCostOf(event.inputTokens()).add(Rate.ofDollars(output).exactCostOf(event.outputTokens()));
        }
    }

    /** What a period's lines add up to: amounts in microcents and request counts. */
    private record PeriodTotals(long cost, long charge, long requests, long included, long overage) {

        static PeriodTotals of(List<RatedUsage> lines) {
            return new PeriodTotals(
                    sum(lines, line -> line.costMicrocents().value()),
                    sum(lines, line -> line.chargeMicrocents().value()),
                    sum(lines, line -> line.event().requests()),
                    sum(lines, RatedUsage::includedRequests),
                    sum(lines, RatedUsage::overageRequests));
        }

        /** Rating every event at these prices, worked out here rather than by rating's pricers. */
        static PeriodTotals expected(List<UsageEvent> events, Prices prices) {
            long requests = events.stream().mapToLong(UsageEvent::requests).sum();
            long overage = Math.max(0, requests - INCLUDED);
            long cost = events.stream().mapToLong(event -> Microcents.round(prices.exactCostOf(event)).value()).sum();
            long passedThrough = events.stream()
                    .mapToLong(event -> Microcents.round(prices.exactCostOf(event).multiply(MARKUP)).value()).sum();
            return new PeriodTotals(cost, overage * OVERAGE_PRICE + passedThrough, requests, requests - overage, overage);
        }

        private static long sum(List<RatedUsage> lines, Function<RatedUsage, Long> figure) {
            return lines.stream().map(figure).mapToLong(Long::longValue).sum();
        }
    }
}
