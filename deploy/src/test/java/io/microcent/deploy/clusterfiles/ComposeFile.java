package io.microcent.deploy.clusterfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.deploy.HealthProbe;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * deploy/compose/compose.yaml as a tree (anchors resolved), and what the checks ask of it: its services, the
 * Microcent ones as {@link Container}s, which host names reach which services.
 */
record ComposeFile(String file, ObjectNode root) {

    static final String FILE = "deploy/compose/compose.yaml";
    private static final Pattern INSTANCE_SUFFIX = Pattern.compile("-\\d+$");

    static ComposeFile read() {
        return new ComposeFile(FILE, (ObjectNode) ClusterFiles.yaml(ClusterFiles.compose()));
    }

    /** A deep copy, to break on purpose. */
    ComposeFile copy() {
        return new ComposeFile(file, root.deepCopy());
    }

    ObjectNode service(String name) {
        return (ObjectNode) root.path("services").path(name);
    }

    List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        root.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    String image(String service) {
        return ClusterFiles.text(service(service).get("image"));
    }

    /** The services running Microcent's image (named as the Dockerfile's tag names it). */
    List<String> microcentServices() {
        String imageName = Dockerfile.read().tag().split(":")[0];
        return serviceNames().stream().filter(s -> image(s).split(":")[0].equals(imageName)).toList();
    }

    List<String> servicesWithImage(String imageName) {
        return serviceNames().stream().filter(s -> image(s).split(":")[0].equals(imageName)).toList();
    }

    /** {@code ingest-2} claims to be {@code ingest}. */
    static String claimedService(String serviceName) {
        return INSTANCE_SUFFIX.matcher(serviceName).replaceFirst("");
    }

    Map<String, String> env(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode environment = service(service).path("environment");
        if (environment.isArray()) {
            environment.forEach(entry -> {
                String[] pair = entry.asText().split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        } else {
            environment.fields().forEachRemaining(e -> env.put(e.getKey(), ClusterFiles.text(e.getValue())));
        }
        return env;
    }

    List<String> list(String service, String field) {
        List<String> values = new ArrayList<>();
        service(service).path(field).forEach(v -> values.add(v.asText()));
        return values;
    }

    List<String> healthCheck(String service) {
        List<String> test = new ArrayList<>();
        service(service).path("healthcheck").path("test").forEach(v -> test.add(v.asText()));
        return test;
    }

    /** The URL the service's health check asks with {@link HealthProbe}, if that is its health check. */
    Optional<URI> probeUrl(String service) {
        List<String> test = healthCheck(service);
        int probe = test.indexOf(HealthProbe.class.getName());
        return probe < 0 || probe + 1 >= test.size() ? Optional.empty() : Optional.of(URI.create(test.get(probe + 1)));
    }

    /** Mount path to volume name, of the named volumes the service mounts ({@code name:/path}). */
    Map<String, String> mounts(String service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (String volume : list(service, "volumes")) {
            String[] parts = volume.split(":");
            if (parts.length >= 2) {
                mounts.put(parts[1], parts[0]);
            }
        }
        return mounts;
    }

    List<String> declaredVolumes() {
        List<String> names = new ArrayList<>();
        root.path("volumes").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Host name to the services it reaches: each service's own name and its network aliases. */
    Map<String, List<String>> hosts() {
        Map<String, List<String>> hosts = new LinkedHashMap<>();
        for (String service : serviceNames()) {
            hosts.computeIfAbsent(service, h -> new ArrayList<>()).add(service);
            service(service).path("networks").forEach(network ->
                    network.path("aliases").forEach(alias -> hosts.computeIfAbsent(alias.asText(), h -> new ArrayList<>()).add(service)));
        }
        return hosts;
    }

    Container container(String service) {
        List<Container.Endpoint> endpoints = new ArrayList<>();
        probeUrl(service).ifPresent(url -> endpoints.add(new Container.Endpoint("health check", url.getPort(), Optional.of(url.getPath()))));
        for (String published : list(service, "ports")) {
            String containerPort = published.substring(published.lastIndexOf(':') + 1).replace("/tcp", "");
            endpoints.add(new Container.Endpoint("published port " + published, Integer.parseInt(containerPort), Optional.empty()));
        }
        Map<String, String> env = env(service);
        return new Container(file, service, claimedService(service), image(service), list(service, "command"), env,
                endpoints, env.getOrDefault(MicrocentProcess.DATA_DIR, Dockerfile.read().dataDir()), mounts(service));
    }
}
