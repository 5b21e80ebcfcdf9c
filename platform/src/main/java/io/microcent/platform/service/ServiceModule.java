package io.microcent.platform.service;

import io.microcent.platform.config.Env;

/**
 * One service, as the launchers see it. Configuration is read for every module before any starts, so a
 * misconfigured platform reports all its errors at once instead of one per restart.
 */
public interface ServiceModule {

    String name();

    /** Reads this service's settings from {@code env}; problems are recorded there, not thrown. */
    void configure(Env env);

    /** Starts the service; called only after every module's configuration was valid. */
    Service start(ServiceContext context);
}
