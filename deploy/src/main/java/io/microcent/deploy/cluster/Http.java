package io.microcent.deploy.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP calls to one instance with a bearer token. A call that got no answer (refused, reset, timed out) is an
 * {@link Answer} with status 0, so callers treat "no answer" and "503" alike: try another instance.
 */
final class Http {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** An answer; {@code status} 0 when none came. */
    record Answer(int status, Optional<String> retryAfter, JsonNode json, String failure) {

        boolean ok() {
            return status / 100 == 2;
        }

        /** No answer, or the instance said it cannot serve now: worth trying elsewhere. */
        boolean unavailable() {
            return status == 0 || status >= 500;
        }

        String code() {
            return json.path("code").asText("");
        }
    }

    private Http() {
    }

    static Answer get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    static Answer post(String url, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    /** A GET that must answer 200; anything else fails the harness with the answer. */
    static JsonNode ok(String url, String token) {
        Answer answer = get(url, token);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + answer.status() + " " + answer.json() + answer.failure());
        }
        return answer.json();
    }

    private static Answer send(HttpRequest.Builder request, String token) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(TIMEOUT).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() ? Json.mapper().createObjectNode() : parse(body);
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After"), json, "");
        } catch (IOException e) {
            return new Answer(0, Optional.empty(), Json.mapper().createObjectNode(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return Json.mapper().createObjectNode().put("body", body);
        }
    }
}
