package io.microcent.console.session;

/**
 * A signed-in browser. The token stays on the server: the browser holds only the session id, in an HttpOnly
 * cookie no script can read.
 *
 * @param csrfToken sent back by every form and htmx request that changes something
 */
public record Session(String id, String token, Role role, String csrfToken) {

    @Override
    public String toString() {
        return "Session[" + role + "]"; // never the token
    }
}
