package io.microcent.ingest;

import io.microcent.ingest.keys.ApiKeyAuthenticator;
import io.microcent.platform.config.Env;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.ServiceModule;

import java.util.Optional;

/** The ingest service as the launchers see it. */
public final class IngestModule implements ServiceModule {

    public static final String NAME = "ingest";

    private IngestSettings settings = IngestSettings.defaults();
    private volatile IngestService started;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void configure(Env env) {
        settings = IngestSettings.from(env);
    }

    @Override
    public Service start(ServiceContext context) {
        started = IngestService.start(context, settings);
        return started;
    }

    /**
     * The started service's check of ingest API keys, for another service in the same process that accepts
     * them too (the all-in-one gives it to caps' {@code /v1/authorize}); empty until {@link #start}, so
     * start ingest before the services that use its keys.
     */
    public Optional<ApiKeyAuthenticator> apiKeys() {
        return Optional.ofNullable(started).map(IngestService::apiKeys);
    }
}
