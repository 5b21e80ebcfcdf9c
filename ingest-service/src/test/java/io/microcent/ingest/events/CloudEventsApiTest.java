package io.microcent.ingest.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.microcent.ingest.IngestTestApp;
import io.microcent.ingest.UsageLog;
import io.microcent.model.usage.Tag;
import io.microcent.model.usage.UsageEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.microcent.ingest.IngestTestApp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** CloudEvents built and serialized by the CloudEvents Java SDK, as a sender would, posted over HTTP. */
class CloudEventsApiTest {

    private static final String CLOUDEVENTS_BATCH = "application/cloudevents-batch+json";
    private static final EventFormat FORMAT = new JsonFormat();

    private static IngestTestApp app;
    private static String secret;
    private static UsageLog usageLog;

    @BeforeAll
    static void start() {
        app = IngestTestApp.start();
        secret = app.createKey("cloudevents test", null).get("secret").asText();
        usageLog = app.usageLog();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aCloudEventIsProducedWithItsSubjectAsCustomerItsTimeAsTimestampAndItsDataAsUsage() {
        String customer = app.newCustomer();
        OffsetDateTime time = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(3).truncatedTo(ChronoUnit.MILLIS);
        CloudEvent event = usageEvent("ce-1", customer, time, """
                {"project":"Search","costCenter":"R&D","apiKeyId":"gw-7","user":"ann@acme.io","team":"core",
                 "provider":"openai","model":"gpt-4o","requests":2,"inputTokens":1000,"outputTokens":200,
                 "cacheReadTokens":300,"cacheWriteTokens":40,"tags":["feature:chat","env:prod"]}""").build();

        HttpResponse<String> response = app.postEvents(secret, FORMAT.serializedContentType(), FORMAT.serialize(event));

        assertThat(FORMAT.serializedContentType()).isEqualTo("application/cloudevents+json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response).get("accepted").asInt()).isEqualTo(1);
        UsageEvent produced = single(usageLog.eventsOf(customer));
        assertThat(produced.id().raw()).isEqualTo("ce-1");
        assertThat(produced.customer().raw()).isEqualTo(customer);
        assertThat(produced.timestamp()).isEqualTo(time.toInstant());
        assertThat(produced).extracting(e -> e.project().raw(), e -> e.costCenter().raw(), e -> e.apiKeyId().raw(),
                        e -> e.user().raw(), e -> e.team().raw(), UsageEvent::provider, e -> e.model().raw())
                .containsExactly("Search", "R&D", "gw-7", "ann@acme.io", "core", "openai", "gpt-4o");
        assertThat(produced).extracting(UsageEvent::requests, UsageEvent::inputTokens, UsageEvent::outputTokens,
                UsageEvent::cacheReadTokens, UsageEvent::cacheWriteTokens).containsExactly(2L, 1000L, 200L, 300L, 40L);
        assertThat(produced.tags()).extracting(Tag::raw).containsExactly("env:prod", "feature:chat");
    }

    @Test
    void aBadTagInDataIsNamedWithItsPathInData() {
        String customer = app.newCustomer();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        HttpResponse<String> response = app.postEvents(secret, CLOUDEVENTS_BATCH, batch(
                usageEvent("tag-0", customer, now, "{\"tags\":[\"env:prod\"]}").build(),
                usageEvent("tag-1", customer, now, "{\"tags\":[\"env:prod\",\"no-colon\"]}").build()));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors")).extracting(e -> e.get("index").asInt(), e -> e.get("field").asText(),
                e -> e.get("code").asText()).containsExactly(tuple(1, "data.tags[1]", "invalid_tag"));
        assertThat(usageLog.eventsOf(customer)).isEmpty();
    }

    @Test
    void aBatchOfCloudEventsIsProducedInOrderIncludingAProvidersWholeResponseInData() {
        String customer = app.newCustomer();
        OffsetDateTime time = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        String openAiResponse = EventIngestionApiTest.testPayload(
                "payloads/llm/openai_responses_cached_reasoning.recorded-pydantic-ai.json");

        HttpResponse<String> response = app.postEvents(secret, CLOUDEVENTS_BATCH, batch(
                usageEvent("b-1", customer, time, "{\"inputTokens\":10}").build(),
                usageEvent("b-2", customer, time, "{\"provider\":\"openai\",\"model\":\"gpt-5\",\"usage\":" + openAiResponse + "}")
                        .build(),
                usageEvent("b-3", customer, time, "{\"outputTokens\":7}").withType("com.example.anything").build()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response).get("accepted").asInt()).isEqualTo(3);
        List<UsageEvent> produced = usageLog.eventsOf(customer);
        assertThat(produced).extracting(e -> e.id().raw()).containsExactly("b-1", "b-2", "b-3");
        // input 1493 includes 1280 cached; output 125 includes 64 reasoning tokens
        assertThat(produced.get(1)).extracting(UsageEvent::inputTokens, UsageEvent::outputTokens,
                UsageEvent::cacheReadTokens, UsageEvent::cacheWriteTokens).containsExactly(213L, 125L, 1280L, 0L);
    }

    @Test
    void problemsOfABatchNameTheCloudEventsFieldsWithTheirIndexAndNothingIsProduced() {
        String customer = app.newCustomer();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        var endBefore = usageLog.endOffsets();

        HttpResponse<String> response = app.postEvents(secret, CLOUDEVENTS_BATCH, batch(
                usageEvent("p-0", customer, now, "{\"inputTokens\":1}").build(),
                usageEvent("p-1", customer, now, "{\"requests\":-5,\"provider\":\"anthropic\",\"usage\":{\"input_tokens\":1},\"inputTokens\":1}")
                        .build(),
                CloudEventBuilder.v03().withId("p-2").withSource(URI.create("/gateway")).withType("io.microcent.usage.v1")
                        .withSubject(customer).withTime(now).build(),
                usageEvent("p-3", customer, now.minusYears(1), "{}").build(),
                usageEvent("p-4", customer, now, "{\"provider\":\"gemini\",\"usage\":{\"promptTokenCount\":5,\"cachedContentTokenCount\":6}}")
                        .build()));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = json(response);
        assertThat(problem.get("detail").asText()).startsWith("4 of 5 events are invalid");
        assertThat(problem.get("errors")).extracting(e -> e.get("index").asInt(), e -> e.get("field").asText(),
                e -> e.get("code").asText()).containsExactly(
                tuple(1, "data.requests", "negative"),
                tuple(1, "data.usage", "ambiguous_usage"),
                tuple(2, "specversion", "unsupported_specversion"),
                tuple(3, "time", "timestamp_too_old"),
                tuple(4, "data.usage.promptTokenCount", "inconsistent_usage"));
        assertThat(usageLog.endOffsets()).isEqualTo(endBefore);
    }

    @Test
    void aKeyScopedToACustomerRefusesCloudEventsOfAnotherSubject() {
        String own = app.newCustomer();
        String scopedSecret = app.createKey("scoped cloudevents", own).get("secret").asText();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        HttpResponse<String> response = app.postEvents(scopedSecret, FORMAT.serializedContentType(),
                FORMAT.serialize(usageEvent("s-1", app.newCustomer(), now, "{}").build()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("errors")).singleElement().satisfies(error -> {
            assertThat(error.has("index")).isFalse();
            assertThat(error.get("field").asText()).isEqualTo("subject");
            assertThat(error.get("code").asText()).isEqualTo("customer_not_allowed");
        });
    }

    @Test
    void aBatchSentAsASingleCloudEventIsRefusedAsTheWrongShape() {
        String customer = app.newCustomer();

        HttpResponse<String> response = app.postEvents(secret, FORMAT.serializedContentType(),
                batch(usageEvent("w-1", customer, OffsetDateTime.now(ZoneOffset.UTC), "{}").build()));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("body");
        assertThat(usageLog.recordsOf(customer)).isEmpty();
    }

    /** A usage CloudEvent of the recommended type with {@code data} as JSON. */
    private static CloudEventBuilder usageEvent(String id, String customer, OffsetDateTime time, String data) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/gateways/eu-1"))
                .withType("io.microcent.usage.v1")
                .withSubject(customer)
                .withTime(time)
                .withData("application/json", data.getBytes(StandardCharsets.UTF_8));
    }

    /** A CloudEvents JSON batch: a JSON array of events, each serialized by the SDK's JSON format. */
    private static byte[] batch(CloudEvent... events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        for (int i = 0; i < events.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(FORMAT.serialize(events[i]));
        }
        out.write(']');
        return out.toByteArray();
    }

    private static UsageEvent single(List<UsageEvent> events) {
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

}
