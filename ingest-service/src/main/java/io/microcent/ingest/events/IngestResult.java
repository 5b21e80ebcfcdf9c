package io.microcent.ingest.events;

/**
 * The answer to an accepted request.
 *
 * @param accepted   events now in the usage log
 * @param duplicates events already ingested before, by id (always 0 until deduplication exists)
 */
public record IngestResult(int accepted, int duplicates) {
}
