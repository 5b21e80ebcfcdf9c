package io.microcent.console.pages.rerate;

import com.fasterxml.jackson.databind.JsonNode;

/** A re-rating job as rating reports it; {@code step} places its status on the way to done, for the progress bar. */
public record RerateJob(String id, String customer, String period, String status, long eventsRead, long eventsInPeriod,
                        long eventsChanged, long costDeltaMicrocents, long chargeDeltaMicrocents, String startedAt,
                        String finishedAt, String error) {

    static RerateJob of(JsonNode job) {
        return new RerateJob(job.path("jobId").asText(), job.path("customer").asText(), job.path("period").asText(),
                job.path("status").asText(), job.path("eventsRead").asLong(), job.path("eventsInPeriod").asLong(),
                job.path("eventsChanged").asLong(), job.path("costDeltaMicrocents").asLong(),
                job.path("chargeDeltaMicrocents").asLong(), job.path("startedAt").asText(""),
                job.path("finishedAt").asText(""), job.path("error").asText(""));
    }

    public boolean finished() {
        return status.equals("done") || status.equals("failed");
    }

    /** 1–4 of the four steps: waiting for live rating, replaying, writing corrections, done. */
    public int step() {
        return switch (status) {
            case "waiting_for_rating" -> 1;
            case "replaying" -> 2;
            case "writing" -> 3;
            default -> 4;
        };
    }

    public String statusLabel() {
        return switch (status) {
            case "waiting_for_rating" -> "Waiting for live rating to catch up";
            case "replaying" -> "Replaying the period's events";
            case "writing" -> "Writing corrections";
            case "done" -> "Done";
            case "failed" -> "Failed";
            default -> status;
        };
    }
}
