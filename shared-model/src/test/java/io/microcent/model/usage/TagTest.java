package io.microcent.model.usage;

import io.microcent.model.id.InvalidIdException;
import io.microcent.model.topic.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Usage tags: their text rule, their normal form, and their place in the usage event contract. */
class TagTest {

    @ParameterizedTest
    @ValueSource(strings = {"env:prod", "feature:chat", "a:b", "team.ml_2-x:Value With Spaces", "url:https://x.io:8080/a",
            "k:ünïcödé", "0:1"})
    void keyValueTagsWithALowerCaseKeyAreAccepted(String raw) {
        assertThat(Tag.of(raw).raw()).isEqualTo(raw);
    }

    @Test
    void keyAndValueAreSplitAtTheFirstColon() {
        Tag tag = Tag.of("url:https://x.io:8080");
        assertThat(tag.key()).isEqualTo("url");
        assertThat(tag.value()).isEqualTo("https://x.io:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", ":prod", "env:", "Env:prod", "-env:prod", "_env:prod", "en v:prod", "env/x:prod",
            "env:pr\u0000od", "env:a\nb", "env:\u202Eevil", "env:x\u2066", "env:   ", "env:\uD800"})
    void malformedTagsAreRefused(String raw) {
        assertThatThrownBy(() -> Tag.of(raw)).isInstanceOf(InvalidIdException.class)
                .extracting(e -> ((InvalidIdException) e).kind()).isEqualTo("tag");
    }

    @Test
    void keysAndValuesHaveLengthLimits() {
        assertThat(Tag.of("k".repeat(40) + ":" + "v".repeat(64)).raw()).hasSize(105);
        assertThatThrownBy(() -> Tag.of("k".repeat(41) + ":v")).isInstanceOf(InvalidIdException.class);
        assertThatThrownBy(() -> Tag.of("k:" + "v".repeat(65))).isInstanceOf(InvalidIdException.class);
    }

    @Test
    void theNormalFormHasEachTagOnceSortedAndNullIsNoTags() {
        assertThat(Tag.normalized(tags("feature:chat", "env:prod", "feature:chat"))).containsExactly(tag("env:prod"), tag("feature:chat"));
        assertThat(Tag.normalized(null)).isEmpty();
    }

    @Test
    void anEventKeepsItsTagsInTheNormalForm() {
        UsageEvent event = event(Arrays.asList(tag("z:1"), tag("a:1"), tag("z:1")));
        assertThat(event.tags()).containsExactly(tag("a:1"), tag("z:1"));
        assertThat(event(null).tags()).isEmpty();
    }

    @Test
    void taggedEventsRoundTripAndAnEventWithoutTagsHasNoTagsFieldInJson() {
        var serde = Topics.USAGE_EVENTS.valueSerde();
        UsageEvent tagged = event(tags("env:prod", "feature:chat"));
        byte[] bytes = serde.serializer().serialize("usage.events", tagged);
        assertThat(Topics.valueAsText("usage.events", bytes)).contains("\"tags\":[\"env:prod\",\"feature:chat\"]");
        assertThat(serde.deserializer().deserialize("usage.events", bytes)).isEqualTo(tagged);

        String untagged = Topics.valueAsText("usage.events", serde.serializer().serialize("usage.events", event(List.of())));
        assertThat(untagged).doesNotContain("tags");
    }

    /** A record exactly as ingest wrote it before tags existed (schema version 1, no {@code tags}). */
    @Test
    void aRecordOfTheShapeWrittenBeforeTagsExistedReadsWithoutTags() {
        String before = """
                {"schemaVersion":1,"id":"evt-1","customer":"acme","timestamp":"2026-11-05T10:00:00Z",
                 "ingestedAt":"2026-11-05T10:00:01Z","project":"chatbot","apiKeyId":"key-1","user":"ada@acme.io",
                 "team":"ml","provider":"openai","model":"gpt-4o","requests":1,"inputTokens":100,"outputTokens":20,
                 "cacheReadTokens":0,"cacheWriteTokens":0,"reservationId":"res-1"}""";

        UsageEvent event = Topics.USAGE_EVENTS.valueSerde().deserializer()
                .deserialize("usage.events", before.getBytes(StandardCharsets.UTF_8));

        assertThat(event.tags()).isNotNull().isEmpty();
        assertThat(event.schemaVersion()).isEqualTo(UsageEvent.SCHEMA_VERSION);
        assertThat(event.team().raw()).isEqualTo("ml");
        assertThat(event.reservationId().raw()).isEqualTo("res-1");
    }

    @Test
    void aMalformedTagOnTheLogIsAnUnreadableRecord() {
        String bad = """
                {"schemaVersion":1,"id":"evt-1","customer":"acme","timestamp":"2026-11-05T10:00:00Z",
                 "ingestedAt":"2026-11-05T10:00:01Z","requests":1,"tags":["Env:prod"]}""";
        assertThatThrownBy(() -> Topics.USAGE_EVENTS.valueSerde().deserializer()
                .deserialize("usage.events", bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
    }

    private static UsageEvent event(List<Tag> tags) {
        java.time.Instant at = java.time.Instant.parse("2026-11-05T10:00:00Z");
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, io.microcent.model.id.EventId.of("evt-1"),
                io.microcent.model.id.CustomerId.of("acme"), at, at, null, null, null, null, null, "openai",
                io.microcent.model.id.ModelId.of("gpt-4o"), 1, 100, 20, 0, 0, null, tags);
    }

    private static Tag tag(String raw) {
        return Tag.of(raw);
    }

    private static List<Tag> tags(String... raw) {
        return Arrays.stream(raw).map(Tag::of).toList();
    }
}
