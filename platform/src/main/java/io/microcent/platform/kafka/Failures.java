package io.microcent.platform.kafka;

import io.microcent.model.deadletter.DeadLetterReason;
import io.microcent.model.id.IdRule;
import org.apache.kafka.common.errors.RetriableException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a failure that is the record's fault (it would fail again the same way: set it aside) from one
 * that is the world's (a lost connection, a serialization conflict, Kafka unavailable: retry), and says
 * which {@link DeadLetterReason} and detail a set-aside record gets.
 */
public final class Failures {

    /**
     * SQLState classes that are not the record's fault: failures that pass — connection (08), rollback such as
     * a serialization conflict (40), resources (53), operator intervention (57), system (58) — and failures of
     * the code or the database setup — unsupported feature (0A), authorization (28), invalid schema (3F), a
     * missing table or bad SQL (42). Setting records aside for those would empty the pipeline into
     * dead-letters; retrying until the cause is gone is right.
     */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58", "0A", "28", "3F", "42");
    /** SQLStates of text PostgreSQL cannot store: a NUL or an invalid byte sequence (22021), untranslatable (22P05). */
    private static final Set<String> INVALID_TEXT_STATES = Set.of("22021", "22P05");
    /** SQLState of a number too large for its column (e.g. a sum beyond {@code bigint}): the same failure as a Java overflow. */
    private static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
    /** A qualified Java class name, e.g. {@code com.example.Foo}: details never name a library class. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");

    private Failures() {
    }

    /** True when the failure is not the record's fault, so the record is retried rather than set aside. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && TRANSIENT_SQL_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return false;
    }

    /** Why a record that failed with {@code failure} is set aside. */
    public static DeadLetterReason reasonOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ArithmeticException) {
                return DeadLetterReason.OVERFLOW;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (INVALID_TEXT_STATES.contains(state)) {
                    return DeadLetterReason.INVALID_TEXT;
                }
                if (NUMERIC_VALUE_OUT_OF_RANGE.equals(state)) {
                    return DeadLetterReason.OVERFLOW;
                }
                if (state.startsWith("22") || state.startsWith("23")) {
                    return DeadLetterReason.DATABASE_REJECTED;
                }
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return DeadLetterReason.PROCESSING_FAILED;
    }

    /**
     * A short explanation for operators: the database's own message and SQLState when the database refused,
     * else the innermost message; one line, qualified class names shortened to their simple name.
     */
    public static String detail(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return "database: " + firstLine(sql.getMessage()).replaceFirst("^ERROR: ", "") + " (SQLState " + sql.getSQLState() + ")";
            }
            if (t.getMessage() != null) {
                innermost = t;
            }
            if (t == t.getCause()) {
                break;
            }
        }
        String message = innermost == null ? null : innermost.getMessage();
        return message == null || message.isBlank() ? "processing failed" : firstLine(message);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return IdRule.printable(QUALIFIED_NAME.matcher(line.strip()).replaceAll("$1"));
    }
}
