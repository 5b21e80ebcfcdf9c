package io.microcent.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * One running Kafka Streams application: started with its metrics bound to the service's registry,
 * ready while {@link KafkaStreams.State#RUNNING}, closed within a bounded time, leaving its group.
 */
public final class StreamsRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;

    private StreamsRunner(String name, KafkaStreams streams, KafkaStreamsMetrics metrics) {
        this.name = name;
        this.streams = streams;
        this.metrics = metrics;
    }

    /**
     * Starts {@code topology}; returns at once, the application becomes ready once its tasks are assigned. The
     * config's {@code client.id} must name this instance (stable across restarts, see {@code InstanceId}): it is
     * also the application's static group member name, so a restart after a crash gets its tasks back at once.
     */
    public static StreamsRunner start(String name, Topology topology, Map<String, Object> config, MeterRegistry meters) {
        Object clientId = config.get(StreamsConfig.CLIENT_ID_CONFIG);
        if (clientId == null) {
            throw new IllegalArgumentException(name + " streams: client.id must name this instance");
        }
        Properties props = new Properties();
        props.putAll(KafkaConfigs.staticStreamsMember(new HashMap<>(config), clientId.toString()));
        // the dead-letter handlers and processors count what they set aside in this service's registry
        props.put(DeadLetterCounter.CONFIG, new DeadLetterCounter(meters));
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setStateListener((now, before) -> log.info("{} streams: {} -> {}", name, before, now));
        // A record a processor throws on is set aside by DeadLetterHandlers and never reaches this handler;
        // what does is the infrastructure failing (state store, producer fenced beyond recovery): stop this
        // client so readiness turns DOWN rather than go on in an unknown state.
        streams.setUncaughtExceptionHandler(e -> {
            log.error("{} streams stopped by an unexpected error", name, e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setGlobalStateRestoreListener(new RestoreProgress(name, meters));
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(meters);
        streams.start();
        log.info("{} streams started", name);
        return new StreamsRunner(name, streams, metrics);
    }

    /** For interactive queries of state stores. */
    public KafkaStreams streams() {
        return streams;
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /**
     * Stops the application within {@link #CLOSE_TIMEOUT}, leaving its consumer group on the way out. A static
     * member (see {@link #start}) stays in the group when it closes by default, so the partitions of a stopped
     * instance would wait for the session timeout ({@link KafkaConfigs#SESSION_TIMEOUT}) before another instance
     * took them over: that long without rating, without caps answering for those customers. Leaving hands them
     * over at once; the same instance restarted is let back in at once either way.
     */
    @Override
    public void close() {
        boolean clean = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        metrics.close();
        if (clean) {
            log.info("{} streams closed", name);
        } else {
            log.warn("{} streams did not close within {}", name, CLOSE_TIMEOUT);
        }
    }
}
