package io.microcent.platform.axon;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * Where Axon's tables are: {@code domain_event_entry}, {@code snapshot_event_entry} and
 * {@code token_entry} in a service's own schema, with snake_case columns. The service's Flyway migrations
 * create them (Axon never creates tables here); the names below must match those migrations.
 */
public final class AxonTables {

    private AxonTables() {
    }

    /** The event store's tables in {@code schema}; table names are schema-qualified, so no search_path is needed. */
    public static EventSchema events(String schema) {
        return EventSchema.builder()
                .eventTable(schema + ".domain_event_entry")
                .snapshotTable(schema + ".snapshot_event_entry")
                .globalIndexColumn("global_index")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .eventIdentifierColumn("event_identifier")
                .metaDataColumn("meta_data")
                .payloadColumn("payload")
                .payloadRevisionColumn("payload_revision")
                .payloadTypeColumn("payload_type")
                .timestampColumn("time_stamp")
                .build();
    }

    /** The tracking processors' token table in {@code schema}. */
    public static TokenSchema tokens(String schema) {
        return TokenSchema.builder()
                .setTokenTable(schema + ".token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
