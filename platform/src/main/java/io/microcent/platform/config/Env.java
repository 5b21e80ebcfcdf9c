package io.microcent.platform.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration from environment variables. Every read records what is wrong instead of throwing, so
 * {@link #validate()} can report all errors together at start.
 */
public final class Env {

    private final Map<String, String> vars;
    private final List<String> errors = new ArrayList<>();

    public Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public Optional<String> optional(String name) {
        String value = vars.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String string(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    /** A value that has no default: its absence is an error reported by {@link #validate()}. */
    public String required(String name, String why) {
        return optional(name).orElseGet(() -> {
            errors.add(name + " is required (" + why + ")");
            return "";
        });
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                errors.add(name + " must be between " + min + " and " + max + ", got " + value);
                return defaultValue;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(name + " must be a whole number, got '" + raw.get() + "'");
            return defaultValue;
        }
    }

    public int port(String name, int defaultValue) {
        return integer(name, defaultValue, 0, 65_535);
    }

    public Path path(String name, String defaultValue) {
        return Path.of(string(name, defaultValue)).toAbsolutePath().normalize();
    }

    public boolean flag(String name, boolean defaultValue) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> {
                errors.add(name + " must be true or false, got '" + raw.get() + "'");
                yield defaultValue;
            }
        };
    }

    /** Records a problem found by a caller's own check, to be reported with the others. */
    public void reject(String message) {
        errors.add(message);
    }

    /** Throws one {@link ConfigException} listing every problem met so far. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new ConfigException(List.copyOf(errors));
        }
    }
}
