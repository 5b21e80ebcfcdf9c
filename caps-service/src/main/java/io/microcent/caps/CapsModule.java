package io.microcent.caps;

import io.microcent.caps.authorize.IngestKeyVerifier;
import io.microcent.caps.authorize.CachedIngestKeys;
import io.microcent.caps.authorize.IngestKeysOverHttp;
import io.microcent.caps.webhooks.WebhookSettings;
import io.microcent.platform.config.Env;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.ServiceModule;

import java.util.Optional;

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
    /** Plugged in by a launcher that runs ingest in the same process; empty: decided by the settings. */
    private final Optional<IngestKeyVerifier> pluggedInIngestKeys;

    /**
     * Caps on its own: {@code /v1/authorize} accepts ingest keys by asking ingest at {@code MICROCENT_INGEST_URL},
     * or, without that setting, the operator token only.
     */
    public CapsModule() {
        this.pluggedInIngestKeys = Optional.empty();
    }

    /** @param ingestKeys ingest's check of API keys, so that callers authorize with the key they ingest with */
    public CapsModule(IngestKeyVerifier ingestKeys) {
        this.pluggedInIngestKeys = Optional.of(ingestKeys);
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
        return CapsService.start(context, streamThreads, webhooks, settings, ingestKeys());
    }

    private IngestKeyVerifier ingestKeys() {
        return pluggedInIngestKeys.orElseGet(() -> settings.ingestUrls().isEmpty()
                ? IngestKeyVerifier.NONE
                : CachedIngestKeys.of(new IngestKeysOverHttp(settings.ingestUrls()), settings.ingestKeyCacheTtl()));
    }
}
