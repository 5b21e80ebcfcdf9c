package io.microcent.caps.authorize;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.json.Json;
import io.microcent.platform.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ingest keys checked by asking ingest-service over HTTP, for caps run on its own ({@code MICROCENT_INGEST_URL}):
 * {@code GET /v1/api-keys/current} with the presented secret answers the key it belongs to (200) or that it
 * is none (401). Nothing is cached here: ingest caches active keys itself, and a revocation must not wait
 * for two caches. Given several ingest instances, it asks the one that answered last, and the next when
 * that one does not answer. While none answers, a key cannot be checked: 503, retry.
 */
public final class IngestKeysOverHttp implements IngestKeyVerifier {

    static final String CURRENT_KEY_PATH = "/v1/api-keys/current";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(IngestKeysOverHttp.class);

    private final List<URI> currentKey;
    /** The instance asked first: the one that answered last. */
    private final AtomicInteger preferred = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** @param ingestUrl where ingest-service answers, e.g. {@code http://ingest:8081} */
    public IngestKeysOverHttp(URI ingestUrl) {
        this(List.of(ingestUrl));
    }

    /** @param ingestUrls the ingest instances, any of which may answer */
    public IngestKeysOverHttp(List<URI> ingestUrls) {
        if (ingestUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one ingest URL");
        }
        this.currentKey = ingestUrls.stream().map(url -> url.resolve(CURRENT_KEY_PATH)).toList();
    }

    @Override
    public Optional<IngestKey> verify(String secret) {
        int first = preferred.get();
        ApiException unanswered = null;
        for (int i = 0; i < currentKey.size(); i++) {
            int index = (first + i) % currentKey.size();
            try {
                Optional<IngestKey> key = verify(currentKey.get(index), secret);
                preferred.set(index);
                return key;
            } catch (ApiException e) {
                unanswered = e;
            }
        }
        throw unanswered;
    }

    private Optional<IngestKey> verify(URI currentKey, String secret) {
        HttpRequest request = HttpRequest.newBuilder(currentKey).timeout(TIMEOUT).GET()
                .header("Authorization", "Bearer " + secret)
                .header("Accept", "application/json")
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            log.warn("could not ask ingest at {} about an API key: {}", currentKey, e.toString());
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        return switch (response.statusCode()) {
            case 200 -> Optional.of(keyOf(currentKey, response.body()));
            case 401 -> Optional.empty();
            default -> {
                log.warn("ingest at {} answered {} about an API key: {}", currentKey, response.statusCode(), response.body());
                throw unavailable();
            }
        };
    }

    private static IngestKey keyOf(URI currentKey, String body) {
        try {
            JsonNode key = Json.mapper().readTree(body);
            JsonNode customer = key.get("customer");
            return new IngestKey(key.required("id").asText(),
                    customer == null || customer.isNull() ? null : CustomerId.of(customer.asText()));
        } catch (IOException | IllegalArgumentException e) { // also a missing id, an invalid customer
            log.warn("ingest at {} answered an API key caps cannot read: {} ({})", currentKey, body, e.toString());
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "ingest API keys cannot be checked right now; retry shortly");
    }
}
