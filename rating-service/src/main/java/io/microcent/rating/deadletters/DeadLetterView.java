package io.microcent.rating.deadletters;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One set-aside record as {@code GET /v1/dead-letters} shows it. The original key is text when it is
 * readable text, else {@code keyBase64}; the value is JSON when it parses ({@code value}), else {@code valueBase64}.
 *
 * @param replayable whether {@code POST /v1/dead-letters/replay} republishes it (a usage event from {@code usage.events})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeadLetterView(long id, String reason, String consumer, String sourceTopic, Integer sourcePartition,
                      Long sourceOffset, String customer, String detail, Instant deadLetteredAt, boolean replayable,
                      Instant replayedAt, String key, String keyBase64, JsonNode value, String valueBase64) {
}
