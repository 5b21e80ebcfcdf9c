package io.microcent.invoicing;

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

/** Calls a running service's HTTP API as an operator would, with or without the operator token. */
final class ApiClient {

    /** An answer: status, content type and the body as JSON (an empty object when there is none). */
    record Response(int status, String contentType, String location, JsonNode body) {

        /** The {@code field} of the first field error of a problem. */
        String firstErrorField() {
            return body.path("errors").path(0).path("field").asText();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    private ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static ApiClient operator(int port) {
        return new ApiClient("http://127.0.0.1:" + port, TestContexts.OPERATOR_TOKEN);
    }

    ApiClient withoutToken() {
        return new ApiClient(baseUrl, null);
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, String json) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    Response put(String path, String json) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    /** Registers a customer and returns the answer. */
    Response createCustomer(String id, String name, String plan) {
        return post("/v1/customers", "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"plan\":\"" + plan + "\"}");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? Json.mapper().createObjectNode() : Json.mapper().readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
