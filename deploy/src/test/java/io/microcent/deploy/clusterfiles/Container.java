package io.microcent.deploy.clusterfiles;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container running Microcent's image, as a compose service or a Kubernetes workload describes it: the
 * neutral form {@link ContainerChecks} checks against the code.
 *
 * @param file      the file it is defined in, for the messages
 * @param name      what the file calls it ({@code ingest-2}, {@code StatefulSet caps})
 * @param service   which Microcent process it claims to be ({@link MicrocentProcess#service()})
 * @param command   what follows the image's entrypoint ({@code java -cp microcent.jar}): the main class
 * @param env       every variable it sets, with its value (or where the value comes from)
 * @param endpoints every place the file names the port it listens on: health checks, probes, Services, scrapes
 * @param dataDir   where it keeps its data (its {@code MICROCENT_DATA_DIR}, else the image's)
 * @param mounts    what is mounted where: mount path to volume name
 */
record Container(String file, String name, String service, String image, List<String> command,
                 Map<String, String> env, List<Endpoint> endpoints, String dataDir, Map<String, String> mounts) {

    /** A port named by the file, and the HTTP path asked there, if any. */
    record Endpoint(String what, int port, Optional<String> path) {
    }

    String where() {
        return file + ": " + name;
    }

    MicrocentProcess process() {
        return MicrocentProcess.of(service).orElseThrow();
    }

    /** The port the process listens on: its {@code MICROCENT_PORT}, else its main's default. */
    int listeningPort() {
        String port = env.get(MicrocentProcess.PORT);
        return port == null ? process().defaultPort() : Integer.parseInt(port);
    }
}
