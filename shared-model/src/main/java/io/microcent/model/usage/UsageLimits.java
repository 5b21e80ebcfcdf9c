package io.microcent.model.usage;

import io.microcent.model.money.Microcents;

/**
 * The largest quantities one usage event may carry: the one place they are decided. Ingest refuses larger
 * ones ({@code too_large}); anything reading {@link UsageEvent}s may rely on them.
 *
 * <p>Why these numbers. They must be far above any real event — an event may stand for many calls
 * ({@code requests} > 1), and the largest context windows are about 10 million tokens — and far below what
 * could overflow a {@code long} of microcents when a period's events are summed:
 * <ul>
 *   <li>The most expensive token in the price catalog (LiteLLM's, 2026) is o1-pro's output at $600 per million
 *       tokens, 600 microcents a token. An event of {@value #MAX_TOKENS_PER_EVENT} tokens all priced like that
 *       costs 2.4 × 10<sup>11</sup> microcents ($240,000); {@link #MAX_REQUESTS} requests at even $1 each add
 *       10<sup>12</sup> microcents. So one event is worth at most about 1.24 × 10<sup>12</sup> microcents.</li>
 *   <li>{@link Long#MAX_VALUE} microcents is $9.2 trillion: a customer's period total stays exact for more than
 *       seven million such worst-case events, a month's spend of trillions of dollars. Real sums stay below it
 *       by many orders of magnitude, and a sum that still got there fails loudly (every sum of
 *       {@link Microcents} is overflow-checked) instead of wrapping.</li>
 *   <li>Token counts themselves: {@value #MAX_TOKENS_PER_EVENT} tokens per event leave room for 2 × 10<sup>10</sup>
 *       maximal events in a {@code long} sum of tokens; {@link UsageEvent#totalTokens()} never overflows.</li>
 * </ul>
 */
public final class UsageLimits {

    /** The most tokens one token field ({@code inputTokens}, {@code outputTokens}, cache reads, cache writes) may hold. */
    public static final long MAX_TOKENS_PER_FIELD = 100_000_000L;
    /** The most tokens of one event, all four fields together: what follows from the per-field limit. */
    public static final long MAX_TOKENS_PER_EVENT = 4 * MAX_TOKENS_PER_FIELD;
    /** The most requests one event may stand for. */
    public static final long MAX_REQUESTS = 1_000_000L;

    private UsageLimits() {
    }
}
