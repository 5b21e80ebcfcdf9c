package io.microcent.caps.webhooks;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends one attempt of a delivery: a signed POST of the stored body, after checking again that the URL
 * reaches a public address ({@link WebhookUrlRule}: its name may resolve elsewhere than when the endpoint
 * was created). Redirects are not followed (a signed request goes where it was configured to go, or
 * fails). The answer's body is discarded unread: only its status is kept in the delivery log, so that the
 * log can never show what an endpoint answered (it could be a service inside a network). Never throws:
 * every way an attempt can end is an {@link AttemptResult}.
 */
final class WebhookSender implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String USER_AGENT = "Microcent-Webhooks/1";

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final WebhookUrlRule urls;
    private final Clock clock;

    WebhookSender(WebhookUrlRule urls, Clock clock) {
        this.urls = urls;
        this.clock = clock;
    }

    CompletableFuture<AttemptResult> send(ClaimedDelivery delivery) {
        try {
            Optional<String> refused = urls.refusalAtSend(delivery.url());
            if (refused.isPresent()) {
                return CompletableFuture.completedFuture(AttemptResult.noAnswer(refused.get()));
            }
            HttpRequest request = HttpRequest.newBuilder(delivery.url())
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", USER_AGENT)
                    .header(WebhookSignature.EVENT_ID_HEADER, delivery.eventId())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), clock.instant(), delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                    .build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(response -> AttemptResult.answered(response.statusCode()))
                    .exceptionally(WebhookSender::noAnswer);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(noAnswer(e));
        }
    }

    private static AttemptResult noAnswer(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return AttemptResult.noAnswer("no answer within " + TIMEOUT.toSeconds() + " s");
        }
        if (cause instanceof ConnectException) {
            return AttemptResult.noAnswer("could not connect" + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
        return AttemptResult.noAnswer(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }

    @Override
    public void close() {
        http.close();
    }
}
