package io.microcent.deploy.clusterfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every object of deploy/k8s (each file's documents), and its kustomization. */
record KubernetesManifests(List<Manifest> objects, Manifest kustomization, List<String> files) {

    static final String DIR = "deploy/k8s/";
    static final String KUSTOMIZATION = "kustomization.yaml";
    static final String NAME_LABEL = "app.kubernetes.io/name";

    /** One object, and the file that holds it. */
    record Manifest(String file, ObjectNode object) {

        String kind() {
            return ClusterFiles.text(object.get("kind"));
        }

        String name() {
            return ClusterFiles.text(object.path("metadata").get("name"));
        }

        String where() {
            return DIR + file + ": " + kind() + " " + name();
        }

        JsonNode spec() {
            return object.path("spec");
        }

        /** A Deployment's or StatefulSet's pod template. */
        JsonNode pod() {
            return spec().path("template");
        }

        Map<String, String> podLabels() {
            return ClusterFiles.strings(pod().path("metadata").path("labels"));
        }

        /** A Service's, a PodDisruptionBudget's or a workload's selector, as labels the pods must carry. */
        Map<String, String> selector() {
            JsonNode selector = spec().path("selector");
            return ClusterFiles.strings(selector.has("matchLabels") ? selector.path("matchLabels") : selector);
        }

        boolean selects(Map<String, String> labels) {
            Map<String, String> selector = selector();
            return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
        }

        boolean headless() {
            return "None".equals(ClusterFiles.text(spec().get("clusterIP")));
        }
    }

    static KubernetesManifests read() {
        Path dir = ClusterFiles.kubernetes();
        List<String> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Manifest> objects = new ArrayList<>();
        Manifest kustomization = null;
        for (String file : files) {
            for (JsonNode document : ClusterFiles.yamlDocuments(dir.resolve(file))) {
                Manifest manifest = new Manifest(file, (ObjectNode) document);
                if (file.equals(KUSTOMIZATION)) {
                    kustomization = manifest;
                } else {
                    objects.add(manifest);
                }
            }
        }
        return new KubernetesManifests(List.copyOf(objects), kustomization, files);
    }

    /** A deep copy, to break on purpose. */
    KubernetesManifests copy() {
        return new KubernetesManifests(objects.stream().map(m -> new Manifest(m.file(), m.object().deepCopy())).toList(),
                new Manifest(kustomization.file(), kustomization.object().deepCopy()), files);
    }

    List<Manifest> ofKind(String... kinds) {
        List<String> wanted = List.of(kinds);
        return objects.stream().filter(m -> wanted.contains(m.kind())).toList();
    }

    Optional<Manifest> find(String kind, String name) {
        return objects.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst();
    }

    /** The Deployment or StatefulSet whose pods are labelled {@code service}. */
    Optional<Manifest> workload(String service) {
        return ofKind("Deployment", "StatefulSet").stream()
                .filter(w -> service.equals(w.podLabels().get(NAME_LABEL))).findFirst();
    }

    ObjectNode object(String kind, String name) {
        return find(kind, name).orElseThrow().object();
    }
}
