package io.microcent.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.model.json.Json;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's usage: a small company's LLM calls over the last day and a half (never before the current month,
 * so no grace setting refuses them): users in three teams, three projects, a few models and two of the
 * customer's own API keys, so every console page has something to show. Ids and figures are fixed by a
 * seed, so a second start sends the same events and ingest drops them as duplicates. Each call carries an
 * {@code env:} and a {@code feature:} tag, for the Usage page's tag filter.
 */
final class DemoUsage {

    record Member(String user, String team) {
    }

    static final List<Member> MEMBERS = List.of(
            new Member("alice@demo.example", "ml"), new Member("bob@demo.example", "ml"),
            new Member("carol@demo.example", "ml"), new Member("dave@demo.example", "search"),
            new Member("erin@demo.example", "search"), new Member("frank@demo.example", "support"),
            new Member("grace@demo.example", "support"));
    private static final String[][] MODELS = {
            {"openai", "gpt-4o"}, {"openai", "gpt-4o-mini"}, {"anthropic", "claude-sonnet-4-20250514"}, {"gemini", "gemini-2.5-flash"}};
    private static final String[] PROJECTS = {"chatbot", "search-ranking", "support-assist"};
    private static final String[] API_KEYS = {"key-prod", "key-batch"};
    private static final String[] FEATURES = {"feature:chat", "feature:search", "feature:summarize"};
    static final int EVENTS = 400;

    private DemoUsage() {
    }

    static ArrayNode events(String customer, Instant now) {
        Instant monthStart = YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant from = max(monthStart, now.minus(Duration.ofHours(36)));
        long spanSeconds = Math.max(1, Duration.between(from, now).minusMinutes(1).toSeconds());
        SplittableRandom random = new SplittableRandom(42);
        ArrayNode events = Json.mapper().createArrayNode();
        for (int i = 0; i < EVENTS; i++) {
            Member member = MEMBERS.get(random.nextInt(MEMBERS.size()));
            String[] model = MODELS[random.nextInt(MODELS.length)];
            ObjectNode event = events.addObject();
            event.put("id", "demo-" + from.getEpochSecond() / 86_400 + "-" + i);
            event.put("customer", customer);
            event.put("timestamp", from.plusSeconds(spanSeconds * i / EVENTS).toString());
            event.put("project", PROJECTS[member.team().equals("ml") ? 0 : member.team().equals("search") ? 1 : 2]);
            event.put("costCenter", "cc-" + member.team());
            event.put("apiKeyId", API_KEYS[random.nextInt(API_KEYS.length)]);
            event.put("user", member.user());
            event.put("team", member.team());
            event.put("provider", model[0]);
            event.put("model", model[1]);
            event.put("inputTokens", 200 + random.nextInt(4_000));
            event.put("outputTokens", 50 + random.nextInt(1_200));
            event.putArray("tags").add(random.nextInt(10) == 0 ? "env:staging" : "env:prod").add(FEATURES[random.nextInt(FEATURES.length)]);
        }
        return events;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
