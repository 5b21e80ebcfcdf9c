package io.microcent.deploy.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load client's answer to the bench: one JSON object on one line of its standard output.
 *
 * @param mode       the mode it ran
 * @param runs       each measured run by name, e.g. {@code "measured"} or {@code "from-0"}, in the order they ran
 * @param rssPeakKb  the client process's peak resident memory (VmHWM)
 * @param heapMaxBytes the client JVM's maximum heap
 */
record ClientReport(String mode, Map<String, LoadFigures> runs, long rssPeakKb, long heapMaxBytes) {

    /** A plain mapper: the line is the bench's own format, independent of the platform's JSON rules. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    ClientReport {
        runs = new LinkedHashMap<>(runs);
    }

    LoadFigures run(String name) {
        LoadFigures figures = runs.get(name);
        if (figures == null) {
            throw new IllegalStateException("the load client's " + mode + " report has no run " + name + ": " + runs.keySet());
        }
        return figures;
    }

    String line() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ClientReport parse(String line) {
        try {
            return MAPPER.readValue(line, ClientReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a load client report: " + line, e);
        }
    }

    /**
     * The report among everything the client printed: its last line that is a JSON object (anything else on
     * standard output, such as a library's log line, is not the report).
     */
    static ClientReport from(List<String> stdout) {
        for (int i = stdout.size() - 1; i >= 0; i--) {
            if (stdout.get(i).startsWith("{")) {
                return parse(stdout.get(i));
            }
        }
        throw new IllegalStateException("the load client printed no report; its output was: " + stdout);
    }
}
