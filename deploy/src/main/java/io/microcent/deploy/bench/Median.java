package io.microcent.deploy.bench;

import java.util.List;

/** The median of some runs' figures: the middle one, or the mean of the two middle ones of an even count. */
final class Median {

    private Median() {
    }

    static double of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
