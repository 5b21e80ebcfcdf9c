package io.microcent.caps.api;

import io.microcent.caps.automation.CapsNotPublished;
import io.microcent.caps.write.Rejection;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.platform.http.ApiException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;

/**
 * Sends a command from an HTTP request and waits until it is handled: decided, its events stored and
 * their subscribing handlers done (the caps read model, the customer's caps on {@code caps.definitions}).
 * Failures become problems: a {@link Rejection} with its own code and field, a race with another command
 * on the same cap as a conflict, Kafka not acknowledging as 503.
 */
public final class CommandSender {

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public void send(Object command) {
        try {
            gateway.sendAndWait(command);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    static RuntimeException translate(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Rejection rejection) {
                List<FieldError> fields = rejection.field() == null ? List.of()
                        : List.of(FieldError.of(rejection.field(), rejection.code().code(), rejection.getMessage()));
                return new ApiException(rejection.code(), rejection.getMessage(), fields);
            }
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return new ApiException(ErrorCode.CONFLICT, "another request changed this cap at the same time; read it and retry");
            }
            if (cause instanceof CapsNotPublished) {
                return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, cause.getMessage() + "; nothing was recorded, retry later");
            }
        }
        return failure;
    }
}
