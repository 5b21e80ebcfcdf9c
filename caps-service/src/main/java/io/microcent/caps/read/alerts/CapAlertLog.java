package io.microcent.caps.read.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.id.CapId;
import io.microcent.model.json.Json;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.microcent.caps.db.Tables.CAP_ALERTS;

/**
 * The alerts caps sent ({@code cap_alerts}): every {@link CapAlert} read from {@code caps.alerts}, kept once
 * by its id, so an operator can see which thresholds a cap crossed and when, whether or not a webhook wanted them.
 */
public final class CapAlertLog {

    private static final ObjectMapper JSON = Json.mapper();

    private final DSLContext db;

    public CapAlertLog(DSLContext db) {
        this.db = db;
    }

    /** Keeps {@code alerts} in {@code tx}; an alert read again (restart, rebalance) is already there and changes nothing. */
    public static void record(DSLContext tx, List<CapAlert> alerts) {
        List<Query> inserts = new ArrayList<>();
        for (CapAlert alert : alerts) {
            inserts.add(tx.insertInto(CAP_ALERTS)
                    .set(CAP_ALERTS.ALERT_ID, alert.alertId().toString())
                    .set(CAP_ALERTS.CAP_ID, alert.capId().raw())
                    .set(CAP_ALERTS.OCCURRED_AT, alert.occurredAt().atOffset(ZoneOffset.UTC))
                    .set(CAP_ALERTS.ALERT, json(alert))
                    .onConflict(CAP_ALERTS.ALERT_ID)
                    .doNothing());
        }
        if (!inserts.isEmpty()) {
            tx.batch(inserts).execute();
        }
    }

    /** The cap's alerts, newest first, at most {@code limit}. */
    public List<CapAlert> of(CapId cap, int limit) {
        return db.select(CAP_ALERTS.ALERT).from(CAP_ALERTS)
                .where(CAP_ALERTS.CAP_ID.eq(cap.raw()))
                .orderBy(CAP_ALERTS.OCCURRED_AT.desc(), CAP_ALERTS.ALERT_ID.desc())
                .limit(limit)
                .fetch(row -> read(row.value1()));
    }

    private static String json(CapAlert alert) {
        try {
            return JSON.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cap alert could not be written as JSON", e);
        }
    }

    private static CapAlert read(String json) {
        try {
            return JSON.readValue(json, CapAlert.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored cap alert could not be read", e);
        }
    }
}
