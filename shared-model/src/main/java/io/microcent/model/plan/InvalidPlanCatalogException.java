package io.microcent.model.plan;

import java.util.List;

/** A plan catalog that cannot be used, with every problem found in it (each prefixed by where it is). */
public final class InvalidPlanCatalogException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidPlanCatalogException(List<String> problems) {
        super("invalid plan catalog: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** E.g. {@code plans[1].charges[0].tiers[2]: the last tier must have no upTo, ...}. */
    public List<String> problems() {
        return problems;
    }
}
