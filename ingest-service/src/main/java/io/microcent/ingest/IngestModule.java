package io.microcent.ingest;

import io.microcent.platform.config.Env;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.ServiceModule;

/** The ingest service as the launchers see it. */
public final class IngestModule implements ServiceModule {

    public static final String NAME = "ingest";

    private IngestSettings settings = IngestSettings.defaults();

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
        return IngestService.start(context, settings);
    }
}
