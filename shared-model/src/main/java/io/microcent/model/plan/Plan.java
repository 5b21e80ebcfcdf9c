package io.microcent.model.plan;

import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A plan of the catalog, as data: a monthly base fee, usage-based charges (at most one per meter)
 * and, optionally, the provider cost of tokens passed through with a markup.
 *
 * @param monthlyFee       charged once per period whatever the usage; never part of a usage line
 * @param charges          the usage-based charges, each on its own meter
 * @param tokenPassThrough when present, each event also pays its provider cost plus this markup
 */
public record Plan(PlanId id, String name, Microcents monthlyFee, List<Charge> charges,
                   Optional<TokenPassThrough> tokenPassThrough) {

    public Plan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(monthlyFee, "monthlyFee");
        Objects.requireNonNull(charges, "charges");
        Objects.requireNonNull(tokenPassThrough, "tokenPassThrough");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (monthlyFee.isNegative()) {
            throw new IllegalArgumentException("monthlyFee cannot be negative");
        }
        charges = List.copyOf(charges);
        Set<Meter> meters = new HashSet<>();
        for (Charge charge : charges) {
            if (!meters.add(charge.meter())) {
                // two prices for one count would charge it twice
                throw new IllegalArgumentException("more than one charge on meter " + charge.meter().jsonName());
            }
        }
    }

    /** The classic shape: {@code included} requests a month, then {@code overagePerRequest} each. */
    public static Plan requestAllowance(PlanId id, String name, Microcents monthlyFee, long included, Rate overagePerRequest) {
        return new Plan(id, name, monthlyFee,
                List.of(new Charge(Meter.REQUESTS, new ChargeModel.Allowance(included, overagePerRequest))),
                Optional.empty());
    }

    /** The charge on {@code meter}, if the plan has one. */
    public Optional<Charge> charge(Meter meter) {
        return charges.stream().filter(charge -> charge.meter() == meter).findFirst();
    }

    /** Requests included free each period: the allowance of the plan's request charge, 0 without one. */
    public long includedRequests() {
        return charge(Meter.REQUESTS).map(charge -> charge.model().includedQuantity()).orElse(0L);
    }
}
