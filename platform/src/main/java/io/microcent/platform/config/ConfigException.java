package io.microcent.platform.config;

import java.util.List;

/** Invalid configuration, with every problem found, so one start tells the operator everything to fix. */
public final class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = problems;
    }

    public List<String> problems() {
        return problems;
    }
}
