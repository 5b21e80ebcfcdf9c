package io.microcent.model.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.microcent.model.usage.UsageEvent;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a charge counts. The one place that says how much of a usage event a meter sees; every
 * charge model prices the period's running total of its meter.
 *
 * <p>Input tokens are every prompt token: the event keeps cached tokens apart from
 * {@link UsageEvent#inputTokens()} ({@code cacheReadTokens}, {@code cacheWriteTokens}), but a plan
 * that sells input tokens sells all of them; cheaper cached tokens reach customers through the
 * provider cost of a {@link TokenPassThrough}. So input plus output is always the total.
 */
public enum Meter {
    /** Requests (LLM calls or any metered request). */
    REQUESTS,
    /** Prompt tokens, cached (read or written) or not. */
    INPUT_TOKENS,
    /** Completion tokens. */
    OUTPUT_TOKENS,
    /** Input plus output tokens. */
    TOTAL_TOKENS;

    /**
     * How much of {@code event} this meter counts.
     *
     * @throws ArithmeticException when the event's counts add up beyond a {@code long}
     */
    public long quantityOf(UsageEvent event) {
        return switch (this) {
            case REQUESTS -> event.requests();
            case INPUT_TOKENS -> Math.addExact(event.inputTokens(),
                    Math.addExact(event.cacheReadTokens(), event.cacheWriteTokens()));
            case OUTPUT_TOKENS -> event.outputTokens();
            case TOTAL_TOKENS -> Math.addExact(INPUT_TOKENS.quantityOf(event), event.outputTokens());
        };
    }

    /** The name in a plan catalog, e.g. {@code input_tokens}. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@link #jsonName()}; throws {@link IllegalArgumentException} naming the known meters otherwise. */
    @JsonCreator
    public static Meter fromJsonName(String name) {
        return Arrays.stream(values()).filter(meter -> meter.jsonName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown meter '" + name + "'; one of "
                        + Arrays.stream(values()).map(Meter::jsonName).collect(Collectors.joining(", "))));
    }
}
