package io.microcent.console.pages.usage;

import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.microcent.console.api.ApiProblem;
import io.microcent.console.web.ConsoleRequest;
import io.microcent.console.web.Frame;
import io.microcent.console.web.Flash;
import io.microcent.console.web.Pages;
import io.microcent.console.web.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live mode: a server-sent event stream (Javalin's {@link SseHandler}) that asks the usage API again every
 * {@code poll} for the page's selection and sends event {@code figures} (the new KPI cards, chart and table) only
 * when the answer changed since the one the page shows ({@code since}, its fingerprint). Between changes it sends
 * a comment, which is also how a closed tab is noticed: the write fails and the loop ends. It ends as well when
 * the session does, or after {@link #LONGEST}, after which the browser's EventSource connects again. Each poll
 * looks the session up, so a page left open in live mode counts as activity and keeps its session alive.
 */
final class LiveUsage {

    static final String EVENT = "figures";
    /** A stream is closed after this long; htmx's SSE extension reconnects with the same URL. */
    static final Duration LONGEST = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(LiveUsage.class);
    /** Streams running in this process, for tests and the log: a closed tab must bring it down. */
    private static final AtomicInteger OPEN = new AtomicInteger();

    private final Duration poll;

    LiveUsage(Duration poll) {
        this.poll = poll;
    }

    static int open() {
        return OPEN.get();
    }

    void stream(ConsoleRequest request, Pages pages, UsageSelection selection) throws Exception {
        String since = request.param("since").orElse("");
        new SseHandler(client -> run(client, request, pages, selection, since)).handle(request.ctx());
    }

    private void run(SseClient client, ConsoleRequest request, Pages pages, UsageSelection selection, String since) {
        OPEN.incrementAndGet();
        long deadline = System.nanoTime() + LONGEST.toNanos();
        String shown = since;
        Frame frame = new Frame("", null, request.session().role(), request.session().csrfToken(), Flash.NONE);
        try {
            client.sendComment("live usage");
            while (!client.terminated() && System.nanoTime() < deadline && pages.session(client.ctx()).isPresent()) {
                try {
                    UsageView view = UsageArea.view(request, selection);
                    if (!view.fingerprint().equals(shown)) {
                        shown = view.fingerprint();
                        client.sendEvent(EVENT, Templates.render("usage/figures.jte", Map.of("frame", frame, "view", view)));
                    } else {
                        client.sendComment("unchanged");
                    }
                } catch (ApiProblem problem) {
                    if (problem.status() == 401 || problem.status() == 403) {
                        break;
                    }
                    client.sendComment("the usage API did not answer: " + problem.code());
                }
                Thread.sleep(poll);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("live usage stream failed", e);
        } finally {
            OPEN.decrementAndGet();
            client.close();
        }
    }
}
