package io.microcent.deploy;

import io.microcent.platform.config.Env;
import io.microcent.platform.service.ServiceModule;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@value #VARIABLE}: which of the all-in-one's services run, as a comma-separated list of their names
 * ({@code invoicing,ingest}); all of them when unset. The chosen ones start in the all-in-one's usual
 * order, whatever order the list gives. Useful to run the platform without one service, e.g. without
 * rating to let usage wait in {@code usage.events}.
 */
final class ServiceSelection {

    static final String VARIABLE = "MICROCENT_SERVICES";

    private ServiceSelection() {
    }

    /** The modules of {@code all} that {@value #VARIABLE} names; problems are recorded on {@code env}. */
    static List<ServiceModule> select(Env env, List<ServiceModule> all) {
        Optional<String> setting = env.optional(VARIABLE);
        if (setting.isEmpty()) {
            return all;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : setting.get().split(",")) {
            if (!name.isBlank()) {
                wanted.add(name.strip());
            }
        }
        List<String> known = all.stream().map(ServiceModule::name).toList();
        List<String> unknown = wanted.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            env.reject(VARIABLE + " names unknown services " + String.join(", ", unknown)
                    + " (known: " + String.join(", ", known) + ")");
        } else if (wanted.isEmpty()) {
            env.reject(VARIABLE + " must name at least one of " + String.join(", ", known));
        }
        return all.stream().filter(module -> wanted.contains(module.name())).toList();
    }
}
