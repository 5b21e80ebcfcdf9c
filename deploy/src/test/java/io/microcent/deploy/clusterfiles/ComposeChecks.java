package io.microcent.deploy.clusterfiles;

import io.microcent.console.api.ServiceName;
import io.microcent.console.ConsoleSettings;
import io.microcent.platform.kafka.Replication;
import org.apache.kafka.common.utils.AppInfoParser;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What must hold for the Compose file: each check adds a problem naming the file and the service. */
final class ComposeChecks {

    static final int INSTANCES = 2;
    private static final Set<String> NEEDED_CONDITION = Set.of("service_healthy");

    private ComposeChecks() {
    }

    static List<String> problems(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        List<String> microcent = compose.microcentServices();
        for (String service : microcent) {
            Container container = compose.container(service);
            ContainerChecks.check(container, problems);
            if (MicrocentProcess.of(container.service()).isEmpty()) {
                continue;
            }
            healthCheck(compose, service, problems);
            if (compose.service(service).path("mem_limit").isMissingNode()) {
                problems.add(where(compose, service) + ": has no mem_limit, so its heap is sized by the host's memory");
            }
            if (!container.service().equals("console")) {
                dependsOnInfrastructure(compose, service, problems);
            }
        }
        instances(compose, problems);
        dataVolumes(compose, problems);
        dependencies(compose, problems);
        caps(compose, problems);
        console(compose, problems);
        kafka(compose, problems);
        postgres(compose, problems);
        return problems;
    }

    private static String where(ComposeFile compose, String service) {
        return compose.file() + ": " + service;
    }

    private static void healthCheck(ComposeFile compose, String service, List<String> problems) {
        var url = compose.probeUrl(service);
        if (url.isEmpty()) {
            problems.add(where(compose, service) + ": its health check " + compose.healthCheck(service) + " is not the image's probe");
            return;
        }
        if (!url.get().getPath().equals(Served.READY)) {
            problems.add(where(compose, service) + ": its health check asks " + url.get().getPath() + ", not " + Served.READY);
        }
        List<String> test = compose.healthCheck(service);
        int cp = test.indexOf("-cp");
        String jar = Dockerfile.read().execForm("ENTRYPOINT").getLast();
        if (cp < 0 || !test.get(cp + 1).equals(jar)) {
            problems.add(where(compose, service) + ": its health check does not run the probe from the image's jar " + jar);
        }
    }

    private static void instances(ComposeFile compose, List<String> problems) {
        Map<String, List<String>> byService = compose.microcentServices().stream()
                .collect(Collectors.groupingBy(ComposeFile::claimedService));
        for (String service : MicrocentProcess.SERVICES) {
            int count = byService.getOrDefault(service, List.of()).size();
            if (count != INSTANCES) {
                problems.add(compose.file() + ": " + service + " runs " + count + " instances, not " + INSTANCES);
            }
        }
        if (!byService.containsKey("console")) {
            problems.add(compose.file() + ": no console");
        }
    }

    /** Each instance its own named volume at its data directory: two instances must never share one. */
    private static void dataVolumes(ComposeFile compose, List<String> problems) {
        Map<String, String> users = new HashMap<>();
        for (String service : compose.serviceNames()) {
            compose.mounts(service).values().forEach(volume -> {
                if (!compose.declaredVolumes().contains(volume)) {
                    problems.add(where(compose, service) + ": mounts volume " + volume + ", which the file does not declare");
                }
                String before = users.putIfAbsent(volume, service);
                if (before != null) {
                    problems.add(where(compose, service) + ": shares volume " + volume + " with " + before);
                }
            });
        }
    }

    /** Every service the Microcent ones need is there, healthy before they start. */
    private static void dependsOnInfrastructure(ComposeFile compose, String service, List<String> problems) {
        Set<String> needed = new TreeSet<>(compose.servicesWithImage("apache/kafka"));
        needed.addAll(compose.servicesWithImage("postgres"));
        Set<String> dependsOn = new TreeSet<>();
        compose.service(service).path("depends_on").fieldNames().forEachRemaining(dependsOn::add);
        needed.removeAll(dependsOn);
        if (!needed.isEmpty()) {
            problems.add(where(compose, service) + ": does not wait for " + needed);
        }
    }

    private static void dependencies(ComposeFile compose, List<String> problems) {
        for (String service : compose.serviceNames()) {
            compose.service(service).path("depends_on").fields().forEachRemaining(dependency -> {
                String target = dependency.getKey();
                if (!compose.serviceNames().contains(target)) {
                    problems.add(where(compose, service) + ": depends on " + target + ", which is no service of the file");
                } else if (compose.service(target).path("healthcheck").path("test").isMissingNode()) {
                    problems.add(where(compose, service) + ": waits for " + target + ", which has no health check");
                }
                if (!NEEDED_CONDITION.contains(ClusterFiles.text(dependency.getValue().path("condition")))) {
                    problems.add(where(compose, service) + ": depends on " + target + " without condition service_healthy");
                }
            });
        }
    }

