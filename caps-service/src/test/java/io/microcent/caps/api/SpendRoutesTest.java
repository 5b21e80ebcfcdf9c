package io.microcent.caps.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.caps.routing.OwnerRouting;
import io.microcent.caps.spend.SpendQuery;
import io.microcent.caps.spend.SpendTopology;
import io.microcent.model.caps.SpendState;
import io.microcent.model.id.CustomerId;
import io.microcent.model.json.Json;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.service.StandaloneRunner;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The spend API over a state store filled without a broker. */
class SpendRoutesTest {

    private static final String TOKEN = "operator-secret";
    private static final CustomerId ACME = CustomerId.of("acme");
    /** The clock of the API: in November 2026, so a request without a period asks for 2026-11. */
    private static final Clock NOV_20 = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private HttpServer server;
    private boolean storeAvailable = true;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        Properties config = new Properties();
        config.putAll(SpendTopology.streamsConfig("unused:9092", stateDir, 1));
        driver = new TopologyTestDriver(SpendTopology.build(new StreamsBuilder()), config);
        SpendQuery query = new SpendQuery(customer -> {
            if (!storeAvailable) {
                throw new InvalidStateStoreException("rebalancing");
            }
            return driver.getKeyValueStore(SpendTopology.SPEND_STORE);
        });
        server = HttpServer.start("127.0.0.1", 0, List.of(new SpendRoutes(query, new OperatorAuth(TOKEN), OwnerRouting.singleInstance(), NOV_20)),
                Map.of(), StandaloneRunner.newMeterRegistry());
    }

    @AfterEach
    void stop() {
        server.close();
        driver.close();
    }

    @Test
    void answersTheSpendOfAPeriodFromTheStateStore() throws Exception {
        KeyValueStore<String, SpendState> store = driver.getKeyValueStore(SpendTopology.SPEND_STORE);
        SpendState nov = new SpendState(ACME, BillingPeriod.parse("2026-11"), Microcents.of(5_230_000),
                Microcents.of(1_234), 1_523, Instant.parse("2026-11-30T12:00:00Z"));
        store.put(nov.key(), nov);

        HttpResponse<String> response = get("/v1/customers/acme/spend?period=2026-11", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.get("customer").asText()).isEqualTo("acme");
        assertThat(body.get("period").asText()).isEqualTo("2026-11");
        assertThat(body.get("chargeMicrocents").asLong()).isEqualTo(5_230_000);
        assertThat(body.get("costMicrocents").asLong()).isEqualTo(1_234);
        assertThat(body.get("requests").asLong()).isEqualTo(1_523);
    }

    @Test
    void aPeriodWithoutUsageAnswersZeros() throws Exception {
        HttpResponse<String> response = get("/v1/customers/nobody/spend?period=2026-12", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(response.body())).isEqualTo(Json.mapper().readTree("""
                {"customer":"nobody","period":"2026-12","chargeMicrocents":0,"costMicrocents":0,"requests":0}"""));
    }

    @Test
    void withoutAPeriodAnswersTheCurrentMonth() throws Exception {
        KeyValueStore<String, SpendState> store = driver.getKeyValueStore(SpendTopology.SPEND_STORE);
        SpendState nov = new SpendState(ACME, BillingPeriod.parse("2026-11"), Microcents.of(7), Microcents.of(3), 1,
                Instant.parse("2026-11-20T11:00:00Z"));
        store.put(nov.key(), nov);

        HttpResponse<String> response = get("/v1/customers/acme/spend", TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode spend = Json.mapper().readTree(response.body());
        assertThat(spend.get("period").asText()).isEqualTo("2026-11");
        assertThat(spend.get("chargeMicrocents").asLong()).isEqualTo(7);
    }

    @Test
    void aPeriodThatIsNotAMonthIsAnInvalidParameter() throws Exception {
        HttpResponse<String> response = get("/v1/customers/acme/spend?period=2026-13", TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(response.body()).get("code").asText()).isEqualTo("invalid_parameter");
    }

    @Test
    void withoutTheOperatorTokenTheSpendIsNotShown() throws Exception {
        assertThat(get("/v1/customers/acme/spend?period=2026-11", null).statusCode()).isEqualTo(401);
        assertThat(get("/v1/customers/acme/spend?period=2026-11", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void whileTheStoreIsUnavailableTheAnswerIsRetryLater() throws Exception {
        storeAvailable = false;

        HttpResponse<String> response = get("/v1/customers/acme/spend?period=2026-11", TOKEN);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(Json.mapper().readTree(response.body()).get("code").asText()).isEqualTo("service_unavailable");
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
