package io.microcent.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.ingest.keys.ApiKeyAuthenticator;
import io.microcent.model.json.Json;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.TestContexts;
import io.microcent.platform.test.TestCustomers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One ingest service on the shared test Kafka and PostgreSQL, served over real HTTP on a free port,
 * with a client for its API.
 */
public final class IngestTestApp implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final ServiceContext context;
    private final IngestService service;
    private final HttpServer http;

    private IngestTestApp(ServiceContext context, IngestService service, HttpServer http) {
        this.context = context;
        this.service = service;
        this.http = http;
    }

    public static IngestTestApp start() {
        return start(Map.of());
    }

    /** Started through {@link IngestModule}, so that {@code env} configures it as in production. */
    public static IngestTestApp start(Map<String, String> env) {
        ServiceContext context = TestContexts.forService(IngestModule.NAME, env, Clock.systemUTC());
        IngestModule module = new IngestModule();
        module.configure(context.env());
        context.env().validate();
        IngestService service = (IngestService) module.start(context);
        HttpServer http = HttpServer.start("127.0.0.1", 0, List.of(service.routes()), Map.of(), context.meters());
        return new IngestTestApp(context, service, http);
    }

    public ServiceContext context() {
        return context;
    }

    /** The running service's check of API key secrets. */
    public ApiKeyAuthenticator apiKeys() {
        return service.apiKeys();
    }

    public HttpResponse<String> send(String method, String path, String bearer, String body) {
        return send(method, path, bearer, "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** A request with this Content-Type ({@code null}: none at all). */
    public HttpResponse<String> send(String method, String path, String bearer, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> asOperator(String method, String path, String body) {
        return send(method, path, TestContexts.OPERATOR_TOKEN, body);
    }

    /** Creates a key through the API and returns the answer (with the secret). */
    public JsonNode createKey(String name, String customer) {
        String body = customer == null
                ? "{\"name\":\"" + name + "\"}"
                : "{\"name\":\"" + name + "\",\"customer\":\"" + customer + "\"}";
        HttpResponse<String> response = asOperator("POST", "/v1/api-keys", body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("could not create a key: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    public HttpResponse<String> postEvents(String secret, String body) {
        return send("POST", "/v1/events", secret, body);
    }

    public HttpResponse<String> postEvents(String secret, String contentType, byte[] body) {
        return send("POST", "/v1/events", secret, contentType, body);
    }

    public UsageLog usageLog() {
        return new UsageLog(context.kafkaBootstrap());
    }

    /**
     * A customer that exists: its plan published to {@code customer.plans}, as invoicing does before its
     * customer API answers. Events and keys of customers never published are refused.
     */
    public String newCustomer() {
        return createCustomer("acme-" + UUID.randomUUID());
    }

    /** Publishes {@code customer}'s plan to {@code customer.plans} and waits for the acknowledgement. */
    public String createCustomer(String customer) {
        return TestCustomers.create(context.kafkaBootstrap(), customer);
    }

    /** Whether the service says it is ready (it has read every customer). */
    public boolean isReady() {
        return service.isReady();
    }

    /** An event with only the required fields. */
    public static String eventJson(String id, String customer, Instant timestamp) {
        return "{\"id\":\"" + id + "\",\"customer\":\"" + customer + "\",\"timestamp\":\"" + timestamp + "\"}";
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        http.close();
        service.close();
    }
}
