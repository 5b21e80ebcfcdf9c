package io.microcent.platform.http;

import io.javalin.http.Context;
import io.microcent.model.usage.BillingPeriod;

import java.util.function.Function;

/** Query parameters every API reads the same way: a bad one is 400 {@code invalid_parameter} naming it. */
public final class QueryParams {

    private QueryParams() {
    }

    /** A whole number in {@code [min, max]}, or {@code otherwise} when absent or blank. */
    public static int wholeNumber(Context ctx, String name, int otherwise, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badParameter(name, name + " must be a whole number from " + min + " to " + max);
    }

    /** A billing period {@code YYYY-MM}, or {@code null} when absent. */
    public static BillingPeriod period(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return null;
        }
        try {
            return BillingPeriod.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(name, name + " must be a month like 2026-11");
        }
    }

    /**
     * The parameter parsed by {@code parse}, or {@code null} when absent; an {@link IllegalArgumentException} from
     * {@code parse} (its message in our words) becomes the problem's detail.
     */
    public static <T> T parsed(Context ctx, String name, Function<String, T> parse) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return null;
        }
        try {
            return parse.apply(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(name, name + ": " + e.getMessage());
        }
    }
}
