package io.microcent.model.topic.wire;

import io.microcent.model.id.EventId;
import io.microcent.model.topic.JsonSerde;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageBatch;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A rough measurement, not a test: bytes per record and nanoseconds per record written and read, JSON (the serdes
 * as they were) against binary (the serdes of {@link Topics} now), for a typical event, a typical rated line and
 * batches of 50. It prints and asserts nothing; figures depend on the machine. Run with
 * {@code ./mvnw -q -o -pl shared-model test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.microcent.model.topic.wire.WireFormatBenchmark}.
 */
public final class WireFormatBenchmark {

    private static final int BATCH = 50;
    private static final int ROUNDS = 7;
    private static long sink;

    public static void main(String[] args) {
        List<UsageEvent> events = new ArrayList<>();
        List<RatedUsage> lines = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            UsageEvent e = UsageSamples.TYPICAL_EVENT;
            UsageEvent event = new UsageEvent(1, EventId.of("evt-" + (7_000_000 + i * 7919)), e.customer(), e.timestamp().plusMillis(i * 13L),
                    e.ingestedAt().plusNanos(i * 1_000L), e.project(), e.costCenter(), e.apiKeyId(), e.user(), e.team(), e.provider(),
                    e.model(), 1, 1000 + i * 37L, 200 + i * 11L, i % 3 == 0 ? 512 : 0, 0, i % 2 == 0 ? e.reservationId() : null, e.tags());
            events.add(event);
            RatedUsage t = UsageSamples.TYPICAL_LINE;
            lines.add(new RatedUsage(event, t.period(), t.plan(), t.includedRequests(), t.overageRequests(), t.costMicrocents(),
                    t.chargeMicrocents(), t.unpriced(), t.adjustment(), t.correction(), t.charges()));
        }
        System.out.printf("%-24s %10s %10s %8s | %12s %12s | %12s %12s%n", "record", "JSON B", "binary B", "ratio",
                "JSON write", "bin write", "JSON read", "bin read");
        measure("usage event", new JsonSerde<>(UsageEvent.class).serializer(), new JsonSerde<>(UsageEvent.class).deserializer(),
                Topics.USAGE_EVENTS.valueSerde().serializer(), Topics.USAGE_EVENTS.valueSerde().deserializer(), events.getFirst(), 1);
        measure("rated line", new JsonSerde<>(RatedUsage.class).serializer(), new JsonSerde<>(RatedUsage.class).deserializer(),
                Topics.USAGE_RATED.valueSerde().serializer(), Topics.USAGE_RATED.valueSerde().deserializer(), lines.getFirst(), 1);
        measure("usage batch of " + BATCH, listWriter(UsageEvent.class, UsageBatch::events), listReader(UsageEvent.class, UsageBatch::new),
                Topics.USAGE_EVENT_BATCHES.valueSerde().serializer(), Topics.USAGE_EVENT_BATCHES.valueSerde().deserializer(),
                new UsageBatch(events), BATCH);
        measure("rated batch of " + BATCH, listWriter(RatedUsage.class, RatedBatch::lines), listReader(RatedUsage.class, RatedBatch::new),
                Topics.USAGE_RATED_BATCHES.valueSerde().serializer(), Topics.USAGE_RATED_BATCHES.valueSerde().deserializer(),
                new RatedBatch(lines), BATCH);
        System.out.println("times are ns per item (a batch's time / " + BATCH + "), the median of " + ROUNDS + " rounds; sink " + (sink & 1));
    }

    private static <T> void measure(String name, Serializer<T> jsonWriter, Deserializer<T> jsonReader,
                                    Serializer<T> binaryWriter, Deserializer<T> binaryReader, T value, int items) {
        String topic = "bench";
        byte[] json = jsonWriter.serialize(topic, value);
        byte[] binary = binaryWriter.serialize(topic, value);
        if (!binaryReader.deserialize(topic, binary).equals(value) || !jsonReader.deserialize(topic, json).equals(value)) {
            throw new IllegalStateException(name + " does not round trip");
        }
        int ops = Math.max(2_000, 200_000 / items);
        double jsonWrite = nsPerItem(ops, items, () -> sink += jsonWriter.serialize(topic, value).length);
        double binaryWrite = nsPerItem(ops, items, () -> sink += binaryWriter.serialize(topic, value).length);
        double jsonRead = nsPerItem(ops, items, () -> sink += jsonReader.deserialize(topic, json).hashCode());
        double binaryRead = nsPerItem(ops, items, () -> sink += binaryReader.deserialize(topic, binary).hashCode());
        System.out.printf("%-24s %10d %10d %7.1f%% | %9.0f ns %9.0f ns | %9.0f ns %9.0f ns%n", name, json.length, binary.length,
                100.0 * binary.length / json.length, jsonWrite, binaryWrite, jsonRead, binaryRead);
    }

    private static double nsPerItem(int ops, int items, Runnable op) {
        double[] rounds = new double[ROUNDS + 3];
        for (int round = 0; round < rounds.length; round++) { // the first three warm up
            long start = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                op.run();
            }
            rounds[round] = (System.nanoTime() - start) / (double) ops / items;
        }
        double[] measured = Arrays.copyOfRange(rounds, 3, rounds.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    private static <B, E> Serializer<B> listWriter(Class<E> type, java.util.function.Function<B, List<E>> items) {
        Serializer<List<E>> list = JsonSerde.listOf(type).serializer();
        return (topic, batch) -> list.serialize(topic, items.apply(batch));
    }

    private static <B, E> Deserializer<B> listReader(Class<E> type, java.util.function.Function<List<E>, B> batch) {
        Deserializer<List<E>> list = JsonSerde.listOf(type).deserializer();
        return (topic, bytes) -> batch.apply(list.deserialize(topic, bytes));
    }
}
