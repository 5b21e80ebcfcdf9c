package io.microcent.caps.authorize;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DecodedOnChangeTest {

    private final Map<Bytes, byte[]> store = new HashMap<>();
    private final AtomicInteger decodings = new AtomicInteger();
    private final Deserializer<String> countingDecoder = (topic, bytes) -> {
        decodings.incrementAndGet();
        return new String(bytes, StandardCharsets.UTF_8);
    };
    private final DecodedOnChange<String, String> values =
            new DecodedOnChange<>("store", Serdes.String().serializer(), countingDecoder, 10);

    @Test
    void decodesAValueOnceAsLongAsTheStoreKeepsTheSameBytes() {
        put("acme", "one");

        assertThat(values.get("acme", store::get)).isEqualTo("one");
        assertThat(values.get("acme", store::get)).isEqualTo("one");
        assertThat(decodings).hasValue(1);
    }

    @Test
    void decodesAgainWhenTheBytesChangedAndForgetsAValueNoLongerKept() {
        put("acme", "one");
        values.get("acme", store::get);

        put("acme", "two");
        assertThat(values.get("acme", store::get)).isEqualTo("two");

        store.clear();
        assertThat(values.get("acme", store::get)).isNull();
        put("acme", "two");
        assertThat(values.get("acme", store::get)).isEqualTo("two");
        assertThat(decodings).hasValue(3);
    }

    @Test
    void aValueChangedInPlaceInTheStoresArrayIsStillSeen() {
        byte[] kept = "one".getBytes(StandardCharsets.UTF_8);
        store.put(key("acme"), kept);
        values.get("acme", store::get);

        kept[2] = 'x';

        assertThat(values.get("acme", store::get)).isEqualTo("onx");
    }

    private void put(String key, String value) {
        store.put(key(key), value.getBytes(StandardCharsets.UTF_8));
    }

    private static Bytes key(String key) {
        return Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
    }
}