    /** Each caps instance advertises its own address; its ingest URLs reach every ingest instance. */
    private static void caps(ComposeFile compose, List<String> problems) {
        List<String> caps = instancesOf(compose, "caps");
        Set<String> advertised = new TreeSet<>();
        for (String service : caps) {
            Container container = compose.container(service);
            String value = container.env().getOrDefault("MICROCENT_CAPS_ADVERTISED_URL", "");
            if (value.isBlank()) {
                if (caps.size() > 1) {
                    problems.add(where(compose, service) + ": advertises no MICROCENT_CAPS_ADVERTISED_URL, required with several caps instances");
                }
            } else {
                URI url = URI.create(value);
                if (!service.equals(url.getHost())) {
                    problems.add(where(compose, service) + ": advertises " + value + ", which is not its own host " + service);
                }
                if (url.getPort() != container.listeningPort()) {
                    problems.add(where(compose, service) + ": advertises port " + url.getPort() + ", but listens on " + container.listeningPort());
                }
                if (!advertised.add(value)) {
                    problems.add(where(compose, service) + ": advertises " + value + " like another caps instance");
                }
            }
            String ingestUrls = container.env().getOrDefault("MICROCENT_INGEST_URL", "");
            Set<String> reached = new TreeSet<>();
            for (String ingest : ingestUrls.isBlank() ? List.<String>of() : Arrays.asList(ingestUrls.split(","))) {
                reached.addAll(reaches(compose, service, "MICROCENT_INGEST_URL", URI.create(ingest.strip()), "ingest", problems));
            }
            Set<String> missing = new TreeSet<>(instancesOf(compose, "ingest"));
            missing.removeAll(reached);
            if (!missing.isEmpty()) {
                problems.add(where(compose, service) + ": MICROCENT_INGEST_URL does not reach " + missing);
            }
        }
    }

    /** The console reaches each service at an address answered by that service only, on its port. */
    private static void console(ComposeFile compose, List<String> problems) {
        for (String console : instancesOf(compose, "console")) {
            Map<String, String> env = compose.env(console);
            for (ServiceName service : ServiceName.values()) {
                String url = env.getOrDefault(service.urlSetting(), env.getOrDefault(ConsoleSettings.API_URL, ""));
                if (url.isBlank()) {
                    problems.add(where(compose, console) + ": sets neither " + service.urlSetting() + " nor " + ConsoleSettings.API_URL);
                } else {
                    reaches(compose, console, service.urlSetting(), URI.create(url), service.label(), problems);
                }
            }
        }
    }

    /** The services {@code url}'s host reaches, each checked to be {@code service} listening on the URL's port. */
    private static Set<String> reaches(ComposeFile compose, String from, String setting, URI url, String service, List<String> problems) {
        List<String> targets = compose.hosts().getOrDefault(url.getHost(), List.of());
        if (targets.isEmpty()) {
            problems.add(where(compose, from) + ": " + setting + " names host " + url.getHost() + ", which no service answers to");
        }
        for (String target : targets) {
            if (!ComposeFile.claimedService(target).equals(service)) {
                problems.add(where(compose, from) + ": " + setting + " reaches " + target + ", which is not " + service);
            } else if (compose.container(target).listeningPort() != url.getPort()) {
                problems.add(where(compose, from) + ": " + setting + " asks port " + url.getPort() + ", but " + target
                        + " listens on " + compose.container(target).listeningPort());
            }
        }
        return new TreeSet<>(targets);
    }

    private static List<String> instancesOf(ComposeFile compose, String service) {
        return compose.microcentServices().stream().filter(s -> ComposeFile.claimedService(s).equals(service)).toList();
    }

