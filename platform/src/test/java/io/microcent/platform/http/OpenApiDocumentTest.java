package io.microcent.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.microcent.model.error.ErrorCode;
import io.microcent.platform.test.OpenApiConformance;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenApiDocumentTest {

    private static final HttpRoutes THING = routes -> routes.get("/v1/things/{id}", ctx -> ctx.json(Map.of()));

    @Test
    void aServerDocumentsItsOwnRoutesAndTheRoutesItHosts() {
        try (HttpServer bare = start(List.of())) {
            OpenApiConformance.assertConforms(bare);
        }
        try (HttpServer hosting = start(List.of(HttpRoutes.documented("openapi/test-things.json", THING)))) {
            OpenApiConformance.assertConforms(hosting);
            assertThat(OpenApiDocument.merge(List.of(HttpRoutes.documented("openapi/test-things.json", THING))).operations())
                    .contains("GET /v1/things/{id}", "GET /openapi.json", "GET /health/ready");
        }
    }

    @Test
    void anUndocumentedRouteFailsTheCheck() {
        try (HttpServer undocumented = start(List.of(THING))) {
            assertThatThrownBy(() -> OpenApiConformance.assertConforms(undocumented))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("GET /v1/things/{id}");
        }
    }

    @Test
    void aDocumentedOperationWithoutARouteFailsTheCheck() {
        HttpRoutes nothing = routes -> {
        };
        try (HttpServer phantom = start(List.of(HttpRoutes.documented("openapi/test-things.json", nothing)))) {
            assertThatThrownBy(() -> OpenApiConformance.assertConforms(phantom))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("GET /v1/things/{id}");
        }
    }

    @Test
    void theProblemCodesAreExactlyTheErrorCodes() {
        JsonNode codes = OpenApiDocument.merge(List.of()).json().at("/components/schemas/Problem/properties/code/enum");
        List<String> documented = java.util.stream.StreamSupport.stream(codes.spliterator(), false).map(JsonNode::asText).toList();
        assertThat(documented).containsExactlyElementsOf(Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
    }

    @Test
    void twoFragmentsDescribingOneOperationDifferentlyAreRefused() {
        assertThatThrownBy(() -> OpenApiDocument.of(List.of(OpenApiDocument.PLATFORM_FRAGMENT,
                "openapi/test-things.json", "openapi/test-things-other.json")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("get /v1/things/{id}");
    }

    @Test
    void anyoneMayReadTheDocument() throws Exception {
        try (HttpServer server = start(List.of());
             var client = java.net.http.HttpClient.newHttpClient()) {
            var response = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.port() + "/openapi.json")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).contains("\"openapi\" : \"3.1.0\"");
        }
    }

    private static HttpServer start(List<HttpRoutes> routes) {
        return HttpServer.start("127.0.0.1", 0, routes, Map.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }
}
