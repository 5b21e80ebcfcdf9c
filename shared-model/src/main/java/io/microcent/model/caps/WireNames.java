package io.microcent.model.caps;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the wire name of a caps enum ({@code costCenter}, {@code month}, ...), naming the allowed ones when it is unknown. */
final class WireNames {

    private WireNames() {
    }

    static <E extends Enum<E>> E parse(String kind, E[] values, Function<E, String> wireName, String text) {
        for (E value : values) {
            if (wireName.apply(value).equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException(kind + " must be one of "
                + Arrays.stream(values).map(wireName).collect(Collectors.joining(", ")) + ", got '" + text + "'");
    }
}
