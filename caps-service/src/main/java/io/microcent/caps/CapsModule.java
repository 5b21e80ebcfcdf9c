package io.microcent.caps;

import io.microcent.caps.authorize.IngestKeyVerifier;
import io.microcent.caps.webhooks.WebhookSettings;
import io.microcent.platform.config.Env;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.ServiceModule;

/**
 * Caps as a service module. Settings:
 * <ul>
 *   <li>{@code MICROCENT_CAPS_STREAM_THREADS} (default 1, 1–32): Kafka Streams threads of this instance.</li>
 *   <li>alert webhook delivery: see {@link WebhookSettings}.</li>
 *   <li>authorization and instance routing: see {@link CapsSettings}.</li>
 * </ul>
 */
public final class CapsModule implements ServiceModule {

    public static final String NAME = "caps";

    private int streamThreads = 1;
    private WebhookSettings webhooks = WebhookSettings.DEFAULTS;
    private CapsSettings settings = CapsSettings.DEFAULTS;
    private final IngestKeyVerifier ingestKeys;

    /** {@code /v1/authorize} accepts the operator token only. */
    public CapsModule() {
        this(IngestKeyVerifier.NONE);
    }

    /** @param ingestKeys ingest's check of API keys, so that callers authorize with the key they ingest with */
    public CapsModule(IngestKeyVerifier ingestKeys) {
        this.ingestKeys = ingestKeys;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void configure(Env env) {
        streamThreads = env.integer("MICROCENT_CAPS_STREAM_THREADS", 1, 1, 32);
        webhooks = WebhookSettings.from(env);
        settings = CapsSettings.from(env);
    }

    @Override
    public Service start(ServiceContext context) {
        return CapsService.start(context, streamThreads, webhooks, settings, ingestKeys);
    }
}
