package io.microcent.platform.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.Problem;
import io.microcent.model.id.InvalidIdException;
import io.microcent.model.json.Json;
import io.microcent.platform.kafka.DeadLetterCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The HTTP server every service runs on: its routes plus {@code /health/live}, {@code /health/ready},
 * Prometheus {@code /metrics}, and one error mapping so that no request ever gets a stack trace.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    /** Large enough for a batch of 10,000 events or 10 MiB, with room for verbose JSON. */
    public static final long MAX_REQUEST_BYTES = 32L * 1024 * 1024;

    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts on {@code port} (0 picks a free one).
     *
     * @param readiness each named check must say yes for {@code /health/ready} to answer 200
     */
    public static HttpServer start(String host, int port, List<HttpRoutes> routes,
                                   Map<String, BooleanSupplier> readiness, PrometheusMeterRegistry meters) {
        Javalin app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.defaultContentType = "application/json";
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
            config.routes.get("/health/ready", ctx -> ready(ctx, readiness, meters));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape()));
            routes.forEach(r -> r.register(config.routes));
            config.routes.exception(ApiException.class, (e, ctx) -> problem(ctx, e.toProblem()));
            config.routes.exception(InvalidIdException.class, (e, ctx) ->
                    problem(ctx, ApiException.invalid(e.kind(), "invalid_id", e.getMessage()).toProblem()));
            config.routes.exception(IOException.class, (e, ctx) -> problem(ctx, JsonBodies.fromJackson(e).toProblem()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("unexpected error serving {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, Problem.of(ErrorCode.INTERNAL_ERROR, "unexpected error; it has been logged", List.of()));
            });
            config.routes.error(HttpStatus.NOT_FOUND.getCode(), "*", ctx -> {
                // a handler's own 404 problem (e.g. customer_not_found) is kept; Jetty appends ";charset=utf-8"
                String contentType = ctx.res().getContentType();
                if (contentType == null || !contentType.startsWith(Problem.MEDIA_TYPE)) {
                    problem(ctx, Problem.of(ErrorCode.NOT_FOUND, "no route for " + ctx.method() + " " + ctx.path(), List.of()));
                }
            });
            config.routes.error(HttpStatus.METHOD_NOT_ALLOWED.getCode(), "*", ctx ->
                    problem(ctx, Problem.of(ErrorCode.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path(), List.of())));
            config.routes.error(HttpStatus.CONTENT_TOO_LARGE.getCode(), "*", ctx ->
                    problem(ctx, Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, "the body exceeds " + MAX_REQUEST_BYTES + " bytes", List.of())));
        }).start();
        log.info("HTTP API listening on http://{}:{}", host, app.port());
        return new HttpServer(app);
    }

    /**
     * 200 UP, or 503 DOWN when a check fails. When a consumer has set records aside on dead-letters since
     * start the status is {@code DEGRADED}: still 200 (everything else is processed), each such consumer
     * named with its count under {@code deadLetters}, so an operator looks at {@code GET /v1/dead-letters}.
     */
    private static void ready(Context ctx, Map<String, BooleanSupplier> readiness, PrometheusMeterRegistry meters) {
        Map<String, String> checks = new LinkedHashMap<>();
        boolean allReady = true;
        for (var check : readiness.entrySet()) {
            boolean ok = check.getValue().getAsBoolean();
            checks.put(check.getKey(), ok ? "UP" : "DOWN");
            allReady &= ok;
        }
        Map<String, Long> deadLetters = DeadLetterCounter.perConsumer(meters);
        String status = !allReady ? "DOWN" : deadLetters.isEmpty() ? "UP" : "DEGRADED";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("checks", checks);
        if (!deadLetters.isEmpty()) {
            body.put("deadLetters", deadLetters);
        }
        ctx.status(allReady ? 200 : 503).json(body);
    }

    public static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).json(problem);
        ctx.contentType(Problem.MEDIA_TYPE);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
