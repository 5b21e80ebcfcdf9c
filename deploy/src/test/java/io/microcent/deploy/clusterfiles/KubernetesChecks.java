package io.microcent.deploy.clusterfiles;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.console.ConsoleSettings;
import io.microcent.console.api.ServiceName;
import io.microcent.deploy.clusterfiles.KubernetesManifests.Manifest;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What must hold for the Kubernetes manifests: each check adds a problem naming the file and the object. */
final class KubernetesChecks {

    static final int REPLICAS = 2;
    static final int MIN_GRACE_SECONDS = 30;
    /** Kafka Streams state and a stable identity: a StatefulSet; the others keep nothing of their own. */
    static final Set<String> STATEFUL = Set.of("rating", "caps");
    private static final Pattern ADVERTISED = Pattern.compile(
            "http://\\$\\(POD_NAME\\)\\.([a-z0-9-]+)\\.\\$\\(POD_NAMESPACE\\)\\.svc:(\\d+)");

    private KubernetesChecks() {
    }

    static List<String> problems(KubernetesManifests k8s) {
        List<String> problems = new ArrayList<>();
        for (String service : MicrocentProcess.names()) {
            if (k8s.workload(service).isEmpty()) {
                problems.add(KubernetesManifests.DIR + ": no Deployment or StatefulSet runs " + service);
            }
        }
        for (Manifest workload : k8s.ofKind("Deployment", "StatefulSet")) {
            Container container = container(k8s, workload, problems);
            ContainerChecks.check(container, problems);
            if (MicrocentProcess.of(container.service()).isPresent()) {
                workload(k8s, workload, container, problems);
            }
        }
        services(k8s, problems);
        configMaps(k8s, problems);
        namespaces(k8s, problems);
        return problems;
    }

