package io.microcent.invoicing;

import io.microcent.platform.config.Env;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.ServiceModule;

/**
 * Invoicing as a service module: the platform's Kafka, PostgreSQL (schema {@value InvoicingService#SCHEMA})
 * and operator token, and {@link InvoicingSettings}.
 */
public final class InvoicingModule implements ServiceModule {

    public static final String NAME = "invoicing";

    @Override
    public String name() {
        return NAME;
    }

    private InvoicingSettings settings = InvoicingSettings.defaults();

    @Override
    public void configure(Env env) {
        settings = InvoicingSettings.read(env);
    }

    @Override
    public Service start(ServiceContext context) {
        return InvoicingService.start(context, settings);
    }
}
