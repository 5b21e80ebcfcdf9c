package io.microcent.caps.spend;

import java.util.List;
import java.util.TreeSet;

/**
 * The thresholds (percentages) of one cap that already alerted in one period, as kept in
 * {@link SpendTopology#THRESHOLDS_STORE} under its {@link io.microcent.model.caps.CapPeriodKey}, so that each alerts once.
 */
public record FiredThresholds(List<Integer> percents) {

    public static final FiredThresholds NONE = new FiredThresholds(List.of());

    public FiredThresholds {
        percents = List.copyOf(new TreeSet<>(percents));
    }

    public static FiredThresholds orNone(FiredThresholds fired) {
        return fired != null ? fired : NONE;
    }

    public boolean contains(int percent) {
        return percents.contains(percent);
    }

    public FiredThresholds with(List<Integer> more) {
        TreeSet<Integer> all = new TreeSet<>(percents);
        all.addAll(more);
        return new FiredThresholds(List.copyOf(all));
    }
}
