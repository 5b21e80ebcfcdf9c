package io.microcent.caps.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.microcent.model.id.CustomerId;
import io.microcent.model.json.Json;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.service.StandaloneRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances on real HTTP servers: one owns the customer, the other forwards to it. */
class OwnerRoutingTest {

    private static final CustomerId ACME = CustomerId.of("acme");

    private HttpServer owner;
    private HttpServer other;
    private final AtomicReference<CustomerOwnership> otherSees = new AtomicReference<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        owner = server(new OwnerRouting(CustomerOwnership.SINGLE_INSTANCE, "owner"), "owner");
        URI ownerUrl = URI.create("http://127.0.0.1:" + owner.port());
        otherSees.set(customer -> Optional.of(ownerUrl));
        other = server(new OwnerRouting(customer -> otherSees.get().remoteOwnerOf(customer), "other"), "other");
    }

    @AfterEach
    void stop() {
        other.close();
        owner.close();
    }

    @Test
    void aRequestForACustomerOwnedElsewhereIsForwardedAsItCameAndTheOwnersAnswerRelayed() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(other, "/echo/acme?period=2026-11")))
                .header("Authorization", "Bearer secret").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tokens\":12}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode echo = Json.mapper().readTree(response.body());
        assertThat(echo.get("servedBy").asText()).isEqualTo("owner");
        assertThat(echo.get("method").asText()).isEqualTo("POST");
        assertThat(echo.get("query").asText()).isEqualTo("period=2026-11");
        assertThat(echo.get("body").asText()).isEqualTo("{\"tokens\":12}");
        assertThat(echo.get("authorization").asText()).isEqualTo("Bearer secret");
        assertThat(echo.get("forwardedBy").asText()).isEqualTo("other");
        assertThat(response.headers().firstValue("Retry-After")).as("an owner's Retry-After reaches the caller").hasValue("7");
    }

    @Test
    void aForwardedRequestIsNeverForwardedAgain() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(other, "/echo/acme")))
                .header(OwnerRouting.FORWARDED_HEADER, "someone").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(Json.mapper().readTree(response.body()).get("code").asText()).isEqualTo("service_unavailable");
    }

    @Test
    void whileNoInstanceOwnsTheCustomerTheAnswerIs503() throws Exception {
        otherSees.set(customer -> {
            throw new CustomerOwnership.OwnerUnknown(customer);
        });

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(other, "/echo/acme"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
    }

    @Test
    void anOwnerThatDoesNotAnswerIs503() throws Exception {
        owner.close();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(other, "/echo/acme"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
    }

    /** A server whose {@code /echo/{customer}} answers, where the customer is local, what it received. */
    private static HttpServer server(OwnerRouting routing, String name) {
        HttpRoutes echo = routes -> {
            routes.get("/echo/{customer}", ctx -> routing.serve(ctx, CustomerId.of(ctx.pathParam("customer")), () -> echo(ctx, name)));
            routes.post("/echo/{customer}", ctx -> routing.serve(ctx, CustomerId.of(ctx.pathParam("customer")), () -> echo(ctx, name)));
        };
        return HttpServer.start("127.0.0.1", 0, List.of(echo), Map.of(), StandaloneRunner.newMeterRegistry());
    }

    private static void echo(Context ctx, String name) {
        ctx.header("Retry-After", "7");
        ctx.status(202).json(Map.of("servedBy", name, "method", ctx.method().name(),
                "query", String.valueOf(ctx.queryString()), "body", ctx.body(),
                "authorization", String.valueOf(ctx.header("Authorization")),
                "forwardedBy", String.valueOf(ctx.header(OwnerRouting.FORWARDED_HEADER))));
    }

    private static String url(HttpServer server, String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }
}
