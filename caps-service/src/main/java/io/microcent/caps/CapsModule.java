package io.microcent.caps;

import io.microcent.platform.config.Env;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.ServiceModule;

/**
 * Caps as a service module. Settings:
 * <ul>
 *   <li>{@code MICROCENT_CAPS_STREAM_THREADS} (default 1, 1–32): Kafka Streams threads of this instance.</li>
 * </ul>
 */
public final class CapsModule implements ServiceModule {

    public static final String NAME = "caps";

    private int streamThreads = 1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void configure(Env env) {
        streamThreads = env.integer("MICROCENT_CAPS_STREAM_THREADS", 1, 1, 32);
    }

    @Override
    public Service start(ServiceContext context) {
        return CapsService.start(context, streamThreads);
    }
}
