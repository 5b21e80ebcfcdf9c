package io.microcent.rating.rerate;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a re-rating job is; written in lower case ({@code waiting_for_rating}) in the API and the history table. */
public enum RerateStatus {
    /** Queued, or waiting until the live topology has rated every event the job will replay. */
    WAITING_FOR_RATING,
    /** Reading what was rated and rating the period's events again. */
    REPLAYING,
    /** Writing the corrections in one transaction. */
    WRITING,
    /** Finished: the period's lines add up to its new rating. */
    DONE,
    /** Stopped without writing anything; see the job's error. Running it again is safe. */
    FAILED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RerateStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean isFinished() {
        return this == DONE || this == FAILED;
    }
}
