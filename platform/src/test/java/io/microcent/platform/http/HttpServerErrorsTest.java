package io.microcent.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.microcent.model.json.Json;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a request can be refused is answered as problem+json with a stable code, including what Jetty
 * refuses before any route runs; and no detail names a library class or setting.
 */
class HttpServerErrorsTest {

    record Thing(int count, String name) {
    }

    private static HttpServer server;

    @BeforeAll
    static void start() {
        HttpRoutes things = routes -> {
            routes.post("/v1/things", ctx -> ctx.json(JsonBodies.read(ctx, Thing.class)));
            routes.put("/v1/things", ctx -> ctx.json(JsonBodies.read(ctx, Thing.class)));
            routes.post("/v1/trees", ctx -> ctx.json(JsonBodies.read(ctx, JsonNode.class)));
            // what Javalin itself throws when it refuses a request
            routes.get("/v1/javalin-refuses", ctx -> {
                throw new io.javalin.http.BadRequestResponse("Javalin's own words");
            });
        };
        server = HttpServer.start("127.0.0.1", 0, List.of(things), Map.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aControlCharacterInAHeaderIsABadRequestProblem() throws IOException {
        Answer answer = send("GET /health/live HTTP/1.1\r\nHost: a\r\nX-A: a\u0000b\r\nConnection: close\r\n\r\n");
        answer.assertProblem(400, "bad_request");
    }

    @Test
    void aNulInThePathIsABadRequestProblem() throws IOException {
        send("GET /health/%00live HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").assertProblem(400, "bad_request");
    }

    @Test
    void aGarbledRequestLineIsABadRequestProblem() throws IOException {
        send("GARBAGE\r\n\r\n").assertProblem(400, "bad_request");
    }

    @Test
    void aTooLongUriIsAProblem() throws IOException {
        send("GET /" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").assertProblem(414, "uri_too_long");
    }

    @Test
    void tooLargeHeadersAreAProblem() throws IOException {
        send("GET /health/live HTTP/1.1\r\nHost: a\r\nX-B: " + "x".repeat(20_000) + "\r\nConnection: close\r\n\r\n")
                .assertProblem(431, "headers_too_large");
    }

    @Test
    void aWrongMethodOnAnExistingPathIs405WithAllow() throws IOException {
        Answer answer = send("DELETE /v1/things HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        answer.assertProblem(405, "method_not_allowed");
        assertThat(answer.header("Allow")).isEqualTo("POST, PUT");
        assertThat(send("GET /nowhere HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").status).isEqualTo(404);
        // Javalin answers HEAD wherever it answers GET, so Allow says so
        assertThat(send("HEAD /health/live HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").status).isEqualTo(200);
        Answer onHealth = send("POST /health/live HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        onHealth.assertProblem(405, "method_not_allowed");
        assertThat(onHealth.header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void javalinsOwnRefusalsAreProblemsInOurWords() throws IOException {
        Answer answer = send("GET /v1/javalin-refuses HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        answer.assertProblem(400, "bad_request");
        assertThat(answer.body).doesNotContain("Javalin");
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
        // nothing of the body is sent: the answer must come from the Content-Length alone
        Answer answer = send("POST /v1/things HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: "
                + (HttpServer.MAX_REQUEST_BYTES + 1) + "\r\nConnection: close\r\n\r\n");
        answer.assertProblem(413, "payload_too_large");
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOff() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/things HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try {
                for (long sent = 0; sent <= HttpServer.MAX_REQUEST_BYTES; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedByServer) {
                // the server may stop reading once it has answered
            }
            parse(socket.getInputStream()).assertProblem(413, "payload_too_large");
        }
    }

    @Test
    void aBodyThatStopsArrivingIsARequestTimeoutProblem() throws IOException {
        ServerConnector connector = (ServerConnector) server.javalin().jettyServer().server().getConnectors()[0];
        long idle = connector.getIdleTimeout();
        connector.setIdleTimeout(500);
        try {
            Answer answer = send("POST /v1/things HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\nConnection: close\r\n\r\n{\"count\":");
            answer.assertProblem(408, "request_timeout");
        } finally {
            connector.setIdleTimeout(idle);
        }
    }

    @Test
    void aRepeatedKeyIsRefused() throws IOException {
        Answer answer = post("{\"count\":1,\"count\":2}");
        answer.assertProblem(400, "malformed_json");
        assertThat(answer.json.path("errors").get(0).path("field").asText()).isEqualTo("count");
        assertThat(answer.json.path("errors").get(0).path("code").asText()).isEqualTo("duplicate_key");
    }

    @Test
    void aStringWhereANumberBelongsIsRefused() throws IOException {
        Answer answer = post("{\"count\":\"1\"}");
        answer.assertProblem(422, "validation_failed");
        assertThat(answer.json.path("errors").get(0).path("field").asText()).isEqualTo("count");
        assertThat(answer.json.path("detail").asText()).isEqualTo("count must be a whole number");
        post("{\"count\":1.5}").assertProblem(422, "validation_failed");
        post("{\"count\":true}").assertProblem(422, "validation_failed");
    }

    @Test
    void jacksonsWordingNeverReachesTheClient() throws IOException {
        Answer array = post("[]");
        array.assertProblem(400, "malformed_json");
        assertThat(array.json.path("detail").asText()).isEqualTo("the body must be a JSON object");
        Answer deep = post("/v1/trees", "{\"name\":" + "[".repeat(2000) + "]".repeat(2000) + "}");
        deep.assertProblem(400, "malformed_json");
        assertThat(deep.json.path("detail").asText()).contains("deeper than");
        Answer syntax = post("{\"count\": x}");
        syntax.assertProblem(400, "malformed_json");
        assertThat(syntax.json.path("detail").asText()).contains("line 1, column");
        post("{\"count\": 1").assertProblem(400, "malformed_json");
        post("{\"count\": 99999999999}").assertProblem(422, "validation_failed");
    }

    private static Answer post(String json) throws IOException {
        return post("/v1/things", json);
    }

    private static Answer post(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send("POST " + path + " HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n" + json);
    }

    private static Answer send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return parse(socket.getInputStream());
        }
    }

    private static Answer parse(InputStream in) throws IOException {
        String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        return new Answer(status, List.of(lines).subList(1, lines.length), body,
                body.isBlank() ? Json.mapper().nullNode() : Json.mapper().readTree(body));
    }

    private record Answer(int status, List<String> headers, String body, JsonNode json) {

        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim()).findFirst().orElse(null);
        }

        void assertProblem(int expectedStatus, String code) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(header("Content-Type")).startsWith("application/problem+json");
            assertThat(json.path("code").asText()).as(body).isEqualTo(code);
            assertThat(json.path("status").asInt()).isEqualTo(expectedStatus);
            // no library class, package or setting in what the client reads
            assertThat(body).doesNotContainIgnoringCase("jackson").doesNotContain("com.").doesNotContain("io.microcent")
                    .doesNotContain("StreamReadConstraints").doesNotContain("JsonNode").doesNotContain("Exception")
                    .doesNotContain("`").doesNotContain("<html");
        }
    }
}
