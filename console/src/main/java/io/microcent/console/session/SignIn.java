package io.microcent.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.microcent.console.api.Api;
import io.microcent.console.api.ApiProblem;
import io.microcent.console.api.ServiceName;
import io.microcent.console.web.Pages;
import io.microcent.console.web.SecurityHeaders;
import io.microcent.console.web.Templates;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sign-in with the operator (or viewer) token, and sign-out. The token is checked against the services'
 * {@code GET /v1/whoami}, which also says the role; the browser then holds only a session cookie (HttpOnly,
 * SameSite=Strict, Secure behind HTTPS). The sign-in form has its own CSRF token (a cookie it must echo),
 * since no session exists yet; wrong tokens are rate limited per client.
 */
public final class SignIn {

    public static final String PATH = "/console/sign-in";
    static final String FORM_COOKIE = "microcent_sign_in";

    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final Function<String, Api> apiAs;

    public SignIn(Sessions sessions, SignInThrottle throttle, Function<String, Api> apiAs) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.apiAs = apiAs;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::form);
        routes.post(PATH, this::signIn);
        routes.post("/console/sign-out", this::signOut);
    }

    private void form(Context ctx) {
        SecurityHeaders.apply(ctx);
        if (pagesSession(ctx).isPresent()) {
            ctx.redirect(next(ctx));
            return;
        }
        show(ctx, 200, null);
    }

    private void show(Context ctx, int status, String error) {
        String formToken = Sessions.randomToken();
        ctx.cookie(cookie(ctx, FORM_COOKIE, formToken, 600));
        Map<String, Object> params = new HashMap<>();
        params.put("formToken", formToken);
        params.put("next", next(ctx));
        params.put("error", error);
        ctx.status(status).html(Templates.render("sign-in.jte", params));
    }

    private void signIn(Context ctx) {
        SecurityHeaders.apply(ctx);
        String client = ctx.ip();
        if (throttle.blocked(client)) {
            ctx.header("Retry-After", String.valueOf(throttle.window().toSeconds()));
            show(ctx, 429, "Too many wrong tokens from this address. Wait " + throttle.window().toMinutes() + " minutes, then try again.");
            return;
        }
        String formToken = ctx.formParam(Pages.CSRF_FIELD);
        String expected = ctx.cookie(FORM_COOKIE);
        if (formToken == null || expected == null || !MessageDigest.isEqual(formToken.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            show(ctx, 403, "The sign-in form expired. Try again.");
            return;
        }
        String token = Optional.ofNullable(ctx.formParam("token")).map(String::trim).orElse("");
        if (token.isEmpty()) {
            show(ctx, 422, "Enter the operator token.");
            return;
        }
        Role role;
        try {
            JsonNode who = apiAs.apply(token).get(ServiceName.INVOICING, "/v1/whoami", Api.Query.none());
            role = "viewer".equals(who.path("role").asText()) ? Role.VIEWER : Role.OPERATOR;
        } catch (ApiProblem problem) {
            if (problem.status() == 401) {
                throttle.failed(client);
                show(ctx, 401, "That token is not valid. Check it and try again.");
            } else {
                show(ctx, 503, "Microcent could not check the token: " + problem.detail());
            }
            return;
        }
        throttle.succeeded(client);
        Session session = sessions.open(token, role);
        ctx.removeCookie(FORM_COOKIE, "/console");
        ctx.cookie(cookie(ctx, Pages.COOKIE, session.id(), -1));
        ctx.redirect(next(ctx));
    }

    private void signOut(Context ctx) {
        SecurityHeaders.apply(ctx);
        Optional<Session> session = pagesSession(ctx);
        // sign-out needs the session's CSRF token too, so no other site can sign an operator out
        String presented = ctx.formParam(Pages.CSRF_FIELD);
        if (session.isPresent() && presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
            sessions.close(session.get().id());
            ctx.removeCookie(Pages.COOKIE, "/console");
        }
        ctx.redirect(PATH + "?signedOut=true");
    }

    private Optional<Session> pagesSession(Context ctx) {
        return sessions.find(ctx.cookie(Pages.COOKIE));
    }

    /** Where to go after signing in: a console path only, so the parameter cannot send anyone elsewhere. */
    private static String next(Context ctx) {
        String next = Optional.ofNullable(ctx.formParam("next")).orElse(ctx.queryParam("next"));
        if (next == null || !next.startsWith("/console") || next.startsWith("//") || next.contains("\\") || next.startsWith(PATH)) {
            return "/console";
        }
        return next;
    }

    private static Cookie cookie(Context ctx, String name, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/console");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setSecure("https".equals(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")));
        cookie.setMaxAge(maxAgeSeconds);
        return cookie;
    }
}
