package io.microcent.console.web;

import java.util.Arrays;
import java.util.Optional;

/**
 * One option of a page control (a view, a time range, a grouping, a sort): how the URL spells it and what the
 * page calls it. An unknown spelling is no choice, so a hand-edited URL falls back to the control's default.
 */
public interface Choice {

    String parameter();

    String label();

    /** The choice among {@code choices} spelled {@code raw}, exactly (case matters, as in the APIs). */
    static <E extends Enum<E> & Choice> Optional<E> parse(E[] choices, String raw) {
        return Arrays.stream(choices).filter(choice -> choice.parameter().equals(raw)).findFirst();
    }
}
