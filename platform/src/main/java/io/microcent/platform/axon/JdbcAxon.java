package io.microcent.platform.axon;

import io.microcent.model.json.Json;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon Framework 4 on PostgreSQL through plain JDBC, without Axon Server or Spring: the event store, the
 * tracking token store, JSON serialization and transactions, all in one service schema.
 *
 * <ul>
 *   <li>Events, snapshots and tokens are written as JSON with Microcent's shared {@link Json} settings
 *       (a copy: Axon registers its own modules on the mapper it is given).</li>
 *   <li>Every event handler's exception propagates: a subscribing handler that fails rolls back the
 *       command that published the event, instead of being logged and skipped (Axon's default).</li>
 *   <li>Axon's update checker, which would call out to the internet, is off.</li>
 * </ul>
 */
public final class JdbcAxon {

    /** The system property Axon's update checker reads; {@code AXONIQ_UPDATE_CHECKER_DISABLED=true} works as well. */
    public static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    private JdbcAxon() {
    }

    /** A configurer with the infrastructure above, ready for aggregates and handlers to be added. */
    public static Configurer configurer(String schema, JdbcTransactions transactions) {
        disableUpdateChecker();
        Serializer serializer = JacksonSerializer.builder().objectMapper(Json.mapper().copy()).build();
        return DefaultConfigurer.defaultConfiguration()
                .configureTransactionManager(config -> transactions)
                .configureSerializer(config -> serializer)
                .configureEventSerializer(config -> serializer)
                .configureMessageSerializer(config -> serializer)
                .configureEmbeddedEventStore(config -> JdbcEventStorageEngine.builder()
                        .connectionProvider(transactions)
                        .transactionManager(transactions)
                        .schema(AxonTables.events(schema))
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        .upcasterChain(config.upcasterChain())
                        .persistenceExceptionResolver(new PostgresDuplicateKeys())
                        .build())
                .registerComponent(TokenStore.class, config -> JdbcTokenStore.builder()
                        .connectionProvider(transactions)
                        .schema(AxonTables.tokens(schema))
                        .serializer(serializer)
                        .build())
                .eventProcessing(processing -> processing
                        .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                        .registerDefaultErrorHandler(config -> PropagatingErrorHandler.instance()));
    }

    /** Unless the operator decided otherwise with the property itself. */
    private static void disableUpdateChecker() {
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
    }
}
