package io.microcent.deploy.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class of this jar run in a JVM of its own: the same java binary and class path as this one, its
 * standard output collected line by line, its standard error passed through.
 */
final class ChildJvm {

    private final String name;
    private final Process process;
    private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    stdout.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static ChildJvm start(String name, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                // read by the jar's logback.xml: only warnings, so that standard output stays the child's answer
                "-DMICROCENT_LOG_LEVEL=WARN",
                // the Kafka tools format their figures in the default locale; the parsers read English numbers
                "-Duser.language=en", "-Duser.country=US",
                mainClass));
        command.addAll(args);
        try {
            return new ChildJvm(name, new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    boolean running() {
        return process.isAlive();
    }

    /** Waits for the child to end and answers its standard output; throws unless it ended with status 0. */
    List<String> await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not end within " + timeout + "; its output: " + stdout);
        }
        reader.join();
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " ended with status " + process.exitValue() + "; its output: " + stdout);
        }
        return List.copyOf(stdout);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
