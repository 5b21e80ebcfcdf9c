package io.microcent.invoicing.api;

/** The {@code search} parameter of the lists: a part of an id, name or e-mail, matched in any case. */
public final class SearchTerm {

    public static final int MAX_LENGTH = 200;

    private SearchTerm() {
    }

    /** 1–200 characters; surrounding blanks are not part of it. For {@code QueryParams.parsed}. */
    public static String parse(String raw) {
        String term = raw.strip();
        if (term.isEmpty() || term.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be 1 to " + MAX_LENGTH + " characters");
        }
        return term;
    }
}
