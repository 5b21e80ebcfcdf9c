package io.microcent.console.web;

import io.javalin.config.RoutesConfig;

/** A section of the console (a page and its actions), registered through the one guard. */
@FunctionalInterface
public interface ConsoleArea {
    void register(RoutesConfig routes, Pages pages);
}
