package io.microcent.platform.http;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.id.InvalidIdException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks the fields of one request body, collecting every problem so that the answer lists all of them
 * at once ({@code VALIDATION_FAILED}). Each method returns the parsed value, or {@code null} after
 * recording why the field is missing or invalid.
 */
public final class RequestFields {

    private final List<FieldError> errors = new ArrayList<>();

    public <T> T required(String field, String raw, Function<String, T> parse) {
        if (raw == null || raw.isBlank()) {
            errors.add(JsonBodies.required(field));
            return null;
        }
        return parse(field, raw, parse);
    }

    /** {@code fallback} when the field is absent. */
    public <T> T optional(String field, String raw, Function<String, T> parse, T fallback) {
        return raw == null ? fallback : parse(field, raw, parse);
    }

    /**
     * A whole number within {@code [min, max]}. JSON numbers are read as exact decimals, so {@code 1.5}
     * is refused instead of silently truncated.
     */
    public Long wholeNumber(String field, BigDecimal raw, long min, long max, boolean required) {
        if (raw == null) {
            if (required) {
                errors.add(JsonBodies.required(field));
            }
            return null;
        }
        if (raw.stripTrailingZeros().scale() > 0) {
            errors.add(FieldError.of(field, "not_whole", field + " must be a whole number"));
            return null;
        }
        if (raw.compareTo(BigDecimal.valueOf(min)) < 0 || raw.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(FieldError.of(field, "out_of_range", field + " must be between " + min + " and " + max));
            return null;
        }
        return raw.longValueExact();
    }

    /**
     * Whole percentages 1–100, no repeats, at most {@code maxCount} (e.g. alert thresholds); {@code null}
     * when absent or invalid.
     */
    public List<Integer> percentages(String field, List<BigDecimal> raw, int maxCount) {
        if (raw == null) {
            return null;
        }
        if (raw.size() > maxCount) {
            errors.add(FieldError.of(field, "too_many", field + " may hold at most " + maxCount + " percentages"));
            return null;
        }
        int before = errors.size();
        List<Integer> percents = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String item = field + "[" + i + "]";
            Long percent = wholeNumber(item, raw.get(i), 1, 100, true);
            if (percent != null && percents.contains(percent.intValue())) {
                errors.add(FieldError.of(item, "duplicate", item + " repeats " + percent + " %"));
            } else if (percent != null) {
                percents.add(percent.intValue());
            }
        }
        return errors.size() == before ? percents : null;
    }

    public void reject(String field, String code, String detail) {
        errors.add(FieldError.of(field, code, detail));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws {@code VALIDATION_FAILED} listing every field recorded so far, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private <T> T parse(String field, String raw, Function<String, T> parse) {
        try {
            return parse.apply(raw);
        } catch (InvalidIdException e) {
            errors.add(FieldError.of(field, ErrorCode.INVALID_ID.code(), field + " " + e.reason()));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(field, "invalid", e.getMessage()));
        }
        return null;
    }
}
