package io.microcent.console.web;

/** A console page or action, handed the signed-in request. */
@FunctionalInterface
public interface PageHandler {
    void handle(ConsoleRequest request) throws Exception;
}
