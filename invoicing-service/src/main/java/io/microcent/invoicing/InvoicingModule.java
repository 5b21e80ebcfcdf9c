package io.microcent.invoicing;

import io.microcent.model.plan.PlanCatalog;
import io.microcent.platform.config.Env;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.ServiceModule;

/**
 * Invoicing as a service module. It has no settings of its own yet: it uses the platform's Kafka,
 * PostgreSQL (schema {@value InvoicingService#SCHEMA}) and operator token.
 */
public final class InvoicingModule implements ServiceModule {

    public static final String NAME = "invoicing";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void configure(Env env) {
        // nothing to read yet
    }

    @Override
    public Service start(ServiceContext context) {
        // The catalog Microcent ships with, the same rating uses.
        return InvoicingService.start(context, PlanCatalog.defaults());
    }
}
