package io.microcent.caps.webhooks;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends one attempt of a delivery: a signed POST of the stored body. Redirects are not followed (a signed
 * request goes where it was configured to go, or fails). Never throws: every way an attempt can end is an
 * {@link AttemptResult}.
 */
final class WebhookSender implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String USER_AGENT = "Microcent-Webhooks/1";
    /** How much of an error answer the delivery log keeps. */
    private static final int ANSWER_SNIPPET_BYTES = 300;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Clock clock;

    WebhookSender(Clock clock) {
        this.clock = clock;
    }

    CompletableFuture<AttemptResult> send(ClaimedDelivery delivery) {
        try {
            HttpRequest request = HttpRequest.newBuilder(delivery.url())
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", USER_AGENT)
                    .header(WebhookSignature.EVENT_ID_HEADER, delivery.alertId())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), clock.instant(), delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                    .build();
            return http.sendAsync(request, firstBytes(ANSWER_SNIPPET_BYTES))
                    .thenApply(response -> AttemptResult.answered(response.statusCode(), response.body()))
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

    /** Keeps the start of an answer for the delivery log and discards the rest as it streams in. */
    private static HttpResponse.BodyHandler<String> firstBytes(int limit) {
        return info -> {
            ByteArrayOutputStream start = new ByteArrayOutputStream();
            return HttpResponse.BodySubscribers.mapping(
                    HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes -> {
                        int room = limit - start.size();
                        if (room > 0) {
                            start.write(bytes, 0, Math.min(room, bytes.length));
                        }
                    })),
                    done -> start.toString(StandardCharsets.UTF_8).strip());
        };
    }

    @Override
    public void close() {
        http.close();
    }
}
