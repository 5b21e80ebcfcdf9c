package io.microcent.rating.deadletters;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.model.deadletter.DeadLetterReason;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.http.QueryParams;

import java.util.Arrays;
import java.util.List;

/**
 * The operator API over set-aside records (operator token required):
 * <ul>
 *   <li>{@code GET /v1/dead-letters?reason=&customer=&limit=&before=}: newest first, {@code limit} (1–500,
 *       default 50) per page, {@code next} the next page's link;</li>
 *   <li>{@code POST /v1/dead-letters/replay?reason=[&customer=][&limit=]}: republishes up to {@code limit}
 *       (1–10,000, default 1,000) matching usage events not replayed yet to {@code usage.events}, exactly once
 *       through rating's dedup ({@link DeadLetterReplayer}) → {@code {replayed, notReplayable, more}}.</li>
 * </ul>
 */
final class DeadLetterRoutes implements HttpRoutes {

    static final String PATH = "/v1/dead-letters";

    /** One page of the listing. @param next the next page, {@code null} on the last */
    record Page(List<DeadLetterView> deadLetters, String next) {
    }

    private final OperatorAuth auth;
    private final DeadLetterRepository repository;
    private final DeadLetterReplayer replayer;

    DeadLetterRoutes(OperatorAuth auth, DeadLetterRepository repository, DeadLetterReplayer replayer) {
        this.auth = auth;
        this.repository = repository;
        this.replayer = replayer;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
        routes.post(PATH + "/replay", this::replay);
    }

    private void list(Context ctx) {
        auth.require(ctx);
        DeadLetterRepository.Filter filter = new DeadLetterRepository.Filter(reason(ctx.queryParam("reason"), false),
                customer(ctx.queryParam("customer")));
        int limit = QueryParams.wholeNumber(ctx, "limit", 50, 1, 500);
        Long before = before(ctx.queryParam("before"));
        List<DeadLetterView> page = repository.list(filter, before, limit);
        String next = page.size() < limit ? null : PATH + "?" + query(filter, limit) + "before=" + page.getLast().id();
        ctx.json(new Page(page, next));
    }

    private void replay(Context ctx) {
        auth.require(ctx);
        DeadLetterRepository.Filter filter = new DeadLetterRepository.Filter(reason(ctx.queryParam("reason"), true),
                customer(ctx.queryParam("customer")));
        int limit = QueryParams.wholeNumber(ctx, "limit", 1_000, 1, 10_000);
        try {
            ctx.json(replayer.replay(filter, limit, repository));
        } catch (DeadLetterReplayer.NotReplayed e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    private static String reason(String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                throw ApiException.badParameter("reason", "give the reason of the records to replay, e.g. ?reason=customer_unknown");
            }
            return null;
        }
        return DeadLetterReason.ofCode(raw.strip()).map(DeadLetterReason::code).orElseThrow(() -> ApiException.badParameter(
                "reason", "reason must be one of " + Arrays.stream(DeadLetterReason.values()).map(DeadLetterReason::code).toList()));
    }

    private static String customer(String raw) {
        return raw == null || raw.isBlank() ? null : CustomerId.of(raw.strip()).raw();
    }

    private static Long before(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long before = Long.parseLong(raw.strip());
            if (before > 0) {
                return before;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badParameter("before", "before must be the id of a dead letter (the next link gives it)");
    }

    private static String query(DeadLetterRepository.Filter filter, int limit) {
        StringBuilder query = new StringBuilder();
        if (filter.reason() != null) {
            query.append("reason=").append(filter.reason()).append('&');
        }
        if (filter.customer() != null) {
            query.append("customer=").append(java.net.URLEncoder.encode(filter.customer(), java.nio.charset.StandardCharsets.UTF_8)).append('&');
        }
        return query.append("limit=").append(limit).append('&').toString();
    }
}
