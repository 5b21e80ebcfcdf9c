package io.microcent.invoicing;

import io.microcent.invoicing.stripe.StripeSettings;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.platform.config.Env;
import io.microcent.platform.config.PlanCatalogSetting;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.ServiceModule;

/**
 * Invoicing as a service module: the platform's Kafka, PostgreSQL (schema {@value InvoicingService#SCHEMA})
 * and operator token, and the plan catalog ({@link PlanCatalogSetting}), the same one rating prices with.
 */
public final class InvoicingModule implements ServiceModule {

    public static final String NAME = "invoicing";

    @Override
    public String name() {
        return NAME;
    }

    private PlanCatalog plans = PlanCatalog.defaults();
    private StripeSettings stripe = StripeSettings.OFF;

    @Override
    public void configure(Env env) {
        plans = PlanCatalogSetting.read(env);
        stripe = StripeSettings.read(env);
    }

    @Override
    public Service start(ServiceContext context) {
        return InvoicingService.start(context, plans, stripe);
    }
}
