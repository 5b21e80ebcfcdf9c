package io.microcent.platform.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique-key violation (SQLSTATE 23505). For the event store it means another
 * command appended the same aggregate sequence number first, which Axon then reports as a
 * {@code ConcurrencyException} (or {@code AggregateStreamCreationException} for a new aggregate).
 */
final class PostgresDuplicateKeys implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    /** A batch insert reports the statement's own error as the next exception of the batch error. */
    private static boolean isUniqueViolation(SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
