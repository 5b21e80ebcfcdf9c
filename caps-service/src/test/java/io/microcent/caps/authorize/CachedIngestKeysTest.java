package io.microcent.caps.authorize;

import io.microcent.platform.http.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ingest keys remembered by caps on its own: asked about once per time to live, never remembered when unknown. */
class CachedIngestKeysTest {

    private static final String SECRET = "mc_live_gateway";
    private static final String KEY = """
            {"id":"key_7","name":"gateway","customer":"acme","createdAt":"2026-11-01T10:00:00Z"}""";
    private static final Duration TTL = Duration.ofSeconds(10);

    private final StubIngest ingest = StubIngest.start();
    private final AtomicLong nanos = new AtomicLong();
    private final CachedIngestKeys keys = new CachedIngestKeys(new IngestKeysOverHttp(ingest.url()), TTL, nanos::get);

    @AfterEach
    void stop() {
        ingest.close();
    }

    @Test
    void anActiveKeyIsAskedAboutOnceWithinItsTimeToLive() {
        ingest.withKey(SECRET, KEY);

        for (int i = 0; i < 3; i++) {
            assertThat(keys.verify(SECRET)).hasValueSatisfying(key -> assertThat(key.id()).isEqualTo("key_7"));
        }

        assertThat(ingest.authorizations()).hasSize(1);
    }

    @Test
    void aKeyIsAskedAboutAgainOnceItsEntryExpired() {
        ingest.withKey(SECRET, KEY);
        keys.verify(SECRET);

        nanos.addAndGet(TTL.plusMillis(1).toNanos());
        ingest.answering(401, "{}"); // revoked meanwhile

        assertThat(keys.verify(SECRET)).isEmpty();
        assertThat(ingest.authorizations()).hasSize(2);
    }

    @Test
    void anUnknownSecretIsAskedAboutEveryTimeSoThatAKeyCreatedMeanwhileWorksAtOnce() {
        assertThat(keys.verify(SECRET)).isEmpty();
        assertThat(keys.verify(SECRET)).isEmpty();

        ingest.withKey(SECRET, KEY);

        assertThat(keys.verify(SECRET)).isPresent();
        assertThat(ingest.authorizations()).hasSize(3);
    }

    @Test
    void anIngestThatCannotAnswerIsNotRemembered() {
        ingest.withKey(SECRET, KEY).answering(500, "{}");
        assertThatThrownBy(() -> keys.verify(SECRET)).isInstanceOf(ApiException.class);

        ingest.answering(200, KEY);

        assertThat(keys.verify(SECRET)).isPresent();
    }

    @Test
    void noTimeToLiveMeansNoCache() {
        IngestKeysOverHttp checker = new IngestKeysOverHttp(ingest.url());

        assertThat(CachedIngestKeys.of(checker, Duration.ZERO)).isSameAs(checker);
        assertThat(CachedIngestKeys.of(checker, TTL)).isInstanceOf(CachedIngestKeys.class);
    }
}
