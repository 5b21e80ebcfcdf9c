package io.microcent.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.json.Json;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.http.OpenApiDocument;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.ServiceModule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that a running server's {@code /openapi.json} describes exactly the routes it answers: every
 * registered route is documented and every documented operation is registered, every {@code $ref}
 * resolves, and every operation says what it answers, errors included.
 */
public final class OpenApiConformance {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private OpenApiConformance() {
    }

    /** Starts {@code module} on the shared test infrastructure with its own server and checks that server. */
    public static void assertServiceConforms(ServiceModule module) {
        assertServiceConforms(module, Set.of());
    }

    /**
     * As {@link #assertServiceConforms(ServiceModule)}, except that the operations in {@code notYetRouted}
     * may be documented before their routes exist (routes being added on another branch at the same time).
     */
    public static void assertServiceConforms(ServiceModule module, Set<String> notYetRouted) {
        ServiceContext context = TestContexts.forService(module.name());
        module.configure(context.env());
        context.env().validate();
        try (Service service = module.start(context);
             HttpServer http = HttpServer.start("127.0.0.1", 0, List.of(service.routes()), Map.of(), context.meters())) {
            assertConforms(http, notYetRouted);
        }
    }

    /** The routes {@code server} answers and the operations its document describes are the same. */
    public static void assertConforms(HttpServer server) {
        assertConforms(server, Set.of());
    }

    /** As {@link #assertConforms(HttpServer)}, tolerating documented operations in {@code notYetRouted} without a route. */
    public static void assertConforms(HttpServer server, Set<String> notYetRouted) {
        JsonNode document = fetch(server.port());
        assertThat(document.path("openapi").asText()).startsWith("3.1");
        List<String> registered = server.registeredRoutes().stream().map(OpenApiConformance::openApiPath).sorted().toList();
        List<String> documented = operations(document);
        List<String> routedOrPending = java.util.stream.Stream.concat(registered.stream(), notYetRouted.stream()).toList();
        assertThat(documented).as("operations in /openapi.json that no route answers").isSubsetOf(routedOrPending);
        assertThat(registered).as("routes missing from /openapi.json").isSubsetOf(documented);
        assertEveryOperationAnswersAndFails(document);
        assertReferencesResolve(document, document, "#");
    }

    /** Javalin writes a slash-accepting parameter as {@code <model>}; OpenAPI has only {@code {model}}. */
    private static String openApiPath(String route) {
        return route.replace('<', '{').replace('>', '}');
    }

    private static List<String> operations(JsonNode document) {
        List<String> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations.stream().sorted().toList();
    }

    private static void assertEveryOperationAnswersAndFails(JsonNode document) {
        Set<String> operationIds = new HashSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!METHODS.contains(operation.getKey())) {
                return;
            }
            String name = operation.getKey() + " " + path.getKey();
            JsonNode responses = operation.getValue().path("responses");
            assertThat(responses.isObject() && !responses.isEmpty()).as(name + " lists its responses").isTrue();
            boolean success = false;
            for (var response : responses.properties()) {
                success |= response.getKey().startsWith("2");
            }
            assertThat(success).as(name + " documents its success answer").isTrue();
            if (!path.getKey().startsWith("/health") && !path.getKey().equals("/metrics") && !path.getKey().equals(OpenApiDocument.PATH)) {
                assertThat(responses.has("default")).as(name + " documents its other errors (default)").isTrue();
            }
            String id = operation.getValue().path("operationId").asText();
            assertThat(id).as(name + " has an operationId").isNotBlank();
            assertThat(operationIds.add(id)).as("operationId " + id + " is unique").isTrue();
        }));
    }

    private static void assertReferencesResolve(JsonNode root, JsonNode node, String where) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                assertThat(ref.asText()).as(where).startsWith("#/");
                assertThat(root.at(ref.asText().substring(1)).isMissingNode()).as(where + " $ref " + ref.asText() + " resolves").isFalse();
            }
            node.properties().forEach(e -> assertReferencesResolve(root, e.getValue(), where + "/" + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertReferencesResolve(root, node.get(i), where + "/" + i);
            }
        }
    }

    private static JsonNode fetch(int port) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + OpenApiDocument.PATH)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + OpenApiDocument.PATH, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
