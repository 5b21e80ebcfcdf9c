package io.microcent.caps.read.caps;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.caps.api.Requests;
import io.microcent.caps.authorize.Authorizer;
import io.microcent.caps.authorize.CapStanding;
import io.microcent.caps.routing.OwnerRouting;
import io.microcent.model.caps.CapPeriodId;
import io.microcent.model.caps.CapStatus;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.InvalidIdException;
import io.microcent.model.money.Microcents;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.time.Clock;
import java.util.List;

/**
 * {@code GET /v1/caps?customer=…} (the caps, from the read model) and {@code GET /v1/caps/{id}} (one cap
 * with where it stands now, from the caps topology's state on the instance owning the customer).
 */
public final class CapsEndpoint implements HttpRoutes {

    /** The list answer; an object, so that paging can be added without breaking clients. */
    public record CapList(List<CapDetail> caps) {
    }

    /** A cap with its current period's figures ({@code current} absent in a list when another instance owns the customer). */
    public record CapDetail(@JsonUnwrapped CapView cap, Current current) {
    }

    /**
     * @param period             the current period, e.g. {@code 2026-11} or {@code 2026-11-21} (UTC)
     * @param spentMicrocents    rated spend in the period
     * @param reservedMicrocents what authorized calls not yet rated hold against the cap
     * @param remainingMicrocents the amount minus spend and reservations, never below zero
     * @param status             {@code blocked} once a hard cap's rated spend reached its amount
     */
    public record Current(CapPeriodId period, Microcents spentMicrocents, Microcents reservedMicrocents,
                          Microcents remainingMicrocents, CapStatus status) {

        static Current of(CapStanding standing) {
            return new Current(standing.period(), standing.spent(), standing.reserved(), standing.remaining(), standing.status());
        }
    }

    private final OperatorAuth auth;
    private final CapRepository caps;
    private final Authorizer authorizer;
    private final OwnerRouting routing;
    private final Clock clock;

    public CapsEndpoint(OperatorAuth auth, CapRepository caps, Authorizer authorizer, OwnerRouting routing, Clock clock) {
        this.auth = auth;
        this.caps = caps;
        this.authorizer = authorizer;
        this.routing = routing;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/caps", this::list);
        routes.get("/v1/caps/{id}", this::get);
    }

    /** The cap, or {@code CAP_NOT_FOUND}. */
    public static CapView require(CapRepository caps, CapId id) {
        return caps.find(id).orElseThrow(() -> new ApiException(ErrorCode.CAP_NOT_FOUND, "no cap " + id));
    }

    /**
     * Each cap with where it stands now. One customer's list is answered by the instance owning the customer
     * (forwarded there, like one cap), so it is always complete; the list of every customer is answered here,
     * with {@code current} for the customers this instance owns and without it for the others (one instance:
     * every cap has it; with several, ask {@code ?customer=} or the cap itself).
     */
    private void list(Context ctx) {
        auth.require(ctx);
        CustomerId customer = customerFilter(ctx.queryParam("customer"));
        if (customer == null) {
            ctx.json(withCurrent(caps.list(null)));
        } else {
            routing.serve(ctx, customer, () -> ctx.json(withCurrent(caps.list(customer))));
        }
    }

    private CapList withCurrent(List<CapView> listed) {
        var now = clock.instant();
        try {
            return new CapList(listed.stream()
                    .map(cap -> new CapDetail(cap, routing.ownsHere(cap.customer())
                            ? Current.of(authorizer.standingOf(cap.definition(), now)) : null))
                    .toList());
        } catch (InvalidStateStoreException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "spend is being restored or rebalanced; retry shortly");
        }
    }

    private void get(Context ctx) {
        auth.require(ctx);
        CapView cap = require(caps, Requests.capId(ctx));
        routing.serve(ctx, cap.customer(), () -> {
            try {
                ctx.json(new CapDetail(cap, Current.of(authorizer.standingOf(cap.definition(), clock.instant()))));
            } catch (InvalidStateStoreException e) {
                throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "spend is being restored or rebalanced; retry shortly");
            }
        });
    }

    private static CustomerId customerFilter(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return CustomerId.of(raw.strip());
        } catch (InvalidIdException e) {
            throw ApiException.badParameter("customer", "customer " + e.reason());
        }
    }
}
