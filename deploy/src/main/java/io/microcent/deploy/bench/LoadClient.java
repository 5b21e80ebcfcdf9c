package io.microcent.deploy.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bench's load generator, in its own JVM so that its CPU and memory are not the server's: {@code java -cp
 * microcent.jar io.microcent.deploy.bench.LoadClient <mode> --port P --secret S ...}. It prints one line on
 * standard output, a {@link ClientReport} in JSON; anything it has to say besides goes to standard error.
 *
 * <p>Modes: {@value #INGEST_CLOSED} ({@code --run-id --events --batch --concurrency --customers --timestamp}),
 * {@value #INGEST_OPEN} ({@code --run-id --rate --batch --seconds --customers --timestamp}),
 * {@value #AUTHORIZE_OPEN} ({@code --rate --warmup-seconds --seconds --customers}) and
 * {@value #AUTHORIZE_CLOSED} ({@code --customer --requests --connections}).
 */
public final class LoadClient {

    static final String INGEST_CLOSED = "ingest-closed";
    static final String INGEST_OPEN = "ingest-open";
    static final String AUTHORIZE_OPEN = "authorize-open";
    static final String AUTHORIZE_CLOSED = "authorize-closed";

    private static final Set<String> NAMES = Set.of("--port", "--secret", "--run-id", "--events", "--batch",
            "--concurrency", "--customers", "--timestamp", "--rate", "--seconds", "--warmup-seconds", "--customer",
            "--requests", "--connections");

    private LoadClient() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: LoadClient " + List.of(INGEST_CLOSED, INGEST_OPEN, AUTHORIZE_OPEN, AUTHORIZE_CLOSED)
                    + " --port P --secret S ...");
            System.exit(2);
        }
        String mode = args[0];
        Args given = Args.parse(List.of(args).subList(1, args.length), NAMES);
        int port = given.positive("--port");
        String secret = given.text("--secret");
        Map<String, LoadFigures> runs = new LinkedHashMap<>();
        switch (mode) {
            case INGEST_CLOSED -> runs.put("measured", new IngestLoad(port, secret).closedLoop(given.text("--run-id"),
                    given.positive("--events"), given.positive("--batch"), given.positive("--concurrency"),
                    given.positive("--customers"), Instant.parse(given.text("--timestamp"))));
            case INGEST_OPEN -> runs.put("measured", new IngestLoad(port, secret).openLoop(given.text("--run-id"),
                    given.positive("--rate"), given.positive("--batch"), Duration.ofSeconds(given.positive("--seconds")),
                    given.positive("--customers"), Instant.parse(given.text("--timestamp"))));
            case AUTHORIZE_OPEN -> {
                AuthorizeLoad authorize = new AuthorizeLoad(port, secret);
                int rate = given.positive("--rate");
                int customers = given.positive("--customers");
                runs.put("warm-up", authorize.openLoop(rate, Duration.ofSeconds(given.positive("--warmup-seconds")), customers));
                runs.put("measured", authorize.openLoop(rate, Duration.ofSeconds(given.positive("--seconds")), customers));
            }
            case AUTHORIZE_CLOSED -> runs.put("measured", new AuthorizeLoad(port, secret).closedLoop(given.text("--customer"),
                    given.positive("--requests"), given.positive("--connections")));
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        System.out.println(new ClientReport(mode, runs, MachineFacts.rssPeakKb(), MachineFacts.heapMaxBytes()).line());
        // the HTTP client's selector thread would keep a closing JVM waiting for its idle connections
        System.exit(0);
    }
}
