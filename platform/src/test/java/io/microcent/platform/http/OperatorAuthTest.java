package io.microcent.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.microcent.model.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator token reads and changes; the viewer token reads only, on every operator route at once. */
class OperatorAuthTest {

    private static final OperatorAuth AUTH = new OperatorAuth("op-token", Optional.of("view-token"));
    private static final AtomicInteger CHANGES = new AtomicInteger();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static HttpServer server;

    @BeforeAll
    static void start() {
        HttpRoutes things = routes -> {
            routes.get("/v1/things", ctx -> {
                AUTH.require(ctx);
                ctx.json(Map.of("count", CHANGES.get()));
            });
            routes.post("/v1/things", ctx -> {
                AUTH.require(ctx);
                ctx.json(Map.of("count", CHANGES.incrementAndGet()));
            });
            routes.delete("/v1/things", ctx -> {
                AUTH.require(ctx);
                ctx.json(Map.of("count", CHANGES.decrementAndGet()));
            });
        };
        server = HttpServer.start("127.0.0.1", 0, List.of(things, AUTH.routes()), Map.of(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theViewerReadsButChangesNothing() throws Exception {
        int before = CHANGES.get();
        assertThat(send("GET", "view-token").statusCode()).isEqualTo(200);

        for (String method : List.of("POST", "DELETE")) {
            HttpResponse<String> refused = send(method, "view-token");
            assertThat(refused.statusCode()).isEqualTo(403);
            JsonNode problem = Json.mapper().readTree(refused.body());
            assertThat(problem.path("code").asText()).isEqualTo("forbidden");
            assertThat(problem.path("detail").asText()).contains("read-only");
        }
        assertThat(CHANGES.get()).isEqualTo(before);
    }

    @Test
    void theOperatorChanges() throws Exception {
        int before = CHANGES.get();
        assertThat(send("POST", "op-token").statusCode()).isEqualTo(200);
        assertThat(CHANGES.get()).isEqualTo(before + 1);
    }

    @Test
    void anyOtherTokenIsUnauthenticated() throws Exception {
        HttpResponse<String> answer = send("GET", "view-tokenX");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(Json.mapper().readTree(answer.body()).path("code").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void whoamiNamesTheRole() throws Exception {
        assertThat(role("op-token")).isEqualTo("operator");
        assertThat(role("view-token")).isEqualTo("viewer");
    }

    @Test
    void withoutAViewerTokenOnlyTheOperatorIsKnown() {
        OperatorAuth operatorOnly = new OperatorAuth("op-token");
        assertThat(operatorOnly.roleOf("op-token")).contains(OperatorAuth.Role.OPERATOR);
        assertThat(operatorOnly.roleOf("view-token")).isEmpty();
        assertThat(operatorOnly.roleOf("")).isEmpty();
    }

    @Test
    void theViewerTokenCannotBeTheOperatorToken() {
        assertThatThrownBy(() -> new OperatorAuth("same", Optional.of("same"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static String role(String token) throws Exception {
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/whoami"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return Json.mapper().readTree(answer.body()).path("role").asText();
    }

    private static HttpResponse<String> send(String method, String token) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/things"))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
