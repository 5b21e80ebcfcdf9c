package io.microcent.ingest.events;

/**
 * The answer to an accepted request.
 *
 * @param accepted   events of this request now newly in the usage log
 * @param duplicates events of this request not produced because their (customer, id) was accepted
 *                   before or appears earlier in the same request
 */
public record IngestResult(int accepted, int duplicates) {
}
