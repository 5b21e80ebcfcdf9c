package io.microcent.deploy.clusterfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the cluster files are, and reading them. YAML is read with SnakeYAML (which jackson-dataformat-yaml
 * brings) because it resolves anchors, aliases and {@code <<} merge keys as Compose and kubectl do; Jackson's
 * own YAML parser leaves an alias as the anchor's name. The result is a Jackson tree, copied freely by the
 * tests that break a file on purpose.
 */
final class ClusterFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterFiles() {
    }

    /** The repository root: the tests run in the deploy module's directory. */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(here.resolve("deploy")) ? here : here.getParent();
        if (!Files.isRegularFile(root.resolve("deploy/pom.xml"))) {
            throw new IllegalStateException("not run from the repository or the deploy module: " + here);
        }
        return root;
    }

    static Path compose() {
        return repositoryRoot().resolve("deploy/compose/compose.yaml");
    }

    static Path kubernetes() {
        return repositoryRoot().resolve("deploy/k8s");
    }

    static Path dockerfile() {
        return repositoryRoot().resolve("deploy/docker/Dockerfile");
    }

    static Path deployPom() {
        return repositoryRoot().resolve("deploy/pom.xml");
    }

    /** Every document of a YAML file, anchors resolved; empty documents (a trailing {@code ---}) left out. */
    static List<JsonNode> yamlDocuments(Path file) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<JsonNode> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : yaml.loadAll(reader)) {
                if (document != null) {
                    documents.add(JSON.valueToTree(document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static JsonNode yaml(Path file) {
        List<JsonNode> documents = yamlDocuments(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " holds " + documents.size() + " documents, expected one");
        }
        return documents.getFirst();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A node's text: a scalar as YAML wrote it, empty when absent or null. */
    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? "" : Objects.requireNonNullElse(node.asText(), "");
    }

    /** A mapping of scalars as text (labels, selectors, annotations, ConfigMap data). */
    static Map<String, String> strings(JsonNode mapping) {
        Map<String, String> strings = new LinkedHashMap<>();
        mapping.fields().forEachRemaining(e -> strings.put(e.getKey(), text(e.getValue())));
        return strings;
    }
}
