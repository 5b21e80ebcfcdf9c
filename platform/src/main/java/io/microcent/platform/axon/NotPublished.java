package io.microcent.platform.axon;

/**
 * Kafka did not acknowledge what a command decided (a customer's caps, its plan), so the command is rolled
 * back and nothing was recorded: the caller may retry. {@link CommandSender} answers it as 503.
 */
public abstract class NotPublished extends RuntimeException {

    protected NotPublished(String message, Throwable cause) {
        super(message, cause);
    }
}
