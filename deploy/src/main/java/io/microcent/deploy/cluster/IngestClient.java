package io.microcent.deploy.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.microcent.model.json.Json;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends usage as a gateway that must not lose any: each batch to the ingest instances in turn, starting with the
 * next one each time, and whatever got no 202 (no answer, 5xx, 503) to the other, again and again with the same
 * ids until acknowledged. Ingest drops an id it has seen, and rating drops one it has rated, so resending is safe.
 * Acknowledged events go into the {@link Ledger}.
 */
final class IngestClient {

    private static final Duration BACKOFF = Duration.ofMillis(200);

    private final List<String> ingestUrls;
    private final String ingestKey;
    private final Ledger ledger;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong resends = new AtomicLong();

    IngestClient(List<String> ingestUrls, String ingestKey, Ledger ledger) {
        this.ingestUrls = List.copyOf(ingestUrls);
        this.ingestKey = ingestKey;
        this.ledger = ledger;
    }

    /** Returns once the batch is acknowledged, or refused for good (then the ledger counts it refused). */
    void send(List<SentEvent> batch) {
        ArrayNode array = Json.mapper().createArrayNode();
        batch.forEach(e -> array.add(e.json()));
        String body = array.toString();
        int first = Math.floorMod(next.getAndIncrement(), ingestUrls.size());
        for (int attempt = 0; ; attempt++) {
            String url = ingestUrls.get((first + attempt) % ingestUrls.size());
            Http.Answer answer = Http.post(url + "/v1/events", ingestKey, body);
            if (answer.status() == 202) {
                ledger.acknowledged(batch);
                return;
            }
            if (answer.status() == 422 && "timestamp_too_old".equals(firstErrorCode(answer))) {
                ledger.refused(batch);
                return;
            }
            // a customer registered a moment ago may not have reached this ingest instance's customer list yet
            boolean notKnownYet = answer.status() == 422 && "customer_not_found".equals(firstErrorCode(answer));
            if (!answer.unavailable() && !notKnownYet) {
                throw new IllegalStateException("ingest refused a valid batch: " + answer.status() + " " + answer.json());
            }
            resends.incrementAndGet();
            if (attempt % ingestUrls.size() == ingestUrls.size() - 1) {
                Pause.of(BACKOFF);
            }
        }
    }

    /** How many times a batch had to be sent again. */
    long resends() {
        return resends.get();
    }

    /**
     * Whether {@code url} alone acknowledged a one-event batch: the probe of one ingest instance. When it did not,
     * the event is sent on as any other (it may be in Kafka already), so the ledger stays exact.
     */
    boolean acknowledgedBy(String url, SentEvent event) {
        ArrayNode array = Json.mapper().createArrayNode().add(event.json());
        if (Http.post(url + "/v1/events", ingestKey, array.toString()).status() == 202) {
            ledger.acknowledged(List.of(event));
            return true;
        }
        send(List.of(event));
        return false;
    }

    private static String firstErrorCode(Http.Answer answer) {
        var errors = answer.json().path("errors");
        return errors.isArray() && !errors.isEmpty() ? errors.get(0).path("code").asText() : answer.code();
    }
}