    /**
     * Three brokers of our Kafka version, each broker and controller, all voters of one quorum; Kafka's own
     * topics replicated as the services replicate theirs; the services' bootstrap lists every broker.
     */
    private static void kafka(ComposeFile compose, List<String> problems) {
        List<String> brokers = compose.servicesWithImage("apache/kafka");
        if (brokers.size() != 3) {
            problems.add(compose.file() + ": runs " + brokers.size() + " Kafka brokers, not 3");
        }
        Set<String> voters = new TreeSet<>();
        Set<String> advertised = new TreeSet<>();
        Set<String> clusterIds = new TreeSet<>();
        for (String broker : brokers) {
            String where = where(compose, broker);
            Map<String, String> env = compose.env(broker);
            String tag = compose.image(broker).substring(compose.image(broker).indexOf(':') + 1);
            if (!tag.equals(AppInfoParser.getVersion())) {
                problems.add(where + ": runs Kafka " + tag + ", but the services' clients are " + AppInfoParser.getVersion());
            }
            if (!Set.of(env.getOrDefault("KAFKA_PROCESS_ROLES", "").split(",")).equals(Set.of("broker", "controller"))) {
                problems.add(where + ": KAFKA_PROCESS_ROLES is " + env.get("KAFKA_PROCESS_ROLES") + ", not broker,controller");
            }
            voters.add(env.getOrDefault("KAFKA_NODE_ID", "?") + "@" + broker + ":9093");
            String listener = env.getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
            advertised.add(listener.replace("PLAINTEXT://", ""));
            if (!listener.equals("PLAINTEXT://" + broker + ":9092")) {
                problems.add(where + ": advertises " + listener + ", not its own name PLAINTEXT://" + broker + ":9092");
            }
            clusterIds.add(env.getOrDefault("CLUSTER_ID", ""));
            expect(where, env, "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", String.valueOf(Replication.CLUSTER.factor()), problems);
            expect(where, env, "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", String.valueOf(Replication.CLUSTER.factor()), problems);
            expect(where, env, "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", String.valueOf(Replication.CLUSTER.minInsyncReplicas()), problems);
            expect(where, env, "KAFKA_MIN_INSYNC_REPLICAS", String.valueOf(Replication.CLUSTER.minInsyncReplicas()), problems);
            expect(where, env, "KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false", problems);
            if (compose.healthCheck(broker).isEmpty()) {
                problems.add(where + ": has no health check");
            }
        }
        for (String broker : brokers) {
            String quorum = compose.env(broker).getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "");
            if (!new TreeSet<>(Arrays.asList(quorum.split(","))).equals(voters)) {
                problems.add(where(compose, broker) + ": KAFKA_CONTROLLER_QUORUM_VOTERS " + quorum + " is not the brokers " + voters);
            }
        }
        if (clusterIds.size() > 1 || clusterIds.contains("")) {
            problems.add(compose.file() + ": the brokers do not share one CLUSTER_ID: " + clusterIds);
        }
        for (String service : compose.microcentServices()) {
            Map<String, String> env = compose.env(service);
            if (!env.containsKey("MICROCENT_KAFKA_BOOTSTRAP")) {
                continue;
            }
            Set<String> bootstrap = new TreeSet<>(Arrays.asList(env.get("MICROCENT_KAFKA_BOOTSTRAP").split(",")));
            if (!bootstrap.equals(advertised)) {
                problems.add(where(compose, service) + ": MICROCENT_KAFKA_BOOTSTRAP " + bootstrap + " is not the brokers " + advertised);
            }
            String factor = env.getOrDefault(Replication.FACTOR, String.valueOf(Replication.CLUSTER.factor()));
            if (Integer.parseInt(factor) > brokers.size()) {
                problems.add(where(compose, service) + ": " + Replication.FACTOR + " " + factor + " exceeds the " + brokers.size() + " brokers");
            }
            expect(where(compose, service), env, Replication.MIN_INSYNC, String.valueOf(Replication.CLUSTER.minInsyncReplicas()), problems);
        }
    }

    /** PostgreSQL 17, healthy before the services start, with the database, user and password they use. */
    private static void postgres(ComposeFile compose, List<String> problems) {
        List<String> databases = compose.servicesWithImage("postgres");
        if (databases.size() != 1) {
            problems.add(compose.file() + ": runs " + databases.size() + " PostgreSQL services, not 1");
            return;
        }
        String postgres = databases.getFirst();
        Map<String, String> env = compose.env(postgres);
        if (!compose.image(postgres).equals("postgres:17")) {
            problems.add(where(compose, postgres) + ": runs " + compose.image(postgres) + ", not postgres:17");
        }
        if (compose.healthCheck(postgres).isEmpty()) {
            problems.add(where(compose, postgres) + ": has no health check");
        }
        String url = "jdbc:postgresql://" + postgres + ":5432/" + env.get("POSTGRES_DB");
        for (String service : compose.microcentServices()) {
            Map<String, String> uses = compose.env(service);
            if (!uses.containsKey("MICROCENT_DATABASE_URL")) {
                continue;
            }
            expect(where(compose, service), uses, "MICROCENT_DATABASE_URL", url, problems);
            expect(where(compose, service), uses, "MICROCENT_DATABASE_USER", env.get("POSTGRES_USER"), problems);
            expect(where(compose, service), uses, "MICROCENT_DATABASE_PASSWORD", env.get("POSTGRES_PASSWORD"), problems);
        }
    }

    private static void expect(String where, Map<String, String> env, String name, String value, List<String> problems) {
        if (!value.equals(env.get(name))) {
            problems.add(where + ": " + name + " is " + env.get(name) + ", not " + value);
        }
    }
}
