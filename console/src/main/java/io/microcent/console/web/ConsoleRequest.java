package io.microcent.console.web;

import io.javalin.http.Context;
import io.microcent.console.api.Api;
import io.microcent.console.session.Session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One request of a signed-in user: the Javalin context, the session, and the API as that user. */
public final class ConsoleRequest {

    private final Context ctx;
    private final Session session;
    private final Api api;
    private final FlashStore flashes;

    ConsoleRequest(Context ctx, Session session, Api api, FlashStore flashes) {
        this.ctx = ctx;
        this.session = session;
        this.api = api;
        this.flashes = flashes;
    }

    public Context ctx() {
        return ctx;
    }

    public Session session() {
        return session;
    }

    public Api api() {
        return api;
    }

    /** A page in the layout: {@code template} gets {@code frame} plus {@code params}. */
    public void render(String title, Nav section, String template, Map<String, Object> params) {
        ctx.html(Templates.render(template, withFrame(title, section, params, flashes.take(session.id()))));
    }

    /** A fragment for htmx (no layout); it still gets {@code frame}, for the CSRF token and the role. */
    public void fragment(String template, Map<String, Object> params) {
        ctx.html(Templates.render(template, withFrame("", null, params, Flash.NONE)));
    }

    private Map<String, Object> withFrame(String title, Nav section, Map<String, Object> params, Flash flash) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("frame", new Frame(title, section, session.role(), session.csrfToken(), flash));
        return all;
    }

    /** A query or form parameter, trimmed; empty when absent or blank. */
    public Optional<String> param(String name) {
        String value = ctx.formParam(name);
        if (value == null) {
            value = ctx.queryParam(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The choice a control's parameter names, or {@code otherwise} when absent or unknown (a hand-edited URL). */
    public <E extends Enum<E> & Choice> E choice(String name, E[] choices, E otherwise) {
        return param(name).flatMap(raw -> Choice.parse(choices, raw)).orElse(otherwise);
    }

    /** Every value of a repeatable parameter (multi-selects), blanks left out. */
    public List<String> params(String name) {
        List<String> values = ctx.formParams(name).isEmpty() ? ctx.queryParams(name) : ctx.formParams(name);
        return values.stream().map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
    }

    public String path(String name) {
        return ctx.pathParam(name);
    }

    /** After a change: the next page says {@code notice}. */
    public void redirect(String location, String notice) {
        flashes.put(session.id(), Flash.notice(notice));
        ctx.redirect(location);
    }

    /** After a change whose next page must show something once (a secret): it travels in the session's flash, never in a URL. */
    public void redirect(String location, Flash flash) {
        flashes.put(session.id(), flash);
        ctx.redirect(location);
    }

    public void redirect(String location) {
        ctx.redirect(location);
    }

    /** After a refused change: back to the form, with the service's reasons and what was typed. */
    public void refused(String location, io.microcent.console.api.ApiProblem problem) {
        Map<String, String> fieldErrors = new HashMap<>();
        problem.errors().forEach(e -> fieldErrors.putIfAbsent(e.field(), e.detail()));
        Map<String, String> values = new HashMap<>();
        ctx.formParamMap().forEach((name, list) -> {
            if (!list.isEmpty() && !name.equals(Pages.CSRF_FIELD)) {
                values.put(name, list.getFirst());
            }
        });
        flashes.put(session.id(), new Flash(null, problem.detail(), fieldErrors, values));
        ctx.redirect(location);
    }

    /** The console's 404 page. */
    public void notFound() {
        ctx.status(404);
        render("Not found", null, "error.jte", Map.of("status", 404, "detail", "The console has no page at " + ctx.path() + "."));
    }

    public boolean isHtmx() {
        return "true".equals(ctx.header("HX-Request"));
    }
}
