package io.microcent.deploy.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

/**
 * A year of hourly rollups for many customers, written straight into {@code rating.usage_hourly} with COPY (the
 * migration that creates {@code rating.usage_daily} then sums them into it, as it would on an upgrade). Shaped like real
 * usage: each customer has a few streams (a user of a team calling a model for a project with an API key and
 * tags), a tenth of them are large (a dozen streams), and in each hour some of a customer's streams are active,
 * each one row of the hour. Generated from a fixed seed, so every run seeds the same rows.
 */
final class SeededRollups {

    /** The year seeded: the twelve months before {@link #END}. */
    static final Instant END = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant START = END.atOffset(ZoneOffset.UTC).minusYears(1).toInstant();

    private static final String[] PROJECTS = {"chatbot", "search", "summarizer", "agent"};
    private static final String[] TEAMS = {"ml", "research", "support", "growth", "platform"};
    private static final String[][] MODELS = {{"openai", "gpt-4o"}, {"openai", "gpt-4o-mini"}, {"anthropic", "claude-sonnet-4"},
            {"anthropic", "claude-haiku-4"}, {"google", "gemini-2.5-pro"}};
    private static final String[] TAGS = {"{}", "{env:prod}", "{env:prod,feature:chat}", "{env:staging}"};
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:00:00+00").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("uuuu-MM").withZone(ZoneOffset.UTC);
    private static final String COPY = "COPY rating.usage_hourly (customer, hour, period, project, cost_center, api_key_id, "
            + "user_id, team, provider, model, tags, requests, input_tokens, output_tokens, cache_read_tokens, "
            + "cache_write_tokens, cost_microcents, charge_microcents) FROM STDIN";
    private SeededRollups() {
    }

    static String customer(int index) {
        return "analytics-%04d".formatted(index);
    }

    /** Writes the hourly rows of every customer; answers how many. */
    static long copyHourly(Connection connection, int customers) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        long rows = 0;
        StringBuilder buffer = new StringBuilder(1 << 20);
        try {
            for (int c = 0; c < customers; c++) {
                rows += customerRows(c, buffer, copy);
            }
            flush(buffer, copy);
            copy.endCopy();
            return rows;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static long customerRows(int index, StringBuilder buffer, CopyIn copy) throws SQLException {
        Random random = new Random(index);
        boolean large = index % 10 == 0;
        int streams = large ? 12 : 3;
        double active = large ? 0.66 : 0.45;
        // distinct streams: two alike would be one row of the hour (the key of usage_hourly)
        Set<String> distinct = new LinkedHashSet<>();
        while (distinct.size() < streams) {
            String[] model = MODELS[random.nextInt(MODELS.length)];
            // the dimensions of one stream: text columns as COPY reads them, tab-separated
            distinct.add(String.join("\t", PROJECTS[random.nextInt(large ? PROJECTS.length : 2)],
                    random.nextInt(4) == 0 ? "cc-" + random.nextInt(3) : "", "key-" + random.nextInt(large ? 3 : 1),
                    "user-" + random.nextInt(large ? 8 : 3) + "@" + customer(index), random.nextInt(6) == 0 ? "" : TEAMS[random.nextInt(TEAMS.length)],
                    model[0], model[1], TAGS[random.nextInt(TAGS.length)]));
        }
        String[] lines = distinct.toArray(String[]::new);
        String customer = customer(index);
        long rows = 0;
        for (Instant hour = START; hour.isBefore(END); hour = hour.plus(1, ChronoUnit.HOURS)) {
            String prefix = customer + "\t" + HOUR.format(hour) + "\t" + PERIOD.format(hour) + "\t";
            for (int s = 0; s < streams; s++) {
                if (random.nextDouble() >= active) {
                    continue;
                }
                long requests = 1 + random.nextInt(large ? 200 : 20);
                long input = requests * (200 + random.nextInt(2_000));
                long output = requests * (50 + random.nextInt(500));
                long cacheRead = random.nextInt(3) == 0 ? input / 4 : 0;
                buffer.append(prefix).append(lines[s]).append('\t').append(requests).append('\t').append(input).append('\t')
                        .append(output).append('\t').append(cacheRead).append('\t').append(0).append('\t')
                        .append(input * 3 + output * 10).append('\t').append(requests * 1_000).append('\n');
                rows++;
            }
            if (buffer.length() > (1 << 20)) {
                flush(buffer, copy);
            }
        }
        return rows;
    }

    private static void flush(StringBuilder buffer, CopyIn copy) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }
}
