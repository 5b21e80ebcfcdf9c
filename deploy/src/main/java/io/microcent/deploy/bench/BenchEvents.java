package io.microcent.deploy.bench;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.id.UserId;
import io.microcent.model.usage.UsageEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's usage events: gpt-4o calls spread over customers, projects and users. */
final class BenchEvents {

    private BenchEvents() {
    }

    static List<UsageEvent> generate(int count, int customers, String runId, Instant timestamp) {
        List<UsageEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of(runId + "-" + i), customer(i, customers),
                    timestamp, timestamp, ProjectId.of("p" + i % 7), null, null, UserId.of("u" + i % 101), null,
                    "openai", ModelId.of("gpt-4o"), 1, 100 + i % 900, 20 + i % 300, 0, 0));
        }
        return events;
    }

    static CustomerId customer(int i, int customers) {
        return CustomerId.of("bench-" + (i % customers));
    }
}