    /** The workload's Microcent container as {@link ContainerChecks} sees it; its references checked on the way. */
    static Container container(KubernetesManifests k8s, Manifest workload, List<String> problems) {
        JsonNode spec = mainContainer(workload);
        String where = workload.where();
        if (spec.has("command")) {
            problems.add(where + ": replaces the image's entrypoint (java -cp microcent.jar): name the main class in args");
        }
        Map<String, String> env = env(k8s, workload, spec, problems);
        Map<String, String> labels = workload.podLabels();
        List<Container.Endpoint> endpoints = new ArrayList<>();
        spec.path("ports").forEach(p -> endpoints.add(new Container.Endpoint("containerPort " + ClusterFiles.text(p.get("name")),
                p.path("containerPort").asInt(), Optional.empty())));
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            JsonNode get = spec.path(probe).path("httpGet");
            if (!get.isMissingNode()) {
                endpoints.add(new Container.Endpoint(probe, port(spec, get.path("port")), Optional.of(ClusterFiles.text(get.get("path")))));
            }
        }
        Map<String, String> annotations = ClusterFiles.strings(workload.pod().path("metadata").path("annotations"));
        if (annotations.containsKey("prometheus.io/port")) {
            endpoints.add(new Container.Endpoint("annotation prometheus.io/port", Integer.parseInt(annotations.get("prometheus.io/port")),
                    Optional.ofNullable(annotations.get("prometheus.io/path"))));
        }
        for (Manifest service : k8s.ofKind("Service")) {
            if (service.selects(labels)) {
                service.spec().path("ports").forEach(p -> endpoints.add(new Container.Endpoint(
                        "Service " + service.name() + " targetPort", port(spec, p.path("targetPort")), Optional.empty())));
            }
        }
        Map<String, String> mounts = new LinkedHashMap<>();
        spec.path("volumeMounts").forEach(m -> mounts.put(ClusterFiles.text(m.get("mountPath")), ClusterFiles.text(m.get("name"))));
        List<String> args = new ArrayList<>();
        spec.path("args").forEach(a -> args.add(a.asText()));
        return new Container(KubernetesManifests.DIR + workload.file(), workload.kind() + " " + workload.name(),
                labels.getOrDefault(KubernetesManifests.NAME_LABEL, "(unlabelled)"), ClusterFiles.text(spec.get("image")), args, env,
                endpoints, env.getOrDefault(MicrocentProcess.DATA_DIR, Dockerfile.read().dataDir()), mounts);
    }

    /** The container running Microcent's image (the first one when none does, so that the image check names it). */
    private static JsonNode mainContainer(Manifest workload) {
        JsonNode containers = workload.pod().path("spec").path("containers");
        String imageName = Dockerfile.read().tag().split(":")[0];
        for (JsonNode container : containers) {
            if (ClusterFiles.text(container.get("image")).split(":")[0].equals(imageName)) {
                return container;
            }
        }
        return containers.path(0);
    }

    /** A port by number, or by the name of one of the container's ports. */
    private static int port(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode named : container.path("ports")) {
            if (port.asText().equals(ClusterFiles.text(named.get("name")))) {
                return named.path("containerPort").asInt();
            }
        }
        return -1;
    }

    /** Every variable the container gets, from envFrom and env, with where each value comes from. */
    private static Map<String, String> env(KubernetesManifests k8s, Manifest workload, JsonNode container, List<String> problems) {
        String where = workload.where();
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            for (String kind : List.of("ConfigMap", "Secret")) {
                JsonNode ref = from.path(kind.equals("ConfigMap") ? "configMapRef" : "secretRef");
                if (!ref.isMissingNode()) {
                    String name = ClusterFiles.text(ref.get("name"));
                    Optional<Manifest> source = k8s.find(kind, name);
                    if (source.isEmpty()) {
                        problems.add(where + ": takes every key of " + kind + " " + name + ", which no manifest defines");
                    } else {
                        data(source.get()).forEach((key, value) -> env.put(key, value));
                    }
                }
            }
        }
        for (JsonNode variable : container.path("env")) {
            String name = ClusterFiles.text(variable.get("name"));
            JsonNode value = variable.get("value");
            JsonNode valueFrom = variable.path("valueFrom");
            if (value != null) {
                if (!value.isTextual()) {
                    problems.add(where + ": " + name + " is " + value + ", not a string (Kubernetes refuses it; quote it)");
                }
                env.put(name, value.asText());
            } else if (valueFrom.has("fieldRef")) {
                env.put(name, "(field " + ClusterFiles.text(valueFrom.path("fieldRef").get("fieldPath")) + ")");
            } else {
                String kind = valueFrom.has("secretKeyRef") ? "Secret" : "ConfigMap";
                JsonNode ref = valueFrom.has("secretKeyRef") ? valueFrom.path("secretKeyRef") : valueFrom.path("configMapKeyRef");
                String source = ClusterFiles.text(ref.get("name"));
                String key = ClusterFiles.text(ref.get("key"));
                Optional<Manifest> object = k8s.find(kind, source);
                if (object.isEmpty() || !data(object.get()).containsKey(key)) {
                    problems.add(where + ": " + name + " comes from key " + key + " of " + kind + " " + source + ", which "
                            + (object.isEmpty() ? "no manifest defines" : "has no such key"));
                }
                env.put(name, "(" + kind + " " + source + "/" + key + ")");
            }
        }
        return env;
    }

    /** A ConfigMap's data, or a Secret's data and stringData. */
    private static Map<String, String> data(Manifest source) {
        Map<String, String> data = new LinkedHashMap<>(ClusterFiles.strings(source.object().path("data")));
        data.putAll(ClusterFiles.strings(source.object().path("stringData")));
        return data;
    }

    private static void workload(KubernetesManifests k8s, Manifest workload, Container container, List<String> problems) {
        String where = workload.where();
        String service = container.service();
        String kind = STATEFUL.contains(service) ? "StatefulSet" : "Deployment";
        if (!workload.kind().equals(kind)) {
            problems.add(where + ": " + service + " should run as a " + kind);
        }
        if (workload.spec().path("replicas").asInt(-1) != REPLICAS) {
            problems.add(where + ": runs " + workload.spec().path("replicas") + " replicas, not " + REPLICAS);
        }
        if (!workload.selects(workload.podLabels())) {
            problems.add(where + ": its selector " + workload.selector() + " does not select its own pods " + workload.podLabels());
        }
        JsonNode spec = mainContainer(workload);
        JsonNode resources = spec.path("resources");
        for (String needed : List.of("requests.cpu", "requests.memory", "limits.memory")) {
            String[] path = needed.split("\\.");
            if (resources.path(path[0]).path(path[1]).isMissingNode()) {
                problems.add(where + ": sets no " + needed);
            }
        }
        probe(where, spec, "readinessProbe", Served.READY, true, problems);
        probe(where, spec, "livenessProbe", Served.LIVE, true, problems);
        probe(where, spec, "startupProbe", Served.LIVE, false, problems);
        Map<String, String> annotations = ClusterFiles.strings(workload.pod().path("metadata").path("annotations"));
        if (!"true".equals(annotations.get("prometheus.io/scrape")) || !Served.METRICS.equals(annotations.get("prometheus.io/path"))
                || !annotations.containsKey("prometheus.io/port")) {
            problems.add(where + ": its pods are not annotated prometheus.io/scrape \"true\", prometheus.io/port and prometheus.io/path "
                    + Served.METRICS + ": " + annotations);
        }
        if (workload.pod().path("spec").path("terminationGracePeriodSeconds").asInt(30) < MIN_GRACE_SECONDS) {
            problems.add(where + ": terminationGracePeriodSeconds below " + MIN_GRACE_SECONDS + " may kill it before it leaves its groups");
        }
        List<Manifest> budgets = k8s.ofKind("PodDisruptionBudget").stream().filter(b -> b.selects(workload.podLabels())).toList();
        if (budgets.size() != 1 || budgets.getFirst().spec().path("maxUnavailable").asInt(-1) != 1) {
            problems.add(where + ": needs one PodDisruptionBudget with maxUnavailable 1 selecting its pods, has "
                    + budgets.stream().map(Manifest::name).toList());
        }
        if (k8s.ofKind("Service").stream().noneMatch(s -> !s.headless() && s.selects(workload.podLabels()))) {
            problems.add(where + ": no Service selects its pods");
        }
        if (workload.kind().equals("StatefulSet")) {
            statefulSet(k8s, workload, container, problems);
        }
        if (service.equals("caps")) {
            advertisedUrl(k8s, workload, container, spec, problems);
            urls(k8s, where, "MICROCENT_INGEST_URL", container.env().getOrDefault("MICROCENT_INGEST_URL", ""), "ingest", problems);
        }
        if (service.equals("console")) {
            for (ServiceName api : ServiceName.values()) {
                String url = container.env().getOrDefault(api.urlSetting(), container.env().getOrDefault(ConsoleSettings.API_URL, ""));
                if (url.isBlank()) {
                    problems.add(where + ": sets neither " + api.urlSetting() + " nor " + ConsoleSettings.API_URL);
                } else {
                    urls(k8s, where, api.urlSetting(), url, api.label(), problems);
                }
            }
        }
    }

    private static void probe(String where, JsonNode container, String probe, String path, boolean needed, List<String> problems) {
        JsonNode get = container.path(probe).path("httpGet");
        if (get.isMissingNode()) {
            if (needed) {
                problems.add(where + ": has no " + probe + " (an httpGet of " + path + ")");
            }
        } else if (!path.equals(ClusterFiles.text(get.get("path")))) {
            problems.add(where + ": its " + probe + " asks " + ClusterFiles.text(get.get("path")) + ", not " + path);
        }
    }

    /** The governing headless Service, and the state on a claim of each pod's own at the data directory. */
    private static void statefulSet(KubernetesManifests k8s, Manifest workload, Container container, List<String> problems) {
        String where = workload.where();
        String serviceName = ClusterFiles.text(workload.spec().get("serviceName"));
        Optional<Manifest> governing = k8s.find("Service", serviceName);
        if (governing.isEmpty() || !governing.get().headless() || !governing.get().selects(workload.podLabels())) {
            problems.add(where + ": its serviceName " + serviceName + " is no headless Service selecting its pods");
        }
        Set<String> claims = new TreeSet<>();
        workload.spec().path("volumeClaimTemplates").forEach(t -> claims.add(ClusterFiles.text(t.path("metadata").get("name"))));
        String mounted = container.mounts().get(container.dataDir());
        if (mounted == null || !claims.contains(mounted)) {
            problems.add(where + ": its data directory " + container.dataDir() + " is not on one of its volumeClaimTemplates " + claims);
        }
    }

    /** {@code http://$(POD_NAME).<governing Service>.$(POD_NAMESPACE).svc:<its port>}, the two from the downward API. */
    private static void advertisedUrl(KubernetesManifests k8s, Manifest workload, Container container, JsonNode spec, List<String> problems) {
        String where = workload.where();
        String url = container.env().getOrDefault("MICROCENT_CAPS_ADVERTISED_URL", "");
        Matcher matcher = ADVERTISED.matcher(url);
        if (!matcher.matches()) {
            problems.add(where + ": advertises " + url + ", not http://$(POD_NAME).<headless Service>.$(POD_NAMESPACE).svc:<port>");
            return;
        }
        if (!matcher.group(1).equals(ClusterFiles.text(workload.spec().get("serviceName")))) {
            problems.add(where + ": advertises names under " + matcher.group(1) + ", not its serviceName "
                    + ClusterFiles.text(workload.spec().get("serviceName")));
        }
        if (Integer.parseInt(matcher.group(2)) != container.listeningPort()) {
            problems.add(where + ": advertises port " + matcher.group(2) + ", but listens on " + container.listeningPort());
        }
        List<String> before = new ArrayList<>();
        for (JsonNode variable : spec.path("env")) {
            String name = ClusterFiles.text(variable.get("name"));
            if (name.equals("MICROCENT_CAPS_ADVERTISED_URL")) {
                break;
            }
            before.add(name + "=" + ClusterFiles.text(variable.path("valueFrom").path("fieldRef").get("fieldPath")));
        }
        for (String needed : List.of("POD_NAME=metadata.name", "POD_NAMESPACE=metadata.namespace")) {
            if (!before.contains(needed)) {
                problems.add(where + ": MICROCENT_CAPS_ADVERTISED_URL needs " + needed.replace("=", " from fieldRef ") + " defined before it");
            }
        }
    }

    /** Comma-separated URLs, each a Service selecting {@code service}'s pods on a port leading to the one they listen on. */
    private static void urls(KubernetesManifests k8s, String where, String setting, String urls, String service, List<String> problems) {
        if (urls.isBlank()) {
            problems.add(where + ": sets no " + setting);
            return;
        }
        for (String text : Arrays.asList(urls.split(","))) {
            URI url = URI.create(text.strip());
            Optional<Manifest> target = k8s.find("Service", url.getHost());
            Optional<Manifest> workload = k8s.workload(service);
            if (target.isEmpty() || workload.isEmpty() || target.get().headless() || !target.get().selects(workload.get().podLabels())) {
                problems.add(where + ": " + setting + " names " + url.getHost() + ", which is no Service of " + service + "'s pods");
                continue;
            }
            int listening = container(k8s, workload.get(), new ArrayList<>()).listeningPort();
            boolean leads = false;
            for (JsonNode port : target.get().spec().path("ports")) {
                leads |= port.path("port").asInt() == url.getPort() && port(mainContainer(workload.get()), port.path("targetPort")) == listening;
            }
            if (!leads) {
                problems.add(where + ": " + setting + " asks port " + url.getPort() + " of Service " + url.getHost()
                        + ", which does not lead to " + service + "'s port " + listening);
            }
        }
    }

    private static void services(KubernetesManifests k8s, List<String> problems) {
        for (Manifest service : k8s.ofKind("Service")) {
            if (k8s.ofKind("Deployment", "StatefulSet").stream().noneMatch(w -> service.selects(w.podLabels()))) {
                problems.add(service.where() + ": selects no pods of any Deployment or StatefulSet");
            }
        }
        for (Manifest budget : k8s.ofKind("PodDisruptionBudget")) {
            if (k8s.ofKind("Deployment", "StatefulSet").stream().noneMatch(w -> budget.selects(w.podLabels()))) {
                problems.add(budget.where() + ": selects no pods of any Deployment or StatefulSet");
            }
        }
    }

    /** Environment values must be strings: a number or boolean in a ConfigMap is refused by the API server. */
    private static void configMaps(KubernetesManifests k8s, List<String> problems) {
        for (Manifest source : k8s.ofKind("ConfigMap", "Secret")) {
            for (String field : List.of("data", "stringData")) {
                source.object().path(field).fields().forEachRemaining(e -> {
                    if (!e.getValue().isTextual()) {
                        problems.add(source.where() + ": " + e.getKey() + " is " + e.getValue() + ", not a string (quote it)");
                    }
                });
            }
        }
    }

    /** One namespace: the Namespace object's, the kustomization's, every object's; and every file in the kustomization. */
    private static void namespaces(KubernetesManifests k8s, List<String> problems) {
        List<Manifest> namespaces = k8s.ofKind("Namespace");
        String namespace = namespaces.isEmpty() ? "(no Namespace)" : namespaces.getFirst().name();
        String kustomized = ClusterFiles.text(k8s.kustomization().object().get("namespace"));
        if (!kustomized.equals(namespace)) {
            problems.add(KubernetesManifests.DIR + KubernetesManifests.KUSTOMIZATION + ": namespace " + kustomized + " is not " + namespace);
        }
        for (Manifest object : k8s.objects()) {
            String own = ClusterFiles.text(object.object().path("metadata").get("namespace"));
            if (!object.kind().equals("Namespace") && !own.equals(namespace)) {
                problems.add(object.where() + ": in namespace " + own + ", not " + namespace);
            }
        }
        Set<String> listed = new TreeSet<>();
        k8s.kustomization().object().path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> files = new TreeSet<>(k8s.files());
        files.remove(KubernetesManifests.KUSTOMIZATION);
        if (!listed.equals(files)) {
            problems.add(KubernetesManifests.DIR + KubernetesManifests.KUSTOMIZATION + ": lists " + listed + ", but the directory holds " + files);
        }
    }
}
