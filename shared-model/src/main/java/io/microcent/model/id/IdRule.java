package io.microcent.model.id;

import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * What a well-formed identifier looks like. Ids reach us from other systems (customers' own ids, model
 * names, e-mail addresses as users), so the rules refuse only what would break storage, URLs or logs.
 */
public enum IdRule {
    /** Appears in URLs: letters, digits and {@code . _ : -}, starting with a letter or digit. */
    SLUG(Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*"), 128, IdRule::isSlugChar),
    /** A name people chose (project, team, user e-mail): any printable text without control characters. */
    LABEL(Pattern.compile("[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*"), 200, c -> c >= 0x20 && c != 0x7F),
    /** A model or key name: printable, no whitespace (e.g. {@code anthropic.claude-3-5-sonnet-20240620-v1:0}). */
    TOKEN(Pattern.compile("[^\\p{Cntrl}\\s]+"), 200, c -> c > 0x20 && c != 0x7F);

    private final Pattern pattern;
    private final int maxLength;
    /**
     * Characters that can never make an id of this rule invalid. Every id on every Kafka record is checked
     * when it is read, and the regex was about 5% of the whole platform's CPU in the benchmark; a plain loop
     * over these characters accepts the ordinary ids, and only an id with some other character goes to the
     * regex, which stays the one definition of the rule (the loop accepts nothing the regex refuses).
     */
    private final IntPredicate alwaysAllowed;

    IdRule(Pattern pattern, int maxLength, IntPredicate alwaysAllowed) {
        this.pattern = pattern;
        this.maxLength = maxLength;
        this.alwaysAllowed = alwaysAllowed;
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
        if (!onlyAlwaysAllowedChars(raw) && !pattern.matcher(raw).matches()) {
            throw new InvalidIdException(kind, this == SLUG
                    ? "may contain only letters, digits and . _ : - and must start with a letter or digit"
                    : "contains characters that are not allowed");
        }
        return raw;
    }

    /** Not blank, and every character always allowed: then the regex matches too (for SLUG, given the first character). */
    private boolean onlyAlwaysAllowedChars(String raw) {
        if (this == SLUG && !isAsciiLetterOrDigit(raw.charAt(0))) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            if (!alwaysAllowed.test(raw.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSlugChar(int c) {
        return isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == ':' || c == '-';
    }

    private static boolean isAsciiLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
