package io.microcent.platform.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.Problem;
import io.microcent.model.id.InvalidIdException;
import io.microcent.model.json.Json;
import io.microcent.platform.kafka.DeadLetterCounter;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The HTTP server every service runs on: its routes plus {@code /health/live}, {@code /health/ready},
 * Prometheus {@code /metrics}, the OpenAPI document of the hosted services at {@code /openapi.json}, and
 * one error mapping so that every error, whether a route's, Javalin's or Jetty's, is problem+json and no
 * request ever gets a stack trace or an HTML page.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    /** Large enough for a batch of 10,000 events or 10 MiB, with room for verbose JSON. */
    public static final long MAX_REQUEST_BYTES = 32L * 1024 * 1024;
    /** The methods a route may answer, in the order an {@code Allow} header lists them. */
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST,
            HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS);

    private final Javalin app;
    private final List<String> pagePrefixes;

    private HttpServer(Javalin app, List<String> pagePrefixes) {
        this.app = app;
        this.pagePrefixes = pagePrefixes;
    }

    /**
     * Starts on {@code port} (0 picks a free one).
     *
     * @param routes    the hosted services' routes; their OpenAPI fragments make up {@code /openapi.json}
     * @param readiness each named check must say yes for {@code /health/ready} to answer 200
     */
    public static HttpServer start(String host, int port, List<HttpRoutes> routes,
                                   Map<String, BooleanSupplier> readiness, PrometheusMeterRegistry meters) {
        byte[] openApi = OpenApiDocument.merge(routes).toBytes();
        AtomicReference<Javalin> started = new AtomicReference<>();
        Javalin app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            // a Content-Length over the limit is refused before the body is read, and a chunked body is cut
            // off once it passes the limit; what Jetty refuses itself is answered as a problem too
            config.jetty.modifyServer(server -> {
                // Javalin attaches its handler inside the innermost wrapper
                server.setHandler(new FirstRequestFirst(new SizeLimitHandler(MAX_REQUEST_BYTES, -1)));
                server.setErrorHandler(new ProblemErrorHandler());
            });
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new ProblemErrorHandler()));
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.prefer405over404 = true;
            config.http.defaultContentType = "application/json";
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
            config.routes.get("/health/ready", ctx -> ready(ctx, readiness, meters));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape()));
            config.routes.get(OpenApiDocument.PATH, ctx -> ctx.contentType("application/json").result(openApi));
            routes.forEach(r -> r.register(config.routes));
            config.routes.exception(ApiException.class, (e, ctx) -> problem(ctx, e.toProblem()));
            // Javalin's own refusals (its 405, 413, ...) as problems instead of Javalin's JSON or HTML
            config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, ProblemErrorHandler.problem(e.getStatus())));
            config.routes.exception(InvalidIdException.class, (e, ctx) ->
                    problem(ctx, ApiException.invalid(e.kind(), "invalid_id", e.getMessage()).toProblem()));
            config.routes.exception(IOException.class, (e, ctx) -> problem(ctx, bodyTooLarge(e)
                    ? Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge(), List.of())
                    : JsonBodies.fromJackson(e).toProblem()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (bodyTooLarge(e)) {
                    problem(ctx, Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge(), List.of()));
                    return;
                }
                log.error("unexpected error serving {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, Problem.of(ErrorCode.INTERNAL_ERROR, "unexpected error; it has been logged", List.of()));
            });
            config.routes.error(HttpStatus.NOT_FOUND.getCode(), "*", ctx -> {
                // a handler's own 404 problem (e.g. customer_not_found) or page (the console's) is kept;
                // Jetty appends ";charset=utf-8"
                if (!isProblem(ctx) && !isPage(ctx)) {
                    problem(ctx, Problem.of(ErrorCode.NOT_FOUND, "no route for " + ctx.method() + " " + ctx.path(), List.of()));
                }
            });
            config.routes.error(HttpStatus.METHOD_NOT_ALLOWED.getCode(), "*", ctx -> {
                String allowed = allowedMethods(started.get(), ctx.path());
                ctx.header("Allow", allowed);
                problem(ctx, Problem.of(ErrorCode.METHOD_NOT_ALLOWED,
                        ctx.method() + " is not allowed on " + ctx.path() + "; allowed: " + allowed, List.of()));
            });
            config.routes.error(HttpStatus.CONTENT_TOO_LARGE.getCode(), "*", ctx ->
                    problem(ctx, Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge(), List.of())));
            // Javalin answers a body that stopped arriving (Jetty's idle timeout) with an empty 408
            config.routes.error(HttpStatus.REQUEST_TIMEOUT.getCode(), "*", ctx -> {
                if (!isProblem(ctx)) {
                    problem(ctx, ProblemErrorHandler.problem(HttpStatus.REQUEST_TIMEOUT.getCode()));
                }
            });
        });
        started.set(app);
        app.start();
        log.info("HTTP API listening on http://{}:{}", host, app.port());
        return new HttpServer(app, routes.stream().flatMap(r -> r.pagePrefixes().stream()).toList());
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

    private static boolean isProblem(Context ctx) {
        String contentType = ctx.res().getContentType();
        return contentType != null && contentType.startsWith(Problem.MEDIA_TYPE);
    }

    private static boolean isPage(Context ctx) {
        String contentType = ctx.res().getContentType();
        return contentType != null && contentType.startsWith("text/html");
    }

    static String tooLarge() {
        return "the body exceeds " + MAX_REQUEST_BYTES + " bytes";
    }

    /** Whether reading the body failed because Jetty cut it off at {@link #MAX_REQUEST_BYTES}. */
    private static boolean bodyTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http && http.getCode() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
                return true;
            }
        }
        return false;
    }

    /** The methods some route answers on {@code path}, for the {@code Allow} header of a 405. */
    private static String allowedMethods(Javalin app, String path) {
        return METHODS.stream()
                .filter(method -> answers(app, method, path)
                        // Javalin answers HEAD wherever it answers GET
                        || method.equals(HandlerType.HEAD) && answers(app, HandlerType.GET, path))
                .map(HandlerType::name)
                .collect(Collectors.joining(", "));
    }

    private static boolean answers(Javalin app, HandlerType method, String path) {
        return !app.unsafe.internalRouter.findHttpHandlerEntries(method, path).isEmpty();
    }

    /**
     * Every API route this server answers, as {@code METHOD /path/{param}}: what the OpenAPI document must
     * describe (pages under a {@link HttpRoutes#pagePrefixes() page prefix} are not API).
     */
    public List<String> registeredRoutes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .filter(endpoint -> pagePrefixes.stream().noneMatch(prefix -> endpoint.path.startsWith(prefix)))
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .distinct()
                .sorted()
                .toList();
    }

    public int port() {
        return app.port();
    }

    /** For tests in this package that tune Jetty, e.g. a short idle timeout. */
    Javalin javalin() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }
}
