package io.microcent.caps.authorize;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.http.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IngestKeysOverHttpTest {

    private static final String SECRET = "mc_live_gateway";

    private final StubIngest ingest = StubIngest.start();
    private final IngestKeysOverHttp keys = new IngestKeysOverHttp(ingest.url());

    @AfterEach
    void stop() {
        ingest.close();
    }

    @Test
    void aKeyScopedToACustomerIsTheKeyIngestShowsForTheSecret() {
        ingest.withKey(SECRET, """
                {"id":"key_7","name":"gateway","customer":"acme","createdAt":"2026-11-01T10:00:00Z"}""");

        assertThat(keys.verify(SECRET)).hasValueSatisfying(key -> {
            assertThat(key.id()).isEqualTo("key_7");
            assertThat(key.permits(CustomerId.of("acme"))).isTrue();
            assertThat(key.permits(CustomerId.of("globex"))).isFalse();
        });
        assertThat(ingest.authorizations()).containsExactly("Bearer " + SECRET);
    }

    @Test
    void aKeyWithoutACustomerMayActForAnyCustomer() {
        ingest.withKey(SECRET, "{\"id\":\"key_8\",\"name\":\"all customers\"}");

        assertThat(keys.verify(SECRET)).hasValueSatisfying(key -> assertThat(key.permits(CustomerId.of("globex"))).isTrue());
    }

    @Test
    void aSecretIngestRefusesIsNoKey() {
        assertThat(keys.verify("mc_live_revoked")).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            503 | {"code":"service_unavailable"}
            500 | oops
            200 | {"name":"no id"}
            200 | {"id":"key_9","customer":"not a slug"}
            200 | not json
            """)
    void anAnswerThatIsNeitherAKeyNorARefusalMeansKeysCannotBeCheckedNow(int status, String body) {
        ingest.answering(status, body);

        ApiException e = catchThrowableOfType(ApiException.class, () -> keys.verify(SECRET));

        assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void anIngestInstanceThatDoesNotAnswerIsPassedOverForTheNext() throws Exception {
        ingest.withKey(SECRET, "{\"id\":\"key_8\",\"name\":\"all customers\"}");
        IngestKeysOverHttp twoInstances = new IngestKeysOverHttp(List.of(closedUrl(), ingest.url()));

        assertThat(twoInstances.verify(SECRET)).hasValueSatisfying(key -> assertThat(key.id()).isEqualTo("key_8"));
        assertThat(twoInstances.verify(SECRET)).isPresent();
        assertThat(ingest.authorizations()).hasSize(2);
    }

    @Test
    void anIngestThatDoesNotAnswerMeansKeysCannotBeCheckedNow() throws Exception {
        IngestKeysOverHttp nowhere = new IngestKeysOverHttp(List.of(closedUrl(), closedUrl()));

        ApiException e = catchThrowableOfType(ApiException.class, () -> nowhere.verify(SECRET));

        assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    private static URI closedUrl() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
