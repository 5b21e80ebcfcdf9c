package io.microcent.console.web;

import io.javalin.http.Context;

/**
 * Headers on every console answer. Scripts come only from the console itself (no inline script: page data
 * travels in HTML attributes); Alpine.js evaluates its attribute expressions, which needs 'unsafe-eval'.
 * No framing (clickjacking), no sniffing, no referrer to other sites, and pages are never cached, so a
 * signed-out browser's back button shows nothing.
 */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    public static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }
}
