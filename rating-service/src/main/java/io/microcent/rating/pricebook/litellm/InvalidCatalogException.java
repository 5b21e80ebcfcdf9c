package io.microcent.rating.pricebook.litellm;

/** The catalog as a whole cannot be read: not JSON ({@link #syntax()}), or not an object of models. */
public final class InvalidCatalogException extends RuntimeException {

    private final boolean syntax;

    private InvalidCatalogException(String message, boolean syntax, Throwable cause) {
        super(message, cause);
        this.syntax = syntax;
    }

    static InvalidCatalogException notJson(String message, Throwable cause) {
        return new InvalidCatalogException(message, true, cause);
    }

    static InvalidCatalogException notACatalog(String message) {
        return new InvalidCatalogException(message, false, null);
    }

    /** True when the body is not JSON at all. */
    public boolean syntax() {
        return syntax;
    }
}
