package io.microcent.platform.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import kafka.tools.StorageTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Kafka node's log directory: formatted once with a cluster id, then reused on every start. */
final class KafkaStorage {

    private static final Logger log = LoggerFactory.getLogger(KafkaStorage.class);
    private static final String META_PROPERTIES = "meta.properties";

    private KafkaStorage() {
    }

    static boolean isFormatted(Path logDir) {
        return Files.isRegularFile(logDir.resolve(META_PROPERTIES));
    }

    /**
     * Runs {@code kafka-storage.sh format} (its entry point {@link StorageTool}) with {@code clusterId} on the
     * given server configuration. Call it only for an unformatted directory, so an existing cluster id and its
     * data are never replaced.
     */
    static void format(Path propertiesFile, Path logDir, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(
                    new String[] {"format", "--config", propertiesFile.toString(), "--cluster-id", clusterId},
                    printStream);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
        String printed = output.toString(StandardCharsets.UTF_8).strip();
        if (exitCode != 0) {
            throw new IllegalStateException("could not format Kafka storage in " + logDir + " (exit " + exitCode + "): " + printed);
        }
        log.info("Formatted Kafka storage in {} with cluster id {}: {}", logDir, clusterId, printed);
    }

    /**
     * Writes the configuration next to the log directory: the format tool reads it from a file, and it shows a
     * person what the running node uses.
     */
    static Path writeProperties(Path file, Map<String, String> props, String comment) {
        Properties properties = new Properties();
        properties.putAll(props);
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, comment);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        return file;
    }

    static String readClusterId(Path logDir) {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(logDir.resolve(META_PROPERTIES))) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return meta.getProperty("cluster.id");
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dir, e);
        }
    }
}
