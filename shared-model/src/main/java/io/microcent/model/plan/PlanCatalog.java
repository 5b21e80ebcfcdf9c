package io.microcent.model.plan;

import io.microcent.model.id.PlanId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The plans customers can be on. Plans are data: {@link #defaults()} is the catalog Microcent ships
 * with ({@value #DEFAULT_RESOURCE} on the classpath), {@link #fromJson} reads an operator's own.
 */
public final class PlanCatalog {

    /** The classpath resource holding the default catalog. */
    public static final String DEFAULT_RESOURCE = "plans/default-catalog.json";

    private final Map<PlanId, Plan> plans;

    /** @throws IllegalArgumentException when two plans share an id */
    public PlanCatalog(Collection<Plan> plans) {
        Map<PlanId, Plan> byId = new LinkedHashMap<>();
        for (Plan plan : plans) {
            if (byId.putIfAbsent(plan.id(), plan) != null) {
                throw new IllegalArgumentException("plan " + plan.id() + " is in the catalog twice");
            }
        }
        this.plans = Collections.unmodifiableMap(byId);
    }

    /** Starter, Growth and Enterprise, as sold. */
    public static PlanCatalog defaults() {
        return Defaults.CATALOG;
    }

    /**
     * Reads a catalog in the JSON format documented in rating-service's README.
     *
     * @throws InvalidPlanCatalogException listing every problem of the catalog
     */
    public static PlanCatalog fromJson(String json) {
        return PlanCatalogReader.read(json);
    }

    public Optional<Plan> find(PlanId id) {
        return Optional.ofNullable(plans.get(id));
    }

    public Collection<Plan> all() {
        return plans.values();
    }

    /** Read once, on first use: a broken default catalog is a bug in the build, not an operator's mistake. */
    private static final class Defaults {
        static final PlanCatalog CATALOG = load();

        private static PlanCatalog load() {
            try (InputStream in = PlanCatalog.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath");
                }
                return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
            }
        }
    }
}
