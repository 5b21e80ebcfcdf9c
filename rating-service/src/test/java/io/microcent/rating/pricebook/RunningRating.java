package io.microcent.rating.pricebook;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.json.Json;
import io.microcent.model.topic.Topic;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.TestContexts;
import io.microcent.rating.RatingModule;
import io.microcent.rating.RatingService;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** The rating service on the shared test Kafka and PostgreSQL, started through its module, served over real HTTP. */
public final class RunningRating implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final ServiceContext context;
    private final RatingService service;
    private final HttpServer http;

    private RunningRating(ServiceContext context, RatingService service, HttpServer http) {
        this.context = context;
        this.service = service;
        this.http = http;
    }

    public static RunningRating start() {
        return start(TestContexts.forService(RatingModule.NAME));
    }

    /** Rating on this context: e.g. one with a database of its own, or the context of an instance stopped before. */
    public static RunningRating start(ServiceContext context) {
        RatingModule module = new RatingModule();
        module.configure(context.env());
        context.env().validate();
        RatingService service = (RatingService) module.start(context);
        HttpServer http = HttpServer.start("127.0.0.1", 0, List.of(service.routes()), Map.of(), context.meters());
        await().atMost(WAIT).until(service::isReady);
        return new RunningRating(context, service, http);
    }

    public ServiceContext context() {
        return context;
    }

    public RatingService service() {
        return service;
    }

    public HttpResponse<String> send(String method, String path, String body) {
        return send(method, path, TestContexts.OPERATOR_TOKEN, body);
    }

    public HttpResponse<String> send(String method, String path, String token, String body) {
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

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <K, V> void produce(Topic<K, V> topic, K key, V value) {
        var config = KafkaConfigs.durableProducer(context.kafkaBootstrap(), "price-book-test-producer");
        try (var producer = new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    @Override
    public void close() {
        http.close();
        service.close();
    }
}
