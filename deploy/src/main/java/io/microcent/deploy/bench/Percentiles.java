package io.microcent.deploy.bench;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/** A latency distribution reduced to the figures the bench reports, in microseconds. */
record Percentiles(long count, long p50, long p90, long p99, long p999, long max) {

    static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0);

    /** A histogram for latencies in microseconds up to ten minutes, three significant digits. */
    static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    /** Records {@code micros}, clamped to what {@code histogram} can hold, so an outlier is kept as its ceiling, not lost. */
    static void record(Histogram histogram, long micros) {
        histogram.recordValue(Math.clamp(micros, 0, histogram.getHighestTrackableValue()));
    }

    static Percentiles of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return NONE;
        }
        return new Percentiles(histogram.getTotalCount(), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(90), histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9), histogram.getMaxValue());
    }

    /** {@code p50 1.23 ms, p99 4.56 ms, max 7.89 ms}. */
    String p50p99max() {
        return "p50 %s, p99 %s, max %s".formatted(ms(p50), ms(p99), ms(max));
    }

    String p50p99() {
        return "p50 %s, p99 %s".formatted(ms(p50), ms(p99));
    }

    String p50p99p999() {
        return "p50 %s, p99 %s, p99.9 %s".formatted(ms(p50), ms(p99), ms(p999));
    }

    static String ms(long micros) {
        return micros >= 100_000 ? "%,.0f ms".formatted(micros / 1e3) : "%.2f ms".formatted(micros / 1e3);
    }
}
