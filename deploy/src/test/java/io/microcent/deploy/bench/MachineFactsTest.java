package io.microcent.deploy.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MachineFactsTest {

    private static final String STATUS = """
            Name:\tjava
            VmPeak:\t 9000000 kB
            VmHWM:\t 1234567 kB
            VmRSS:\t 1000000 kB
            """;

    @Test
    void reads_the_peak_resident_memory_from_a_proc_status_file() {
        assertThat(MachineFacts.kbField(STATUS, "VmHWM:")).isEqualTo(1_234_567);
    }

    @Test
    void a_field_the_file_lacks_is_zero() {
        assertThat(MachineFacts.kbField(STATUS, "VmSwap:")).isZero();
    }

    @Test
    void this_process_has_a_peak_on_linux() {
        assertThat(MachineFacts.rssPeakKb()).isPositive();
    }
}
