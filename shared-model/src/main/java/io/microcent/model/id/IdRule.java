package io.microcent.model.id;

/**
 * The one text rule for every id and label Microcent takes in: customers, projects, cost centers, users,
 * teams, models, providers, event ids, key names, cap scope ids, customer names, actors. Ids reach us from
 * other systems (customers' own ids, model names, e-mail addresses as users), so the rules refuse only what
 * would break storage, URLs, deduplication or logs.
 *
 * <p>Every rule refuses:
 * <ul>
 *   <li>text that is not well-formed Unicode: a lone surrogate (x followed by U+D800 alone) has no UTF-8 encoding,
 *       and encoding it replaces it with {@code ?}, so x + U+D800, x + U+D801 and {@code "x?"} would
 *       become one key on Kafka and in PostgreSQL (a real event dropped as a duplicate of another);</li>
 *   <li>control characters: C0 ({@code U+0000}–{@code U+001F}, NUL and TAB included), DEL ({@code U+007F}) and C1
 *       ({@code U+0080}–{@code U+009F}): PostgreSQL refuses NUL, and line breaks forge log lines;</li>
 *   <li>the line and paragraph separators {@code U+2028}, {@code U+2029} (line breaks to many log viewers);</li>
 *   <li>bidirectional overrides and isolates {@code U+202A}–{@code U+202E}, {@code U+2066}–{@code U+2069}, which
 *       make text display in another order than it is stored ("Trojan Source");</li>
 *   <li>blank text, and text longer than the rule's limit. Lengths count UTF-16 units ({@link String#length()}),
 *       so an emoji counts 2; a limit in UTF-16 units is never exceeded in code points, PostgreSQL's count.</li>
 * </ul>
 *
 * <p>This is called for every id of every Kafka record read, so it is one plain loop over the characters,
 * with printable ASCII (nearly every id) decided by two comparisons.
 */
public enum IdRule {
    /** Appears in URLs: ASCII letters, digits and {@code . _ : -}, starting with a letter or digit. */
    SLUG(128),
    /** A name people chose (project, team, user e-mail, customer name): any text the rules above allow, spaces included. */
    LABEL(200),
    /** A model or event id: like a label, but without any whitespace (e.g. {@code anthropic.claude-3-5-sonnet-20240620-v1:0}). */
    TOKEN(200);

    private final int maxLength;

    IdRule(int maxLength) {
        this.maxLength = maxLength;
    }

    /** The longest id of this rule, in UTF-16 units. */
    public int maxLength() {
        return maxLength;
    }

    /** Returns {@code raw} when it is valid; throws {@link InvalidIdException} naming the kind of id otherwise. */
    public String check(String kind, String raw) {
        return check(kind, raw, maxLength);
    }

    /**
     * As {@link #check(String, String)}, with a limit of the caller's that is shorter than the rule's (a key name:
     * 100). The limit is in UTF-16 units.
     */
    public String check(String kind, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdException(kind, "must not be blank");
        }
        if (raw.length() > Math.min(maxLength, this.maxLength)) {
            throw new InvalidIdException(kind, "must be at most " + Math.min(maxLength, this.maxLength) + " characters");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > ' ' && c < 0x7F) { // printable ASCII but space: only a slug refuses some of it
                if (this == SLUG && !isSlugChar(c, i)) {
                    throw slugRefused(kind);
                }
            } else {
                i = checkOther(kind, raw, i, c);
            }
        }
        return raw;
    }

    /** Checks the character (or surrogate pair) at {@code i} that is not printable ASCII; returns the index of its last unit. */
    private int checkOther(String kind, String raw, int i, char c) {
        if (this == SLUG) {
            throw slugRefused(kind);
        }
        int codePoint = c;
        int last = i;
        if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
            codePoint = Character.toCodePoint(c, raw.charAt(i + 1));
            last = i + 1;
        } else if (Character.isSurrogate(c)) {
            throw new InvalidIdException(kind, "is not well-formed Unicode: a lone surrogate at position " + i);
        }
        if (isRefusedEverywhere(codePoint)) {
            throw new InvalidIdException(kind, "contains a character that is not allowed, " + unicodeName(codePoint)
                    + " at position " + i + " (control, line separator or bidirectional formatting characters)");
        }
        if (this == TOKEN && (codePoint == ' ' || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint))) {
            throw new InvalidIdException(kind, "must not contain whitespace (" + unicodeName(codePoint) + " at position " + i + ")");
        }
        return last;
    }

    /**
     * {@code text} safe for one log line or problem detail: every character this rule set refuses everywhere
     * (and every lone surrogate) written as {@code U+XXXX}, so text from outside cannot forge or break a line.
     */
    public static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            boolean unsafe = isRefusedEverywhere(codePoint) || Character.isSurrogate((char) codePoint) && width == 1;
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (unsafe) {
                    out.append(unicodeName(codePoint));
                } else {
                    out.appendCodePoint(codePoint);
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    /** Control characters (C0, DEL, C1), line/paragraph separators and bidi overrides/isolates. */
    static boolean isRefusedEverywhere(int codePoint) {
        return codePoint < 0x20
                || (codePoint >= 0x7F && codePoint <= 0x9F)
                || codePoint == 0x2028 || codePoint == 0x2029
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    private static InvalidIdException slugRefused(String kind) {
        return new InvalidIdException(kind, "may contain only letters, digits and . _ : - and must start with a letter or digit");
    }

    private static boolean isSlugChar(char c, int position) {
        return isAsciiLetterOrDigit(c) || (position > 0 && (c == '.' || c == '_' || c == ':' || c == '-'));
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** {@code U+0000}: a refused character named without repeating it (it could be a line break). */
    private static String unicodeName(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
