package io.microcent.platform.axon;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.platform.http.ApiException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;

/**
 * Sends a command from an HTTP request and waits until it is handled: decided, its events stored and
 * their subscribing handlers done (read models, what is published to Kafka). Failures become problems:
 * a {@link Rejection} with its own code and field, a race with another command on the same aggregate as
 * a conflict, Kafka not acknowledging ({@link NotPublished}) as 503.
 *
 * <p>A sender may say who decides ({@link #as}): every command it sends carries that as metadata
 * {@value #ACTOR}, which Axon copies onto the events the command leads to once the service registers
 * {@link #actorOnEvents()}, so a decision's log says who made it.
 */
public final class CommandSender {

    /** The metadata key naming who made a decision, e.g. {@code operator} or {@code system}. */
    public static final String ACTOR = "actor";

    private final CommandGateway gateway;
    private final MetaData metaData;

    /** A sender whose commands name no actor. */
    public CommandSender(CommandGateway gateway) {
        this(gateway, MetaData.emptyInstance());
    }

    private CommandSender(CommandGateway gateway, MetaData metaData) {
        this.gateway = gateway;
        this.metaData = metaData;
    }

    /** The same gateway, every command marked as decided by {@code actor}. */
    public CommandSender as(String actor) {
        return new CommandSender(gateway, metaData.and(ACTOR, actor));
    }

    /**
     * What copies {@value #ACTOR} from a command to its events (and to commands sent while handling it); give it
     * to {@code Configurer.configureCorrelationDataProviders} next to Axon's default {@code MessageOriginProvider}.
     */
    public static SimpleCorrelationDataProvider actorOnEvents() {
        return new SimpleCorrelationDataProvider(ACTOR);
    }

    /** Sends {@code command}; another command on the same aggregate committing first is {@code conflict}. */
    public void send(Object command) {
        send(command, ErrorCode.CONFLICT);
    }

    /** @param onConflict what to answer when another command on the same aggregate committed first */
    public void send(Object command, ErrorCode onConflict) {
        try {
            dispatch(command);
        } catch (RuntimeException e) {
            throw translate(e, onConflict);
        }
    }

    /**
     * Sends {@code command} with this sender's metadata and waits, its failure as it is (not translated): for
     * callers that are not answering HTTP and decide themselves what a failure means.
     */
    public void dispatch(Object command) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    /**
     * Runs {@code action}, which sends commands itself (e.g. a decision computed from read models first; through
     * this sender's {@link #dispatch} to keep its actor), and answers its failures as {@link #send} does.
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
