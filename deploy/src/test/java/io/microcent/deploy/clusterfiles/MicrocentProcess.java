package io.microcent.deploy.clusterfiles;

import io.microcent.caps.CapsMain;
import io.microcent.caps.CapsModule;
import io.microcent.console.ConsoleMain;
import io.microcent.ingest.IngestMain;
import io.microcent.ingest.IngestModule;
import io.microcent.invoicing.InvoicingMain;
import io.microcent.invoicing.InvoicingModule;
import io.microcent.platform.config.Env;
import io.microcent.platform.service.ServiceModule;
import io.microcent.platform.service.StandaloneRunner;
import io.microcent.rating.RatingMain;
import io.microcent.rating.RatingModule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The processes a container may run, each as its code describes it: the main class, the port it listens on
 * unless {@code MICROCENT_PORT} says otherwise, and its settings table (every variable it reads).
 *
 * @param service the name deployment files give it (compose services {@code ingest-1}, {@code ingest-2}; the
 *                Kubernetes label {@code app.kubernetes.io/name: ingest})
 */
record MicrocentProcess(String service, String mainClass, int defaultPort, Map<String, Env.Setting> settings) {

    static final String PORT = "MICROCENT_PORT";
    static final String DATA_DIR = "MICROCENT_DATA_DIR";

    static final List<MicrocentProcess> ALL = List.of(
            standalone("ingest", IngestMain.class, IngestMain.DEFAULT_PORT, new IngestModule()),
            standalone("rating", RatingMain.class, RatingMain.DEFAULT_PORT, new RatingModule()),
            standalone("caps", CapsMain.class, CapsMain.DEFAULT_PORT, new CapsModule()),
            standalone("invoicing", InvoicingMain.class, InvoicingMain.DEFAULT_PORT, new InvoicingModule()),
            new MicrocentProcess("console", ConsoleMain.class.getName(), ConsoleMain.DEFAULT_PORT, byName(ConsoleMain.settings())));

    /** The four services, each run alone with two instances (the console is not among them). */
    static final List<String> SERVICES = List.of("ingest", "rating", "caps", "invoicing");

    static Optional<MicrocentProcess> of(String service) {
        return ALL.stream().filter(p -> p.service().equals(service)).findFirst();
    }

    static List<String> names() {
        return ALL.stream().map(MicrocentProcess::service).toList();
    }

    boolean reads(String setting) {
        return settings.containsKey(setting);
    }

    private static MicrocentProcess standalone(String service, Class<?> main, int defaultPort, ServiceModule module) {
        return new MicrocentProcess(service, main.getName(), defaultPort, byName(StandaloneRunner.settingsOf(module, defaultPort)));
    }

    private static Map<String, Env.Setting> byName(List<Env.Setting> settings) {
        Map<String, Env.Setting> byName = new LinkedHashMap<>();
        settings.forEach(s -> byName.put(s.name(), s));
        return Collections.unmodifiableMap(byName); // in the order read, so messages come in a stable order
    }
}
