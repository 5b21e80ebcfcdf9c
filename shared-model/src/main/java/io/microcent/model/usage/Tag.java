package io.microcent.model.usage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.microcent.model.id.IdRule;
import io.microcent.model.id.InvalidIdException;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A free {@code key:value} label a sender puts on a usage event ({@code env:prod}, {@code feature:chat}), so
 * analytics can filter and group by things Microcent has no dimension for. Serialized as the plain string.
 *
 * <p>The key is 1–{@value #MAX_KEY_LENGTH} characters of {@code [a-z0-9][a-z0-9_.-]*}: lower case, so that
 * {@code Env} and {@code env} cannot become two keys of one meaning. The value (everything after the first
 * {@code :}, which may hold more colons, e.g. a URL) is 1–{@value #MAX_VALUE_LENGTH} characters under the
 * {@link IdRule#LABEL} text rule: no control, line separator or bidirectional formatting characters.
 */
public record Tag(@JsonValue String raw) implements Comparable<Tag> {

    /** The most tags one event may carry, after duplicates are removed; ingest refuses more. */
    public static final int MAX_PER_EVENT = 10;
    public static final int MAX_KEY_LENGTH = 40;
    public static final int MAX_VALUE_LENGTH = 64;

    public Tag {
        check(raw);
    }

    @JsonCreator
    public static Tag of(String raw) {
        return new Tag(raw);
    }

    /** {@code env} of {@code env:prod}. */
    public String key() {
        return raw.substring(0, raw.indexOf(':'));
    }

    /** {@code prod} of {@code env:prod}. */
    public String value() {
        return raw.substring(raw.indexOf(':') + 1);
    }

    /**
     * The tags as the contract keeps them: each once, sorted by their text (so that two events with the same
     * tags in another order add to the same rollup row); {@code null} (a record written before tags existed,
     * or a sender that sent none) is no tags.
     */
    public static List<Tag> normalized(Collection<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            return List.of();
        }
        return List.copyOf(new TreeSet<>(tags));
    }

    @Override
    public int compareTo(Tag other) {
        return raw.compareTo(other.raw);
    }

    @Override
    public String toString() {
        return raw;
    }

    private static void check(String raw) {
        if (raw == null) {
            throw new InvalidIdException("tag", "must not be null");
        }
        int colon = raw.indexOf(':');
        if (colon < 0) {
            throw new InvalidIdException("tag", "must be key:value, e.g. env:prod");
        }
        checkKey(raw.substring(0, colon));
        try {
            IdRule.LABEL.check("tag value", raw.substring(colon + 1), MAX_VALUE_LENGTH);
        } catch (InvalidIdException e) {
            throw new InvalidIdException("tag", "value " + e.reason());
        }
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new InvalidIdException("tag", "key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && (i == 0 || (c != '_' && c != '.' && c != '-'))) {
                throw new InvalidIdException("tag", "key may contain only lower-case letters, digits and _ . - "
                        + "and must start with a letter or digit");
            }
        }
    }
}
