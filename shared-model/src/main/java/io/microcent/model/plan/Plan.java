package io.microcent.model.plan;

import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;

import java.util.Objects;

/**
 * A plan of the catalog: a monthly base fee, an allowance of requests included each month, and a
 * price per request beyond it.
 */
public record Plan(PlanId id, String name, Microcents monthlyFee, long includedRequests, Rate overagePerRequest) {

    public Plan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(monthlyFee, "monthlyFee");
        Objects.requireNonNull(overagePerRequest, "overagePerRequest");
        if (includedRequests < 0) {
            throw new IllegalArgumentException("includedRequests cannot be negative");
        }
    }
}
