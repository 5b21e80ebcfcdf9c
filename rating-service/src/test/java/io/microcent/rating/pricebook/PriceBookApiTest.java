package io.microcent.rating.pricebook;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.id.ModelId;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.topic.Topics;
import io.microcent.platform.test.KafkaTestRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.microcent.rating.pricebook.RunningRating.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The price book's operator API over HTTP, against the real PostgreSQL and Kafka. */
class PriceBookApiTest {

    private static RunningRating rating;

    @BeforeAll
    static void startRating() {
        rating = RunningRating.start();
    }

    @AfterAll
    static void stopRating() {
        if (rating != null) {
            rating.close();
        }
    }

    private static String newModel() {
        return "test-model-" + UUID.randomUUID();
    }

    @Test
    void anOverrideIsSavedWithExactPricesAndShownAsTheCurrentPrice() {
        String model = newModel();

        HttpResponse<String> put = rating.send("PUT", "/v1/price-book/models/" + model, """
                {"provider": "openai", "inputPerToken": "0.0000025", "outputPerToken": "0.00001",
                 "cacheReadPerToken": "0.00000125", "effectiveFrom": "2026-11-01T00:00:00Z"}""");

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode shown = json(rating.send("GET", "/v1/price-book/models/" + model, null));
        assertThat(shown.get("model").asText()).isEqualTo(model);
        JsonNode current = shown.get("current");
        assertThat(current.get("inputPerToken").asText()).isEqualTo("0.0000025");
        assertThat(current.get("outputPerToken").asText()).isEqualTo("0.00001");
        assertThat(current.get("cacheReadPerToken").asText()).isEqualTo("0.00000125");
        assertThat(current.has("cacheWritePerToken")).isFalse();
        assertThat(current.get("provider").asText()).isEqualTo("openai");
        assertThat(current.get("source").asText()).isEqualTo("override");
        assertThat(current.get("effectiveFrom").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(shown.get("history")).hasSize(1);
    }

    @Test
    void theModelsAreListedWithTheirPricesInIdOrderPagedAndSearchable() {
        String family = "list-family-" + UUID.randomUUID();
        put(family + "-b", "0.000002", "2026-01-01T00:00:00Z");
        put(family + "-b", "0.000001", "2099-01-01T00:00:00Z");
        put(family + "-a", "0.000003", "2026-01-01T00:00:00Z");
        put(family + "-c", "0.000004", "2026-01-01T00:00:00Z");

        JsonNode first = json(rating.send("GET", "/v1/price-book/models?limit=2&search=" + family.toUpperCase(), null));
        assertThat(first.get("models")).extracting(m -> m.get("model").asText()).containsExactly(family + "-a", family + "-b");
        JsonNode b = first.get("models").get(1);
        assertThat(b.get("current").get("inputPerToken").asText()).isEqualTo("0.000002");
        assertThat(b.get("history")).extracting(price -> price.get("inputPerToken").asText()).containsExactly("0.000002", "0.000001");
        assertThat(first.get("next").asText()).isEqualTo(family + "-b");

        JsonNode second = json(rating.send("GET", "/v1/price-book/models?limit=2&search=" + family + "&after=" + first.get("next").asText(), null));
        assertThat(second.get("models")).extracting(m -> m.get("model").asText()).containsExactly(family + "-c");
        assertThat(second.has("next")).as("the last page").isFalse();
        assertThat(rating.send("GET", "/v1/price-book/models?limit=0", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aLaterOverrideIsAddedToTheHistoryAndAFutureOneIsNotYetCurrent() {
        String model = newModel();
        put(model, "0.000003", "2026-01-01T00:00:00Z");
        put(model, "0.000002", "2026-06-01T00:00:00Z");
        put(model, "0.000001", "2099-01-01T00:00:00Z");
        // the same instant again replaces that entry
        put(model, "0.0000015", "2026-06-01T00:00:00Z");

        JsonNode shown = json(rating.send("GET", "/v1/price-book/models/" + model, null));

        assertThat(shown.get("current").get("inputPerToken").asText()).isEqualTo("0.0000015");
        assertThat(shown.get("history")).extracting(price -> price.get("inputPerToken").asText())
                .containsExactly("0.000003", "0.0000015", "0.000001");
    }

    @Test
    void everyChangeIsPublishedAsTheModelsWholeHistoryKeyedByModel() {
        String model = newModel();
        put(model, "0.000003", "2026-01-01T00:00:00Z");
        put(model, "0.000002", "2026-06-01T00:00:00Z");

        ModelPriceHistory latest = await().atMost(RunningRating.WAIT).until(() -> lastPublished(model),
                history -> history != null && history.prices().size() == 2);

        assertThat(latest.model()).isEqualTo(ModelId.of(model));
        assertThat(latest.prices()).extracting(price -> price.rates().input().toJson()).containsExactly("3", "2");
    }

    @Test
    void aLongContextTierAndAModelIdWithSlashesAreAccepted() {
        String model = "azure/" + newModel();

        HttpResponse<String> put = rating.send("PUT", "/v1/price-book/models/" + model, """
                {"inputPerToken": "0.000003", "outputPerToken": "0.000015",
                 "longContext": {"aboveInputTokens": 200000, "inputPerToken": "0.000006", "outputPerToken": "0.0000225"}}""");

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode tier = json(put).get("current").get("longContext");
        assertThat(tier.get("aboveInputTokens").asLong()).isEqualTo(200_000);
        assertThat(tier.get("outputPerToken").asText()).isEqualTo("0.0000225");
    }

    @Test
    void invalidPricesAreRefusedWithEveryFieldAtFault() {
        HttpResponse<String> response = rating.send("PUT", "/v1/price-book/models/" + newModel(), """
                {"inputPerToken": "-0.1", "outputPerToken": "cheap", "cacheReadPerToken": "1e-40",
                 "longContext": {"inputPerToken": "0.1"}}""");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("code").asText()).isEqualTo("validation_failed");
        assertThat(json(response).get("errors")).extracting(error -> error.get("field").asText() + ":" + error.get("code").asText())
                .containsExactlyInAnyOrder("inputPerToken:negative", "outputPerToken:not_a_decimal",
                        "cacheReadPerToken:too_precise", "longContext.aboveInputTokens:required");
    }

    @Test
    void anOverrideWithoutAnyPriceIsRefused() {
        HttpResponse<String> response = rating.send("PUT", "/v1/price-book/models/" + newModel(), "{\"provider\": \"openai\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("inputPerToken");
    }

    @Test
    void theApiNeedsTheOperatorToken() {
        assertThat(rating.send("GET", "/v1/price-book/unpriced", null, null).statusCode()).isEqualTo(401);
        assertThat(rating.send("PUT", "/v1/price-book/models/" + newModel(), "wrong", "{\"inputPerToken\": \"1\"}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void anUnknownModelIsNotFound() {
        HttpResponse<String> response = rating.send("GET", "/v1/price-book/models/" + newModel(), null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void theShippedCatalogImportedOverTheDefaultPriceBookChangesNothing() {
        // the default price book is this very catalog, in effect since 2000: importing it again records nothing
        String path = "/v1/price-book/import?effectiveFrom=2099-01-01T00:00:00Z";
        String catalog = new String(RealCatalog.bytes(), StandardCharsets.UTF_8);

        JsonNode summary = json(rating.send("POST", path, catalog));

        assertThat(summary.get("imported").asInt()).isZero();
        assertThat(summary.get("unchanged").asInt()).isEqualTo(217);
        assertThat(summary.get("skipped")).extracting(entry -> entry.get("key").asText()).containsExactly("gpt-realtime-whisper");
        JsonNode gpt4o = json(rating.send("GET", "/v1/price-book/models/gpt-4o", null)).get("history");
        assertThat(gpt4o).filteredOn(price -> price.get("effectiveFrom").asText().startsWith("2099")).isEmpty();
        assertThat(gpt4o).filteredOn(price -> price.get("effectiveFrom").asText().equals("2000-01-01T00:00:00Z"))
                .singleElement().satisfies(price -> {
                    assertThat(price.get("inputPerToken").asText()).isEqualTo("0.0000025");
                    assertThat(price.get("source").asText()).isEqualTo("import");
                });
    }

    @Test
    void aBodyThatIsNotACatalogIsRefused() {
        assertThat(rating.send("POST", "/v1/price-book/import", "{\"gpt-4o\": ").statusCode()).isEqualTo(400);
        assertThat(rating.send("POST", "/v1/price-book/import", "[1, 2]").statusCode()).isEqualTo(422);
        assertThat(rating.send("POST", "/v1/price-book/import?effectiveFrom=yesterday", "{}").statusCode()).isEqualTo(400);
    }

    private static void put(String model, String inputPerToken, String effectiveFrom) {
        HttpResponse<String> response = rating.send("PUT", "/v1/price-book/models/" + model,
                "{\"inputPerToken\": \"" + inputPerToken + "\", \"effectiveFrom\": \"" + effectiveFrom + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static ModelPriceHistory lastPublished(String model) {
        List<String> values = KafkaTestRecords.readAll(rating.context().kafkaBootstrap(), Topics.PRICE_BOOK.name(), false).stream()
                .filter(record -> model.equals(record.key()))
                .map(record -> record.value())
                .toList();
        return values.isEmpty() ? null : Topics.PRICE_BOOK.valueSerde().deserializer()
                .deserialize(Topics.PRICE_BOOK.name(), values.getLast().getBytes(StandardCharsets.UTF_8));
    }
}
