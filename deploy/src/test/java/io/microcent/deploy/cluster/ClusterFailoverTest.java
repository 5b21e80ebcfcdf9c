package io.microcent.deploy.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripted failover on a real local cluster (three Kafka nodes, PostgreSQL, two JVMs per service) with a small
 * load: kill -9 of a rating, caps, invoicing and ingest instance and of the Kafka node leading most of
 * {@code usage.events} loses nothing and counts nothing twice, both invoicing instances close the month into one
 * invoice per customer, and authorize never lets a customer past its hard cap.
 */
class ClusterFailoverTest {

    @TempDir
    Path workDir;

    @Test
    void kill_minus_nine_of_any_kind_of_process_under_load_loses_nothing_and_doubles_nothing() {
        RunOptions options = RunOptions.parse(List.of("--events-per-second", "200", "--batch", "50", "--customers", "3",
                "--cap-calls", "40", "--month-end-after", "150")).withWorkDir(workDir);

        FailoverReport report = ClusterFailover.run(options, System.getProperty("java.class.path"));
        report.print(System.out);

        assertThat(report.rounds()).extracting(Round::kind).containsExactly(
                ProcessKind.RATING, ProcessKind.CAPS, ProcessKind.INVOICING, ProcessKind.INGEST, ProcessKind.BROKER);
        assertThat(report.rounds()).allSatisfy(round -> {
            assertThat(round.failover().total()).as("%s: every stage served again", round.killed()).isFinite();
            assertThat(round.totals().differences()).as("totals after killing %s", round.killed()).isEmpty();
        });
        assertThat(report.totals().acknowledged()).isPositive();
        assertThat(report.lost()).as("lost").isZero();
        assertThat(report.doubled()).as("doubled").isZero();
        assertThat(report.refusedEvents()).as("events refused for good").isZero();
        assertThat(report.invoices()).hasValueSatisfying(invoices -> {
            assertThat(invoices.problems()).as("one finalized invoice per customer, its usage as sent").isEmpty();
            assertThat(invoices.invoices()).isEqualTo(invoices.customers());
        });
        assertThat(report.authorize().allowed()).as("calls allowed").isPositive();
        assertThat(report.authorize().refused()).as("calls refused once the cap was reached").isPositive();
        assertThat(report.capSpend()).as("usage sent for allowed calls, per month").isNotEmpty();
        assertThat(report.capProblems()).as("spend within the hard cap").isEmpty();
        assertThat(report.authorize().allowedAfterRefused()).as("allowed after a refusal").isZero();
        assertThat(report.authorize().unavailableWithoutRetryAfter()).as("503s without Retry-After").isZero();
        assertThat(report.ok()).isTrue();
    }
}
