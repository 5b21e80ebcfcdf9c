package io.microcent.deploy.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} command-line options of the benches and the load client. An unknown name, a name without
 * a value or a number that is not one is refused with the option named, so that a mistyped option never
 * silently runs the default.
 */
final class Args {

    private final Map<String, String> values;

    private Args(Map<String, String> values) {
        this.values = values;
    }

    static Args parse(List<String> args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + "; known: " + known.stream().sorted().toList());
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            if (values.put(name, args.get(i + 1)) != null) {
                throw new IllegalArgumentException("option " + name + " given twice");
            }
        }
        return new Args(values);
    }

    /** A whole number of at least 1 that must be given. */
    int positive(String name) {
        return positive(text(name), name);
    }

    /** A whole number of at least 1, or {@code defaultValue} when the option is not given. */
    int positive(String name, int defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : positive(value, name);
    }

    private static int positive(String value, String name) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException("option " + name + " must be a whole number of at least 1, not " + value);
    }

    /** The option's text, or {@code defaultValue} when it is not given. */
    String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("option " + name + " is required");
        }
        return value;
    }
}
