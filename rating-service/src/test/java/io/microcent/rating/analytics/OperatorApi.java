package io.microcent.rating.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.json.Json;
import io.microcent.platform.test.TestContexts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Calls a running API as an operator would, with or without the operator token. */
final class OperatorApi {

    /** An answer: status, content type and the body as JSON. */
    record Response(int status, String contentType, JsonNode body) {

        /** The {@code field} of each field error of a problem, in order. */
        List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            body.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            return fields;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    private OperatorApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static OperatorApi on(int port) {
        return new OperatorApi("http://127.0.0.1:" + port, TestContexts.OPERATOR_TOKEN);
    }

    OperatorApi withoutToken() {
        return new OperatorApi(baseUrl, null);
    }

    Response get(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? Json.mapper().createObjectNode() : Json.mapper().readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
