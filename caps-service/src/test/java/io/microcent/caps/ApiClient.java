package io.microcent.caps;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Calls a running caps service's HTTP API with a bearer token (the operator's unless said otherwise). */
final class ApiClient {

    /** An answer: status, content type, location and the body as JSON (an empty object when there is none). */
    record Response(int status, String contentType, String location, JsonNode body) {

        /** The {@code field} of every field error of a problem. */
        List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            body.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            return fields;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final Map<String, String> headers;

    private ApiClient(String baseUrl, String token, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.headers = Map.copyOf(headers);
    }

    static ApiClient operator(int port) {
        return new ApiClient("http://127.0.0.1:" + port, TestContexts.OPERATOR_TOKEN, Map.of());
    }

    ApiClient withToken(String otherToken) {
        return new ApiClient(baseUrl, otherToken, headers);
    }

    ApiClient withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new ApiClient(baseUrl, token, more);
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, String json) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    Response patch(String path, String json) {
        return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
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
