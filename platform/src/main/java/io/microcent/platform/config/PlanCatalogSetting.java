package io.microcent.platform.config;

import io.microcent.model.plan.InvalidPlanCatalogException;
import io.microcent.model.plan.PlanCatalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The plan catalog rating prices with and invoicing registers customers on: {@value #VARIABLE} names a JSON file with the operator's own
 * catalog; without it, {@link PlanCatalog#defaults()}. Every problem of the file is reported together
 * with the rest of the configuration ({@link Env#reject}) so one start tells the operator all to fix.
 */
public final class PlanCatalogSetting {

    public static final String VARIABLE = "MICROCENT_PLAN_CATALOG";

    private PlanCatalogSetting() {
    }

    public static PlanCatalog read(Env env) {
        Optional<String> file = env.optional(VARIABLE);
        if (file.isEmpty()) {
            return PlanCatalog.defaults();
        }
        Path path = Path.of(file.get()).toAbsolutePath().normalize();
        try {
            return PlanCatalog.fromJson(Files.readString(path));
        } catch (IOException e) {
            env.reject(VARIABLE + ": cannot read " + path + " (" + e + ")");
        } catch (InvalidPlanCatalogException e) {
            e.problems().forEach(problem -> env.reject(VARIABLE + " " + path + ": " + problem));
        }
        return PlanCatalog.defaults(); // never used: validation fails
    }
}
