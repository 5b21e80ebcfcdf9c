package io.microcent.deploy.cluster;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

/**
 * What a run creates through the public API before the load starts, through whichever instance answers: the
 * customers (invoicing), an ingest key (ingest) and a hard cap (caps).
 */
final class ClusterSetup {

    static final String PLAN = "starter";
    private static final Duration WITHIN = Duration.ofMinutes(2);

    private ClusterSetup() {
    }

    static void customers(LocalCluster cluster, List<String> ids) {
        for (String id : ids) {
            create(cluster, ProcessKind.INVOICING, "/v1/customers",
                    "{\"id\":\"" + id + "\",\"name\":\"Customer " + id + "\",\"plan\":\"" + PLAN + "\"}");
        }
    }

    /** A new ingest key for every customer; returns its secret. */
    static String ingestKey(LocalCluster cluster) {
        return create(cluster, ProcessKind.INGEST, "/v1/api-keys", "{\"name\":\"cluster-load\"}").path("secret").asText();
    }

    /** A hard monthly cap on provider cost for {@code customer}. */
    static void hardCostCap(LocalCluster cluster, String customer, long amountMicrocents) {
        create(cluster, ProcessKind.CAPS, "/v1/caps", "{\"customer\":\"" + customer + "\",\"scope\":\"customer\",\"scopeId\":\""
                + customer + "\",\"amountMicrocents\":" + amountMicrocents + ",\"period\":\"month\",\"measure\":\"cost\",\"mode\":\"hard\"}");
    }

    /** POSTs until an instance answers 201 (a 503 or no answer is tried again, elsewhere). */
    private static JsonNode create(LocalCluster cluster, ProcessKind kind, String path, String json) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        for (int attempt = 0; ; attempt++) {
            List<String> urls = cluster.urls(kind);
            Http.Answer answer = Http.post(urls.get(attempt % urls.size()) + path, LocalCluster.OPERATOR_TOKEN, json);
            if (answer.status() == 201 || "customer_exists".equals(answer.code())) {
                return answer.json(); // a 409: an earlier attempt that got no answer created it
            }
            boolean transientRefusal = answer.unavailable() || "customer_not_found".equals(answer.json().path("errors").path(0).path("code").asText());
            if (!transientRefusal || System.nanoTime() > deadline) {
                throw new IllegalStateException("POST " + path + " " + json + " answered " + answer.status() + " " + answer.json() + answer.failure());
            }
            Pause.of(Duration.ofMillis(500));
        }
    }
}
