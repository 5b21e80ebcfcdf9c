package io.microcent.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microcent.model.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Microcent's public HTTP API as the signed-in user: every call carries that user's token, so a service
 * decides what the user may do (the viewer token reads only) and the console never holds more power than its
 * user. Answers are JSON trees; a refusal is an {@link ApiProblem}.
 */
public final class Api {

    /** Header the caps service records as who made a change. */
    static final String ACTOR_HEADER = "X-Microcent-Actor";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = Json.mapper();

    private final HttpClient http;
    private final Map<ServiceName, URI> services;
    private final String token;

    public Api(HttpClient http, Map<ServiceName, URI> services, String token) {
        this.http = http;
        this.services = Map.copyOf(services);
        this.token = token;
    }

    public JsonNode get(ServiceName service, String path, Query query) {
        return json(send(request(service, path, query).GET()));
    }

    public JsonNode post(ServiceName service, String path, Query query, Object body) {
        return json(send(request(service, path, query).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))));
    }

    public JsonNode put(ServiceName service, String path, Object body) {
        return json(send(request(service, path, Query.none()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))));
    }

    public JsonNode patch(ServiceName service, String path, Object body) {
        return json(send(request(service, path, Query.none()).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes(body)))));
    }

    public JsonNode delete(ServiceName service, String path) {
        return json(send(request(service, path, Query.none()).DELETE()));
    }

    /** The raw answer of a GET, for what is not JSON (an invoice's PDF). */
    public Binary download(ServiceName service, String path) {
        HttpResponse<byte[]> response = send(request(service, path, Query.none()).GET());
        return new Binary(response.headers().firstValue("Content-Type").orElse("application/octet-stream"),
                response.headers().firstValue("Content-Disposition").orElse(null), response.body());
    }

    /** Bytes with their media type. */
    public record Binary(String contentType, String disposition, byte[] body) {
    }

    private HttpRequest.Builder request(ServiceName service, String path, Query query) {
        URI base = services.get(service);
        return HttpRequest.newBuilder(URI.create(base + path + query.encoded()))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header(ACTOR_HEADER, "console");
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ApiProblem(503, "service_unreachable", "A service did not answer",
                    built.method() + " " + built.uri().getPath() + " could not reach " + built.uri().getAuthority(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, "service_unreachable", "Interrupted", "the call was interrupted", List.of());
        }
        if (response.statusCode() >= 400) {
            throw problem(response);
        }
        return response;
    }

    private static ApiProblem problem(HttpResponse<byte[]> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            List<ApiProblem.FieldError> errors = new ArrayList<>();
            for (JsonNode error : body.path("errors")) {
                String field = error.path("field").asText("");
                if (error.has("index")) {
                    field = "[" + error.path("index").asText() + "]." + field;
                }
                errors.add(new ApiProblem.FieldError(field, error.path("code").asText(""), error.path("detail").asText("")));
            }
            return new ApiProblem(response.statusCode(), body.path("code").asText("error"), body.path("title").asText("Error"),
                    body.path("detail").asText(""), errors);
        } catch (IOException e) {
            return new ApiProblem(response.statusCode(), "error", "Error", "the service answered " + response.statusCode(), List.of());
        }
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        if (response.body().length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ApiProblem(502, "unreadable_answer", "A service answered something unreadable",
                    response.request().uri().getPath() + " did not answer JSON", List.of());
        }
    }

    /** A body as JSON; a {@code byte[]} is sent as it is (JSON already, e.g. an uploaded catalog whose numbers must keep their text). */
    private static byte[] bytes(Object body) {
        if (body instanceof byte[] raw) {
            return raw;
        }
        try {
            return body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the request body", e);
        }
    }

    /**
     * Query parameters in order; a parameter may repeat (filters such as {@code tag=}). Blank values are left
     * out. The one query builder of the console: for calls to the APIs and for links between its own pages.
     */
    public static final class Query {
        private final List<String[]> pairs = new ArrayList<>();

        public static Query none() {
            return new Query();
        }

        public static Query of(String... namesAndValues) {
            Query query = new Query();
            for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
                query.add(namesAndValues[i], namesAndValues[i + 1]);
            }
            return query;
        }

        public Query add(String name, String value) {
            if (value != null && !value.isBlank()) {
                pairs.add(new String[]{name, value});
            }
            return this;
        }

        public Query addAll(String name, List<String> values) {
            values.forEach(value -> add(name, value));
            return this;
        }

        /** {@code path?a=1&b=2}, or {@code path} alone without parameters: a link to a console page. */
        public String on(String path) {
            return path + encoded();
        }

        String encoded() {
            if (pairs.isEmpty()) {
                return "";
            }
            StringJoiner joined = new StringJoiner("&", "?", "");
            for (String[] pair : pairs) {
                joined.add(encode(pair[0]) + "=" + encode(pair[1]));
            }
            return joined.toString();
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** {@code text} as one path segment: an id in a URL path is escaped, so no id can reach another route. */
    public static String segment(String text) {
        return Query.encode(text);
    }
}
