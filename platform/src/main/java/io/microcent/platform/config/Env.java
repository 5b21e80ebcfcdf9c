package io.microcent.platform.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration from environment variables. Every read records what is wrong instead of throwing, so
 * {@link #validate()} can report all errors together at start. It also remembers which variables were asked
 * for, with their defaults ({@link #settings()}): a service's settings table comes from the code that reads
 * them, so deployment files can be checked against it.
 */
public final class Env {

    private final Map<String, String> vars;
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Setting> asked = new LinkedHashMap<>();

    /**
     * A variable some code read.
     *
     * @param defaultValue what applies when it is unset; empty when unset means "off" or "not given"
     * @param required     unset is a configuration error
     */
    public record Setting(String name, Optional<String> defaultValue, boolean required) {
    }

    public Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public Optional<String> optional(String name) {
        note(new Setting(name, Optional.empty(), false));
        return raw(name);
    }

    public String string(String name, String defaultValue) {
        note(new Setting(name, Optional.of(defaultValue), false));
        return raw(name).orElse(defaultValue);
    }

    /** A value that has no default: its absence is an error reported by {@link #validate()}. */
    public String required(String name, String why) {
        note(new Setting(name, Optional.empty(), true));
        return raw(name).orElseGet(() -> {
            errors.add(name + " is required (" + why + ")");
            return "";
        });
    }

    public int integer(String name, int defaultValue, int min, int max) {
        note(new Setting(name, Optional.of(String.valueOf(defaultValue)), false));
        Optional<String> raw = raw(name);
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
        note(new Setting(name, Optional.of(String.valueOf(defaultValue)), false));
        Optional<String> raw = raw(name);
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

    /**
     * Every variable read so far, in the order first read. Read twice, a variable keeps what the more telling
     * read said: a default or "required" beats a plain optional read.
     */
    public List<Setting> settings() {
        return List.copyOf(asked.values());
    }

    private Optional<String> raw(String name) {
        String value = vars.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private void note(Setting setting) {
        asked.merge(setting.name(), setting, (before, now) ->
                before.required() || before.defaultValue().isPresent() ? before : now);
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
