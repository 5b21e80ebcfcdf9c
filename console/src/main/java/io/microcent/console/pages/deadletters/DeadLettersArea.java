package io.microcent.console.pages.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.microcent.console.api.Api;
import io.microcent.console.api.ServiceName;
import io.microcent.console.web.ConsoleArea;
import io.microcent.console.web.ConsoleRequest;
import io.microcent.console.web.Nav;
import io.microcent.console.web.Pages;
import io.microcent.model.deadletter.DeadLetterReason;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/dead-letters}: every record a consumer set aside, filtered by reason and customer, paged,
 * each with its original key and value; replaying a reason (and customer) in rounds of the service's replay
 * until it says nothing {@code more} is left, the page showing the running totals after each round.
 */
public final class DeadLettersArea implements ConsoleArea {

    private static final String DEAD_LETTERS = Nav.DEAD_LETTERS.path();
    private static final String PAGE_SIZE = "25";
    /** Records a round republishes; rounds repeat while the service says there are more. */
    static final int ROUND_SIZE = 500;
    static final List<String> REASONS = Arrays.stream(DeadLetterReason.values()).map(DeadLetterReason::code).toList();

    /** The running totals of a replay, carried from round to round by the page. */
    public record ReplayProgress(String reason, String customer, long replayed, long notReplayable, int rounds, boolean more) {

        public String nextRoundValues() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("reason", reason);
            values.put("customer", customer);
            values.put("replayedSoFar", replayed);
            values.put("notReplayableSoFar", notReplayable);
            values.put("rounds", rounds);
            return io.microcent.model.json.Json.mapper().valueToTree(values).toString();
        }
    }

    @Override
    public void register(RoutesConfig routes, Pages pages) {
        routes.get(DEAD_LETTERS, pages.page(this::list));
        routes.post(DEAD_LETTERS + "/replay", pages.action(this::replay));
    }

    private void list(ConsoleRequest request) {
        String reason = request.param("reason").orElse("");
        String customer = request.param("customer").orElse("");
        JsonNode page = request.api().get(ServiceName.RATING, "/v1/dead-letters", Api.Query.of("reason", reason,
                "customer", customer, "before", request.param("before").orElse(null), "limit", PAGE_SIZE));
        request.render("Dead letters", Nav.DEAD_LETTERS, "deadletters/page.jte",
                Map.of("view", DeadLettersView.of(page, reason, customer), "reasons", REASONS));
    }

    /** One round; the fragment it answers asks for the next while {@code more}. Without htmx, rounds run here. */
    private void replay(ConsoleRequest request) {
        String reason = request.param("reason").orElse("");
        String customer = request.param("customer").orElse("");
        long replayed = request.param("replayedSoFar").map(Long::parseLong).orElse(0L);
        long notReplayable = request.param("notReplayableSoFar").map(Long::parseLong).orElse(0L);
        int rounds = request.param("rounds").map(Integer::parseInt).orElse(0);
        ReplayProgress progress;
        do {
            JsonNode answer = request.api().post(ServiceName.RATING, "/v1/dead-letters/replay",
                    Api.Query.of("reason", reason, "customer", customer, "limit", String.valueOf(ROUND_SIZE)), null);
            replayed = Math.addExact(replayed, answer.path("replayed").asLong());
            notReplayable = Math.addExact(notReplayable, answer.path("notReplayable").asLong());
            rounds++;
            progress = new ReplayProgress(reason, customer, replayed, notReplayable, rounds, answer.path("more").asBoolean());
        } while (!request.isHtmx() && progress.more() && rounds < 100);
        if (request.isHtmx()) {
            request.fragment("deadletters/replay-progress.jte", Map.of("progress", progress));
        } else {
            request.redirect(DEAD_LETTERS + "?reason=" + Api.segment(reason) + "&customer=" + Api.segment(customer),
                    "Replayed " + replayed + ", not replayable " + notReplayable + (progress.more() ? "; more are left: replay again." : "."));
        }
    }
}
