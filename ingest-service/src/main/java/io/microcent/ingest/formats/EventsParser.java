package io.microcent.ingest.formats;

import io.microcent.ingest.events.ParsedEvents;

/**
 * Reads one request body of one format into {@link ParsedEvents}: the same request objects whatever
 * the format, so that every format gets the same validation, deduplication and publishing.
 */
public interface EventsParser {

    /** The most events one request may carry; larger batches are refused whole, never cut. */
    int MAX_EVENTS_PER_REQUEST = 10_000;

    /**
     * Throws 400 for a body that is not JSON, and 422 for one that is not events of this format at all;
     * problems of single events are returned in {@link ParsedEvents#errors()}, not thrown.
     */
    ParsedEvents parse(byte[] body);
}
