package io.microcent.deploy;

import io.microcent.model.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/**
 * {@code --demo}: loads a demo customer, an ingest key and a day and a half of usage ({@link DemoUsage})
 * through the platform's own API (the same calls an operator and a gateway make) and prints where the
 * console is and a curl line that sends a usage event.
 */
final class Demo {

    private static final Logger log = LoggerFactory.getLogger(Demo.class);
    static final String CUSTOMER = "demo";

    private final String base;
    private final String operatorToken;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();

    Demo(String base, String operatorToken, Clock clock) {
        this.base = base;
        this.operatorToken = operatorToken;
        this.clock = clock;
    }

    void load() {
        try {
            HttpResponse<String> customer = post("/v1/customers",
                    "{\"id\":\"" + CUSTOMER + "\",\"name\":\"Demo Inc\",\"plan\":\"starter\"}");
            if (customer.statusCode() != 201 && customer.statusCode() != 409) {
                log.warn("demo customer not created: {} {}", customer.statusCode(), customer.body());
                return;
            }
            HttpResponse<String> key = post("/v1/api-keys", "{\"name\":\"demo\",\"customer\":\"" + CUSTOMER + "\"}");
            if (key.statusCode() != 201) {
                log.warn("demo ingest key not created: {} {}", key.statusCode(), key.body());
                return;
            }
            String secret = Json.mapper().readTree(key.body()).path("secret").asText();
            HttpResponse<String> usage = send("/v1/events", secret, DemoUsage.events(CUSTOMER, clock.instant()).toString());
            if (usage.statusCode() != 202) {
                log.warn("demo usage not sent: {} {}", usage.statusCode(), usage.body());
            }
            System.out.println(instructions(secret));
        } catch (IOException e) {
            log.warn("demo data not loaded", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String instructions(String secret) {
        String event = "{\"id\":\"demo-evt-1\",\"customer\":\"" + CUSTOMER + "\",\"timestamp\":\"" + clock.instant()
                + "\",\"provider\":\"openai\",\"model\":\"gpt-4o\",\"inputTokens\":1200,\"outputTokens\":300}";
        return """

                  Demo loaded: customer '%s' on the Starter plan, an ingest key scoped to it, and %d LLM calls
                  of seven users in three teams over the last day and a half.
                  Open the console: %s/console (sign in with the operator token: %s)
                  Send a usage event:
                    curl -s -X POST %s/v1/events -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' -d '%s'
                  See the month's usage:
                    curl -s '%s/v1/customers/%s/usage' -H 'Authorization: Bearer %s'
                """.formatted(CUSTOMER, DemoUsage.EVENTS, base, operatorToken, base, secret, event, base, CUSTOMER, operatorToken);
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(path, operatorToken, json);
    }

    private HttpResponse<String> send(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
