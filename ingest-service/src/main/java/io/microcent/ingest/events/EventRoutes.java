package io.microcent.ingest.events;

import io.javalin.config.RoutesConfig;
import io.microcent.ingest.formats.EventFormats;
import io.microcent.ingest.formats.EventsParser;
import io.microcent.ingest.keys.ApiKey;
import io.microcent.ingest.keys.ApiKeyAuthenticator;
import io.microcent.platform.http.HttpRoutes;

/** {@code POST /v1/events}, authenticated with an ingest API key, in the format its Content-Type names. */
public final class EventRoutes implements HttpRoutes {

    private final ApiKeyAuthenticator authenticator;
    private final EventFormats formats;
    private final EventIngestion ingestion;

    public EventRoutes(ApiKeyAuthenticator authenticator, EventFormats formats, EventIngestion ingestion) {
        this.authenticator = authenticator;
        this.formats = formats;
        this.ingestion = ingestion;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/events", ctx -> {
            ApiKey key = authenticator.authenticate(ctx);
            EventsParser parser = formats.forContentType(ctx.contentType());
            IngestResult result = ingestion.ingest(key, parser, ctx.bodyAsBytes());
            // 202: the events are durably in the usage log; rating them happens asynchronously
            ctx.status(202).json(result);
        });
    }
}
