package io.microcent.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.microcent.model.deadletter.DeadLetter;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts records set aside, per consumer and reason, in the service's registry: Prometheus shows
 * {@code microcent_dead_letters_total{consumer,reason}}, and {@code /health/ready} reads the same counters
 * to name the components that are degraded ({@link #perConsumer}).
 */
public final class DeadLetterCounter {

    public static final String METER = "microcent.dead.letters";
    /** The Kafka Streams config key under which {@link StreamsRunner} hands the counter to the exception handlers and processors. */
    public static final String CONFIG = "microcent.dead-letters.counter";

    private final MeterRegistry meters;

    public DeadLetterCounter(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The counter configured in {@code configs}, or one of its own when none is (a topology test driver). */
    public static DeadLetterCounter from(Map<String, ?> configs) {
        return configs.get(CONFIG) instanceof DeadLetterCounter counter ? counter : new DeadLetterCounter(new SimpleMeterRegistry());
    }

    public void count(DeadLetter letter) {
        Counter.builder(METER)
                .description("Records set aside on the dead-letters topic instead of being processed")
                .tag("consumer", letter.consumer())
                .tag("reason", letter.reason().code())
                .register(meters)
                .increment();
    }

    /** Records set aside since this process started, per consumer that set any aside. */
    public static Map<String, Long> perConsumer(MeterRegistry meters) {
        Map<String, Long> counts = new TreeMap<>();
        for (Counter counter : meters.find(METER).counters()) {
            long count = (long) counter.count();
            if (count > 0) {
                counts.merge(counter.getId().getTag("consumer"), count, Long::sum);
            }
        }
        return counts;
    }
}
