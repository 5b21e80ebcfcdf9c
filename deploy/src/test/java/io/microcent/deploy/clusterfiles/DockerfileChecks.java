package io.microcent.deploy.clusterfiles;

import io.microcent.deploy.AllInOneSettings;
import io.microcent.deploy.HealthProbe;
import io.microcent.platform.config.Env;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What must hold for the image: the runtime, the jar the build makes, the user, the data, the probe. */
final class DockerfileChecks {

    private static final Pattern JAVA_RUNTIME = Pattern.compile("eclipse-temurin:(\\d+)-jre\\S*");

    private DockerfileChecks() {
    }

    static List<String> problems(Dockerfile dockerfile, String dockerignore, DeployPom pom) {
        List<String> problems = new ArrayList<>();
        String where = dockerfile.file() + ": ";

        String base = dockerfile.last("FROM").orElse("(none)");
        Matcher runtime = JAVA_RUNTIME.matcher(base);
        if (!runtime.matches() || Integer.parseInt(runtime.group(1)) < 21) {
            problems.add(where + "FROM " + base + " is not a Java 21+ runtime (eclipse-temurin:21-jre...)");
        }

        String jarInImage = dockerfile.all("COPY").stream()
                .map(copy -> Arrays.stream(copy.split("\\s+")).filter(word -> !word.startsWith("--")).toList())
                .filter(words -> words.size() == 2 && words.getFirst().equals(pom.jar()))
                .map(List::getLast).findFirst().orElse(null);
        if (jarInImage == null) {
            problems.add(where + "copies no " + pom.jar() + ", the jar deploy/pom.xml's shade plugin builds");
            jarInImage = "(not copied)";
        }
        if (!letsThrough(dockerignore, pom.jar())) {
            problems.add(where + "its .dockerignore leaves " + pom.jar() + " out of the build context");
        }
        List<String> entrypoint = dockerfile.execForm("ENTRYPOINT");
        if (!entrypoint.equals(List.of("java", "-cp", jarInImage))) {
            problems.add(where + "ENTRYPOINT " + entrypoint + " is not java -cp " + jarInImage
                    + " (a container's command is the main class to run)");
        }
        if (!dockerfile.execForm("CMD").equals(List.of(pom.mainClass()))) {
            problems.add(where + "CMD " + dockerfile.execForm("CMD") + " is not the jar's main class " + pom.mainClass());
        }

        String user = dockerfile.last("USER").orElse("root");
        if (user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:")) {
            problems.add(where + "runs as root (USER " + user + ")");
        }
        if (dockerfile.all("VOLUME").stream().noneMatch(volume -> volume.contains("\"" + dockerfile.dataDir() + "\""))) {
            problems.add(where + "declares no VOLUME at its MICROCENT_DATA_DIR " + dockerfile.dataDir());
        }

        Map<String, String> env = dockerfile.env();
        if (!"true".equals(env.get("AXONIQ_UPDATE_CHECKER_DISABLED"))) {
            problems.add(where + "does not set AXONIQ_UPDATE_CHECKER_DISABLED=true (services alone would call Axon's update server)");
        }
        if (!env.getOrDefault("JDK_JAVA_OPTIONS", "").contains("-XX:MaxRAMPercentage=")) {
            problems.add(where + "sizes no heap by the container's memory (-XX:MaxRAMPercentage in JDK_JAVA_OPTIONS)");
        }
        Set<String> allInOne = allInOneSettings();
        for (String name : env.keySet()) {
            if (name.startsWith("MICROCENT_") && !allInOne.contains(name)) {
                problems.add(where + "sets " + name + ", which the all-in-one (its default command) does not read");
            }
            for (String service : MicrocentProcess.SERVICES) {
                if (name.startsWith("MICROCENT_") && !MicrocentProcess.of(service).orElseThrow().reads(name)) {
                    problems.add(where + "sets " + name + ", which " + service + " does not read");
                }
            }
        }

        List<String> probe = dockerfile.healthCheck();
        int cp = probe.indexOf("-cp");
        if (probe.isEmpty() || !probe.getFirst().equals("java") || cp < 0 || cp + 2 >= probe.size()
                || !probe.get(cp + 1).equals(jarInImage) || !probe.get(cp + 2).equals(HealthProbe.class.getName())) {
            problems.add(where + "HEALTHCHECK " + probe + " is not java ... -cp " + jarInImage + " " + HealthProbe.class.getName());
        }
        return problems;
    }

    /** Whether {@code path} stays in the build context: the last rule matching it decides. */
    static boolean letsThrough(String dockerignore, String path) {
        boolean excluded = false;
        for (String raw : dockerignore.split("\n")) {
            String rule = raw.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            boolean keep = rule.startsWith("!");
            String pattern = keep ? rule.substring(1) : rule;
            if (pattern.equals("*") || pattern.equals("**") || pattern.equals(path) || path.startsWith(pattern + "/")) {
                excluded = !keep;
            }
        }
        return !excluded;
    }

    private static Set<String> allInOneSettings() {
        Env env = new Env(Map.of());
        AllInOneSettings.from(env);
        return env.settings().stream().map(Env.Setting::name).collect(Collectors.toSet());
    }
}
