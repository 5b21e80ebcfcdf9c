package io.microcent.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one HTTP client of every module's tests: calls a running server's API with a bearer token (or none)
 * and extra headers, and answers status, headers and the body as JSON. A module's own client (caps'
 * {@code ApiClient}, rating's {@code OperatorApi}) is a thin subclass that only adds what its tests say
 * often, such as "register this customer".
 *
 * @param <C> the concrete client, so that {@code withToken} and friends keep it
 */
public abstract class TestHttpClient<C extends TestHttpClient<C>> {

    /**
     * An answer. The body is JSON; an empty body is an empty object.
     *
     * @param location the {@code Location} header, or {@code null}
     */
    public record Response(int status, String contentType, String location, HttpHeaders headers, JsonNode body) {

        /** The body; the name deploy's tests read it by. */
        public JsonNode json() {
            return body;
        }

        /** The {@code field} of every field error of a problem, in order. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            body.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            return fields;
        }

        /** The {@code field} of the first field error of a problem. */
        public String firstErrorField() {
            return body.path("errors").path(0).path("field").asText();
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** One for every client of the test JVM: a copy with another token must not cost another connection pool. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final Map<String, String> headers;

    protected TestHttpClient(String baseUrl, String token, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.headers = Map.copyOf(headers);
    }

    /** A client of the server on {@code port} of this host, with the operator token. */
    public static Plain asOperator(int port) {
        return new Plain(local(port), TestContexts.OPERATOR_TOKEN, Map.of());
    }

    /** A client of the server on {@code port} of this host, without credentials. */
    public static Plain anonymous(int port) {
        return new Plain(local(port), null, Map.of());
    }

    protected static String local(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** The same client with other settings: each subclass makes one of its own kind. */
    protected abstract C copy(String baseUrl, String token, Map<String, String> headers);

    public C withToken(String otherToken) {
        return copy(baseUrl, otherToken, headers);
    }

    public C withoutToken() {
        return copy(baseUrl, null, headers);
    }

    public C withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return copy(baseUrl, token, more);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    public Response put(String path, String json) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    public Response patch(String path, String json) {
        return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** A request to {@code path} with this client's token and headers, to finish and {@link #send} as a test needs. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
        headers.forEach(request::header);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? Json.mapper().createObjectNode() : Json.mapper().readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.headers(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client with nothing of its own. */
    public static final class Plain extends TestHttpClient<Plain> {

        private Plain(String baseUrl, String token, Map<String, String> headers) {
            super(baseUrl, token, headers);
        }

        @Override
        protected Plain copy(String baseUrl, String token, Map<String, String> headers) {
            return new Plain(baseUrl, token, headers);
        }
    }
}
