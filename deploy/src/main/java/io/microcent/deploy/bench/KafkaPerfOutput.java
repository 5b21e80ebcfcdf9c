package io.microcent.deploy.bench;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The summary lines of Kafka's {@code ProducerPerformance} and {@code ConsumerPerformance}, read into figures. */
final class KafkaPerfOutput {

    /** A ProducerPerformance run: records acknowledged, their rate over the whole run, and its send→ack latency. */
    record Produced(long records, double recordsPerSecond, double mbPerSecond, double avgLatencyMs, double maxLatencyMs,
                    long p50Ms, long p99Ms) {

        double seconds() {
            return records / recordsPerSecond;
        }
    }

    /** A ConsumerPerformance run: records read, and their rate over the fetch time (the group join not counted). */
    record Consumed(long records, double recordsPerSecond, long fetchMs, long rebalanceMs) {
    }

    // "1000000 records sent, 123456.789012 records/sec (35.32 MB/sec), 12.34 ms avg latency, 250.00 ms max latency,
    // 10 ms 50th, 30 ms 95th, 40 ms 99th, 90 ms 99.9th." (the progress lines every few seconds have no percentiles)
    private static final Pattern PRODUCED = Pattern.compile("^(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
            + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, \\d+ ms 95th, (\\d+) ms 99th, \\d+ ms 99\\.9th\\.$");

    private KafkaPerfOutput() {
    }

    static Produced produced(List<String> stdout) {
        for (String line : stdout.reversed()) {
            Matcher m = PRODUCED.matcher(line.trim());
            if (m.matches()) {
                return new Produced(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                        Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Long.parseLong(m.group(6)),
                        Long.parseLong(m.group(7)));
            }
        }
        throw new IllegalArgumentException("no ProducerPerformance summary in: " + stdout);
    }

    /**
     * The data line after the header {@code start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg,
     * nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec}.
     */
    static Consumed consumed(List<String> stdout) {
        for (String line : stdout.reversed()) {
            String[] fields = line.split(",\\s*");
            if (fields.length == 10 && fields[4].trim().matches("\\d+")) {
                return new Consumed(Long.parseLong(fields[4].trim()), Double.parseDouble(fields[9].trim()),
                        Long.parseLong(fields[7].trim()), Long.parseLong(fields[6].trim()));
            }
        }
        throw new IllegalArgumentException("no ConsumerPerformance figures in: " + stdout);
    }
}
