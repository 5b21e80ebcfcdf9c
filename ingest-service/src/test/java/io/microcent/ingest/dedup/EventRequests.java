package io.microcent.ingest.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** JSON helpers for request bodies in tests. */
final class EventRequests {

    private EventRequests() {
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test resource's JSON, re-serialized without whitespace. */
    static String compactPayload(String resource) {
        try (InputStream in = EventRequests.class.getClassLoader().getResourceAsStream(resource)) {
            return Json.mapper().writeValueAsString(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
