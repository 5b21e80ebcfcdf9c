package io.microcent.model.id;

/** A malformed identifier; {@link #kind()} names which one, for the field of an error response. */
public final class InvalidIdException extends IllegalArgumentException {

    private final String kind;
    private final String reason;

    public InvalidIdException(String kind, String reason) {
        super(kind + " " + reason);
        this.kind = kind;
        this.reason = reason;
    }

    public String kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }
}
