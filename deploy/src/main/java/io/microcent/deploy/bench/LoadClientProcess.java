package io.microcent.deploy.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link LoadClient} run in its own JVM against the platform on {@code port}, and its report. */
final class LoadClientProcess {

    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private final String mode;
    private final ChildJvm jvm;

    private LoadClientProcess(String mode, ChildJvm jvm) {
        this.mode = mode;
        this.jvm = jvm;
    }

    /** @param params the mode's options, {@code --name value} pairs */
    static LoadClientProcess start(String mode, int port, String secret, List<String> params) {
        List<String> args = new ArrayList<>(List.of(mode, "--port", Integer.toString(port), "--secret", secret));
        args.addAll(params);
        return new LoadClientProcess(mode, ChildJvm.start("load client " + mode, LoadClient.class.getName(), args));
    }

    boolean running() {
        return jvm.running();
    }

    ClientReport await() throws InterruptedException {
        ClientReport report = ClientReport.from(jvm.await(TIMEOUT));
        if (!report.mode().equals(mode)) {
            throw new IllegalStateException("asked the load client for " + mode + ", it reported " + report.mode());
        }
        return report;
    }
}
