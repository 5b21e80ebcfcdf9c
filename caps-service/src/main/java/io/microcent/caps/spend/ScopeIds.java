package io.microcent.caps.spend;

import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapScope;
import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.CostCenterId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.InvalidIdException;
import io.microcent.model.id.ProjectId;
import io.microcent.model.id.TeamId;
import io.microcent.model.id.UserId;
import io.microcent.model.usage.UsageEvent;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The scopes one call or usage event belongs to: always its customer, and each of project, cost center,
 * API key, user and team that it names. A cap applies to it when the cap's scope id is the one it has in
 * the cap's scope; a usage without a project is counted by no project cap.
 */
public record ScopeIds(Map<CapScope, String> ids) {

    public ScopeIds {
        ids = Collections.unmodifiableMap(new EnumMap<>(ids));
    }

    public static ScopeIds of(CustomerId customer, ProjectId project, CostCenterId costCenter, ApiKeyId apiKey,
                              UserId user, TeamId team) {
        Map<CapScope, String> ids = new EnumMap<>(CapScope.class);
        ids.put(CapScope.CUSTOMER, Objects.requireNonNull(customer, "customer").raw());
        putIfPresent(ids, CapScope.PROJECT, project == null ? null : project.raw());
        putIfPresent(ids, CapScope.COST_CENTER, costCenter == null ? null : costCenter.raw());
        putIfPresent(ids, CapScope.API_KEY, apiKey == null ? null : apiKey.raw());
        putIfPresent(ids, CapScope.USER, user == null ? null : user.raw());
        putIfPresent(ids, CapScope.TEAM, team == null ? null : team.raw());
        return new ScopeIds(ids);
    }

    public static ScopeIds of(UsageEvent event) {
        return of(event.customer(), event.project(), event.costCenter(), event.apiKeyId(), event.user(), event.team());
    }

    public boolean matches(CapDefinition cap) {
        return cap.scopeId().equals(ids.get(cap.scope()));
    }

    /**
     * Checks a cap's scope id with the id rule usage events apply to that scope (so a cap can match them);
     * a customer cap's scope id is the customer. Throws {@link InvalidIdException} naming {@code scopeId}.
     */
    public static String checkScopeId(CapScope scope, CustomerId customer, String scopeId) {
        try {
            return switch (scope) {
                case CUSTOMER -> {
                    if (!customer.raw().equals(scopeId)) {
                        throw new InvalidIdException("scopeId", "of a customer cap must be the customer, " + customer);
                    }
                    yield scopeId;
                }
                case PROJECT -> ProjectId.of(scopeId).raw();
                case COST_CENTER -> CostCenterId.of(scopeId).raw();
                case API_KEY -> ApiKeyId.of(scopeId).raw();
                case USER -> UserId.of(scopeId).raw();
                case TEAM -> TeamId.of(scopeId).raw();
            };
        } catch (InvalidIdException e) {
            throw e.kind().equals("scopeId") ? e : new InvalidIdException("scopeId", e.reason());
        }
    }

    private static void putIfPresent(Map<CapScope, String> ids, CapScope scope, String id) {
        if (id != null) {
            ids.put(scope, id);
        }
    }
}
