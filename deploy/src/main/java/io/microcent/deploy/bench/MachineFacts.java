package io.microcent.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The facts about this machine and process that the bench prints beside its figures. */
final class MachineFacts {

    private MachineFacts() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String jdk() {
        return System.getProperty("java.vm.vendor") + " " + Runtime.version();
    }

    static long heapMaxBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /** This process's peak resident memory in kB (Linux's VmHWM), or 0 where /proc does not tell. */
    static long rssPeakKb() {
        return procStatusKb("VmHWM:");
    }

    /** The machine's memory in kB (MemTotal), or 0 where /proc does not tell. */
    static long memoryKb() {
        try {
            return kbField(Files.readString(Path.of("/proc/meminfo")), "MemTotal:");
        } catch (IOException e) {
            return 0;
        }
    }

    private static long procStatusKb(String field) {
        try {
            return kbField(Files.readString(Path.of("/proc/self/status")), field);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The value of a {@code Name:   12345 kB} line of a /proc file, 0 if the file has no such line. */
    static long kbField(String procFile, String field) {
        for (String line : procFile.split("\n")) {
            if (line.startsWith(field)) {
                String value = line.substring(field.length()).trim();
                int space = value.indexOf(' ');
                return Long.parseLong(space < 0 ? value : value.substring(0, space));
            }
        }
        return 0;
    }

    /**
     * The 1-minute load average (/proc/loadavg), or an empty text where it does not tell: above the core count,
     * something besides the bench took CPU and its figures are low.
     */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static String mib(long kb) {
        return "%,d MiB".formatted(kb / 1024);
    }
}
