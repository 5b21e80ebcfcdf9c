package io.microcent.ingest.keys;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeySecretTest {

    @Test
    void aSecretIsThePrefixAndThirtyTwoRandomBytesInUrlSafeBase64() {
        String secret = ApiKeySecret.generate();

        assertThat(secret).startsWith("mc_live_");
        byte[] random = Base64.getUrlDecoder().decode(secret.substring("mc_live_".length()));
        assertThat(random).hasSize(32);
        assertThat(secret).matches("mc_live_[A-Za-z0-9_-]+");
    }

    @Test
    void secretsDoNotRepeat() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            secrets.add(ApiKeySecret.generate());
        }

        assertThat(secrets).hasSize(1_000);
    }

    @Test
    void theStoredHashIsLowercaseHexSha256OfTheSecret() {
        // SHA-256("abc") from FIPS 180-2, appendix B.1
        assertThat(ApiKeySecret.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void onlyTokensShapedLikeOurSecretsAreLookedUp() {
        String secret = ApiKeySecret.generate();

        assertThat(ApiKeySecret.looksLikeSecret(secret)).isTrue();
        assertThat(ApiKeySecret.looksLikeSecret(secret + "x")).isFalse();
        assertThat(ApiKeySecret.looksLikeSecret("mc_test_" + secret.substring(8))).isFalse();
        assertThat(ApiKeySecret.looksLikeSecret("test-operator-token")).isFalse();
    }
}
