package io.microcent.console.pages.plans;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** A plan of the catalog as a choice in a form or a filter: id, name and monthly fee. */
public record PlanOption(String id, String name, long monthlyFeeMicrocents) {

    /** The plans of {@code GET /v1/plans}, in the catalog's order (by monthly fee). */
    public static List<PlanOption> of(JsonNode plans) {
        List<PlanOption> options = new ArrayList<>();
        plans.path("plans").forEach(plan -> options.add(new PlanOption(plan.path("id").asText(), plan.path("name").asText(),
                plan.path("monthlyFeeMicrocents").asLong())));
        return options;
    }

    public String label() {
        return name + " · " + io.microcent.console.format.Money.of(monthlyFeeMicrocents).display() + "/mo";
    }
}
