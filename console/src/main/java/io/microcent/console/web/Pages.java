package io.microcent.console.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.microcent.console.api.Api;
import io.microcent.console.api.ApiProblem;
import io.microcent.console.session.Session;
import io.microcent.console.session.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one guard of every console route: no page without a session, no change without the session's CSRF
 * token and an operator's role, and every failure an HTML page (a service's refusal says what it said),
 * never a stack trace. Pages register through {@link #page} and {@link #action} and cannot skip a check.
 */
public final class Pages {

    public static final String COOKIE = "microcent_console";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Logger log = LoggerFactory.getLogger(Pages.class);

    private final Sessions sessions;
    private final Function<String, Api> apiAs;
    private final FlashStore flashes = new FlashStore();

    public Pages(Sessions sessions, Function<String, Api> apiAs) {
        this.sessions = sessions;
        this.apiAs = apiAs;
    }

    /** A page that only reads: any signed-in user. */
    public Handler page(PageHandler handler) {
        return signedIn((ctx, session) -> run(ctx, session, handler));
    }

    /** A change: an operator's session and its CSRF token (form field or htmx header), else 403. */
    public Handler action(PageHandler handler) {
        return signedIn((ctx, session) -> {
            if (!csrfMatches(ctx, session)) {
                error(ctx, session, 403, "This form has expired", "Reload the page and try again (the form's security token did not match).");
            } else if (!session.role().mayChange()) {
                error(ctx, session, 403, "Read-only", "You are signed in with the viewer token, which can read everything and change nothing.");
            } else {
                run(ctx, session, handler);
            }
        });
    }

    /** The security headers, then {@code handler} with the request's session, or the way to sign-in without one. */
    private Handler signedIn(java.util.function.BiConsumer<Context, Session> handler) {
        return ctx -> {
            SecurityHeaders.apply(ctx);
            Optional<Session> session = session(ctx);
            if (session.isEmpty()) {
                toSignIn(ctx);
            } else {
                handler.accept(ctx, session.get());
            }
        };
    }

    private void run(Context ctx, Session session, PageHandler handler) {
        ConsoleRequest request = new ConsoleRequest(ctx, session, apiAs.apply(session.token()), flashes);
        try {
            handler.handle(request);
        } catch (ApiProblem problem) {
            if (problem.status() == 401) {
                // the token was changed or revoked under a live session
                sessions.close(session.id());
                toSignIn(ctx);
                return;
            }
            error(ctx, session, problem.status(), problem.title(), problem.detail());
        } catch (Exception e) {
            log.error("console page {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, session, 500, "Something went wrong", "The error has been logged.");
        }
    }

    private void error(Context ctx, Session session, int status, String title, String detail) {
        Frame frame = new Frame(title, null, session.role(), session.csrfToken(), Flash.NONE);
        ctx.status(status).html(Templates.render("error.jte", Map.of("frame", frame, "status", status, "detail", detail)));
    }

    public Optional<Session> session(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE));
    }

    private static void toSignIn(Context ctx) {
        String next = ctx.method().name().equals("GET") ? ctx.fullUrl().substring(ctx.fullUrl().indexOf("/console")) : "/console";
        String location = "/console/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        if ("true".equals(ctx.header("HX-Request"))) {
            ctx.header("HX-Redirect", location).status(401);
        } else {
            ctx.redirect(location);
        }
    }

    private static boolean csrfMatches(Context ctx, Session session) {
        String presented = ctx.header(CSRF_HEADER);
        if (presented == null) {
            presented = ctx.formParam(CSRF_FIELD);
        }
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }
}
