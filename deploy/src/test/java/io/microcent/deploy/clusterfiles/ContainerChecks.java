package io.microcent.deploy.clusterfiles;

import io.microcent.platform.config.Env;

import java.util.List;
import java.util.Set;

/** What must hold for every container running Microcent's image, wherever it is defined. */
final class ContainerChecks {

    /** Kubernetes' downward API values that the Microcent settings are built from ({@code $(POD_NAME)}): not settings. */
    static final Set<String> NOT_SETTINGS = Set.of("POD_NAME", "POD_NAMESPACE");

    private ContainerChecks() {
    }

    static void check(Container container, List<String> problems) {
        String where = container.where();
        if (MicrocentProcess.of(container.service()).isEmpty()) {
            problems.add(where + ": claims to be " + container.service() + ", which is none of " + MicrocentProcess.names());
            return;
        }
        MicrocentProcess process = container.process();
        mainClass(container, process, problems);
        for (String name : container.env().keySet()) {
            if (!NOT_SETTINGS.contains(name) && !process.reads(name)) {
                problems.add(where + ": sets " + name + ", which " + process.service() + " does not read");
            }
        }
        for (Env.Setting setting : process.settings().values()) {
            if (setting.required() && container.env().getOrDefault(setting.name(), "").isBlank()) {
                problems.add(where + ": does not set " + setting.name() + ", which " + process.service() + " requires");
            }
        }
        int port;
        try {
            port = container.listeningPort();
        } catch (NumberFormatException e) {
            problems.add(where + ": " + MicrocentProcess.PORT + " is not a port: " + container.env().get(MicrocentProcess.PORT));
            return;
        }
        if (container.endpoints().isEmpty()) {
            problems.add(where + ": names no port at all (no health check, probe or Service)");
        }
        for (Container.Endpoint endpoint : container.endpoints()) {
            if (endpoint.port() != port) {
                problems.add(where + ": " + endpoint.what() + " uses port " + endpoint.port() + ", but "
                        + process.service() + " listens on " + port);
            }
            endpoint.path().filter(path -> !Served.PATHS.contains(path)).ifPresent(path ->
                    problems.add(where + ": " + endpoint.what() + " asks " + path + ", which is none of " + Served.PATHS));
        }
        if (!container.image().equals(Dockerfile.read().tag())) {
            problems.add(where + ": runs image " + container.image() + ", but the Dockerfile builds " + Dockerfile.read().tag());
        }
        if (process.reads(MicrocentProcess.DATA_DIR) && !container.mounts().containsKey(container.dataDir())) {
            problems.add(where + ": keeps its data in " + container.dataDir() + ", where no volume is mounted");
        }
    }

    private static void mainClass(Container container, MicrocentProcess process, List<String> problems) {
        String main = container.command().isEmpty() ? "(nothing: the image's default, the all-in-one)" : container.command().getLast();
        try {
            Class.forName(main, false, ContainerChecks.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            problems.add(container.where() + ": runs " + main + ", which is no class of microcent.jar");
            return;
        }
        if (!main.equals(process.mainClass())) {
            problems.add(container.where() + ": runs " + main + ", not " + process.service() + "'s main " + process.mainClass());
        }
    }
}
