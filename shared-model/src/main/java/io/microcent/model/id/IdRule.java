package io.microcent.model.id;

import java.util.regex.Pattern;

/**
 * What a well-formed identifier looks like. Ids reach us from other systems (customers' own ids, model
 * names, e-mail addresses as users), so the rules refuse only what would break storage, URLs or logs.
 */
public enum IdRule {
    /** Appears in URLs: letters, digits and {@code . _ : -}, starting with a letter or digit. */
    SLUG(Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*"), 128),
    /** A name people chose (project, team, user e-mail): any printable text without control characters. */
    LABEL(Pattern.compile("[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*"), 200),
    /** A model or key name: printable, no whitespace (e.g. {@code anthropic.claude-3-5-sonnet-20240620-v1:0}). */
    TOKEN(Pattern.compile("[^\\p{Cntrl}\\s]+"), 200);

    private final Pattern pattern;
    private final int maxLength;

    IdRule(Pattern pattern, int maxLength) {
        this.pattern = pattern;
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Returns {@code raw} when it is valid; throws {@link InvalidIdException} naming the kind of id otherwise. */
    public String check(String kind, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdException(kind, "must not be blank");
        }
        if (raw.length() > maxLength) {
            throw new InvalidIdException(kind, "must be at most " + maxLength + " characters");
        }
        if (!pattern.matcher(raw).matches()) {
            throw new InvalidIdException(kind, this == SLUG
                    ? "may contain only letters, digits and . _ : - and must start with a letter or digit"
                    : "contains characters that are not allowed");
        }
        return raw;
    }
}
