package io.microcent.ingest.formats;

import io.microcent.ingest.providers.ProviderUsageAdapters;
import io.microcent.model.error.ErrorCode;
import io.microcent.platform.http.ApiException;

import java.util.Locale;
import java.util.Map;

/** The event formats {@code POST /v1/events} accepts, chosen by the request's {@code Content-Type}. */
public final class EventFormats {

    public static final String MICROCENT_JSON = "application/json";
    public static final String CLOUDEVENT = "application/cloudevents+json";
    public static final String CLOUDEVENTS_BATCH = "application/cloudevents-batch+json";

    private final EventsParser microcentJson;
    private final Map<String, EventsParser> byMediaType;

    public EventFormats(ProviderUsageAdapters adapters) {
        UsageFieldsReader usageFields = new UsageFieldsReader(adapters);
        this.microcentJson = new JsonEventsParser(usageFields);
        this.byMediaType = Map.of(
                MICROCENT_JSON, microcentJson,
                CLOUDEVENT, CloudEventsParser.single(usageFields),
                CLOUDEVENTS_BATCH, CloudEventsParser.batch(usageFields));
    }

    /**
     * The parser for {@code contentType} (parameters such as {@code charset} are ignored); Microcent's
     * JSON when there is no Content-Type at all. 415 for any other media type.
     */
    public EventsParser forContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return microcentJson;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        EventsParser parser = byMediaType.get(mediaType);
        if (parser == null) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + contentType
                    + "' is not supported; send " + MICROCENT_JSON + ", " + CLOUDEVENT + " or " + CLOUDEVENTS_BATCH);
        }
        return parser;
    }
}
