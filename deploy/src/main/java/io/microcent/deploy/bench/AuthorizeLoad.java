package io.microcent.deploy.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** {@code POST /v1/authorize}: the fixed-rate latency run and the closed-loop runs of one customer. */
final class AuthorizeLoad {

    private final HttpLoad http = new HttpLoad();
    private final URI uri;
    private final String ingestSecret;

    AuthorizeLoad(int port, String ingestSecret) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/v1/authorize");
        this.ingestSecret = ingestSecret;
    }

    /** {@code perSecond} authorizations a second for {@code duration}, round robin over the bench customers. */
    LoadFigures openLoop(int perSecond, Duration duration, int customers) {
        int total = (int) (perSecond * duration.toSeconds());
        return http.openLoop(new HttpLoad.Workload(total, i -> request(BenchEvents.customer(i, customers), i), 200, i -> 1),
                1_000_000_000L / perSecond);
    }

    /**
     * {@code requests} authorizations for one customer from {@code connections} clients, each sending its next
     * request when the last one answered: the rate the server sustains, for comparing decisions with few and
     * with many open reservations.
     */
    LoadFigures closedLoop(String customer, int requests, int connections) {
        return http.closedLoop(new HttpLoad.Workload(requests, i -> request(customer, i), 200, i -> 1), connections);
    }

    /** An authorization that reserves the worst case of a gpt-4o call with 800 input and up to 200 output tokens. */
    private HttpRequest request(String customer, int i) {
        String body = "{\"customer\":\"" + customer + "\",\"project\":\"p" + (i % 7)
                + "\",\"model\":\"gpt-4o\",\"estimatedInputTokens\":800,\"maxOutputTokens\":200}";
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ingestSecret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
