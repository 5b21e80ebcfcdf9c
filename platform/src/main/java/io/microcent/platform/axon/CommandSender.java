package io.microcent.platform.axon;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.platform.http.ApiException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;

/**
 * Sends a command from an HTTP request and waits until it is handled: decided, its events stored and
 * their subscribing handlers done (read models, what is published to Kafka). Failures become problems:
 * a {@link Rejection} with its own code and field, a race with another command on the same aggregate as
 * a conflict, Kafka not acknowledging ({@link NotPublished}) as 503.
 */
public final class CommandSender {

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends {@code command}; another command on the same aggregate committing first is {@code conflict}. */
    public void send(Object command) {
        send(command, ErrorCode.CONFLICT);
    }

    /** @param onConflict what to answer when another command on the same aggregate committed first */
    public void send(Object command, ErrorCode onConflict) {
        try {
            gateway.sendAndWait(command);
        } catch (RuntimeException e) {
            throw translate(e, onConflict);
        }
    }

    /**
     * Runs {@code action}, which sends commands through the gateway itself (e.g. a decision computed from read
     * models first), and answers its failures as {@link #send} does.
     */
    public void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            throw translate(e, ErrorCode.CONFLICT);
        }
    }

    static RuntimeException translate(RuntimeException failure, ErrorCode onConflict) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Rejection rejection) {
                List<FieldError> fields = rejection.field() == null ? List.of()
                        : List.of(FieldError.of(rejection.field(), rejection.code().code(), rejection.getMessage()));
                return new ApiException(rejection.code(), rejection.getMessage(), fields);
            }
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return new ApiException(onConflict, onConflict == ErrorCode.CONFLICT
                        ? "another request changed it at the same time; read it and retry"
                        : onConflict.title() + " (another request changed it at the same time)");
            }
            if (cause instanceof NotPublished notPublished) {
                return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, notPublished.getMessage() + "; nothing was recorded, retry later");
            }
        }
        return failure;
    }
}
