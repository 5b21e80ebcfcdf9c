package io.microcent.caps;

import io.microcent.caps.authorize.StubIngest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Caps run on its own (no launcher plugging ingest in) checks ingest keys with ingest at MICROCENT_INGEST_URL. */
class CapsAloneAuthorizeTest {

    @Test
    void ingestKeysAreCheckedWithIngestOverHttpAndTheOperatorTokenIsNeverSentThere() {
        String customer = "initech-" + UUID.randomUUID().toString().substring(0, 8);
        String call = """
                {"customer":"%s","estimatedInputTokens":1,"maxOutputTokens":1}""";
        try (StubIngest ingest = StubIngest.start().withKey("mc_live_gateway", """
                {"id":"key_1","name":"gateway","customer":"%s"}""".formatted(customer));
             RunningCaps caps = RunningCaps.start(new CapsModule(), Map.of("MICROCENT_INGEST_URL", ingest.url().toString()), 0)) {
            caps.createCustomer(customer);

            ApiClient.Response asOperator = caps.api.post("/v1/authorize", call.formatted(customer));
            ApiClient.Response withKey = caps.api.withToken("mc_live_gateway").post("/v1/authorize", call.formatted(customer));
            ApiClient.Response forAnother = caps.api.withToken("mc_live_gateway").post("/v1/authorize", call.formatted("globex"));
            ApiClient.Response unknownKey = caps.api.withToken("mc_live_unknown").post("/v1/authorize", call.formatted(customer));

            assertThat(asOperator.status()).isEqualTo(200);
            assertThat(withKey.status()).isEqualTo(200);
            assertThat(withKey.body().get("allowed").asBoolean()).isTrue();
            assertThat(forAnother.status()).isEqualTo(403);
            assertThat(unknownKey.status()).isEqualTo(401);
            // the key found active is remembered (MICROCENT_CAPS_INGEST_KEY_CACHE_TTL_SECONDS), the unknown one is not
            assertThat(ingest.authorizations()).containsExactly("Bearer mc_live_gateway", "Bearer mc_live_unknown");
        }
    }
}
