package io.microcent.rating.rerate;

import io.microcent.rating.RatedLog;
import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ModelId;
import io.microcent.model.json.Json;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.KafkaTestRecords;
import io.microcent.platform.test.TestContexts;
import io.microcent.rating.stream.RatingTopology;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Talking to a rating service (or just its routes) over real HTTP, on the shared test Kafka and PostgreSQL. */
final class RatingUnderTest implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final ServiceContext context;
    private final HttpServer http;
    private final KafkaProducer<byte[], byte[]> producer;

    RatingUnderTest(ServiceContext context, HttpRoutes routes) {
        this.context = context;
        this.http = HttpServer.start("127.0.0.1", 0, List.of(routes), Map.of(), context.meters());
        this.producer = new KafkaProducer<>(KafkaConfigs.durableProducer(context.kafkaBootstrap(), context.instanceId() + "-test"),
                (topic, bytes) -> bytes, (topic, bytes) -> bytes);
    }

    ServiceContext context() {
        return context;
    }

    HttpResponse<String> send(String method, String path, String body) {
        return send(method, path, TestContexts.OPERATOR_TOKEN, body);
    }

    HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Produces one record, keyed by customer, acknowledged before returning; returns its partition. */
    <V> int produce(Topic<CustomerId, V> topic, CustomerId customer, V value) {
        return send(topic, customer, value, null);
    }

    /**
     * Produces one record stamped {@code at}. Kafka Streams takes a task's records in timestamp order, so a plan
     * stamped now would be taken after usage stamped in the past even when produced first; stamping the plan
     * with the moment it starts keeps the order the test means.
     */
    <V> int produceAt(Topic<CustomerId, V> topic, CustomerId customer, V value, Instant at) {
        return send(topic, customer, value, at.toEpochMilli());
    }

    /** A usage event as ingest produces it: its Kafka timestamp is its ingest time. */
    int produce(UsageEvent event) {
        return send(Topics.USAGE_EVENTS, event.customer(), event, event.ingestedAt().toEpochMilli());
    }

    private <V> int send(Topic<CustomerId, V> topic, CustomerId customer, V value, Long timestamp) {
        byte[] key = topic.keySerde().serializer().serialize(topic.name(), customer);
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        try {
            return producer.send(new ProducerRecord<>(topic.name(), null, timestamp, key, bytes)).get().partition();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    /** The customer's lines on usage.rated as a read_committed consumer sees them now, in order. */
    List<RatedUsage> rated(CustomerId customer) {
        return RatedLog.linesOf(context.kafkaBootstrap(), customer);
    }

    /** The model's price history as the running topology's global price book holds it. */
    static ModelPriceHistory inTopology(KafkaStreams streams, ModelId model) {
        return streams.store(StoreQueryParameters.fromNameAndType(RatingTopology.PRICE_BOOK_STORE,
                QueryableStoreTypes.<ModelId, ModelPriceHistory>keyValueStore())).get(model);
    }

    @Override
    public void close() {
        producer.close();
        http.close();
    }
}
