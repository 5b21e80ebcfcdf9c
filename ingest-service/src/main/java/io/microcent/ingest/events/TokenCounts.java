package io.microcent.ingest.events;

/**
 * The one way Microcent counts an LLM call's tokens, whatever format or provider usage object they
 * arrived in. Each count is billed at its own rate, so no token is in two of them.
 *
 * @param inputTokens      prompt tokens read neither from nor into a cache
 * @param outputTokens     generated tokens, including reasoning ("thinking") tokens, which are billed as output
 * @param cacheReadTokens  prompt tokens served from the provider's prompt cache
 * @param cacheWriteTokens prompt tokens written into the provider's prompt cache
 */
public record TokenCounts(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens) {

    public static final TokenCounts NONE = new TokenCounts(0, 0, 0, 0);
}
