package io.microcent.console.session;

/** What the signed-in token may do, as the services' {@code GET /v1/whoami} says. */
public enum Role {
    /** Reads and changes. */
    OPERATOR,
    /** Reads everything, changes nothing: the console hides every change and the services refuse them. */
    VIEWER;

    public boolean mayChange() {
        return this == OPERATOR;
    }
}
