package io.microcent.deploy.clusterfiles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/docker/Dockerfile, read as far as the checks need: its instructions (continuation lines joined,
 * comments left out) and the image tag its comment tells to build it with ({@code docker build ... -t TAG .}).
 */
record Dockerfile(String file, List<Instruction> instructions, String tag) {

    record Instruction(String keyword, String arguments) {
    }

    private static final Pattern BUILD_TAG = Pattern.compile("^#\\s+docker build .*-t (\\S+)", Pattern.MULTILINE);
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"([^\"]*)\"|(\\S+))");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Dockerfile read;

    static synchronized Dockerfile read() {
        if (read == null) {
            read = parse("deploy/docker/Dockerfile", ClusterFiles.read(ClusterFiles.dockerfile()));
        }
        return read;
    }

    static Dockerfile parse(String file, String text) {
        Matcher tag = BUILD_TAG.matcher(text);
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String raw : text.split("\n")) {
            String trimmed = raw.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && line.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                line.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            line.append(trimmed);
            String joined = line.toString().strip();
            line.setLength(0);
            if (!joined.isEmpty()) {
                int space = joined.indexOf(' ');
                instructions.add(new Instruction(joined.substring(0, space).toUpperCase(java.util.Locale.ROOT),
                        joined.substring(space + 1).strip()));
            }
        }
        return new Dockerfile(file, List.copyOf(instructions), tag.find() ? tag.group(1) : "(no documented tag)");
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    Optional<String> last(String keyword) {
        List<String> all = all(keyword);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** Every {@code ENV} variable, in the {@code KEY=value} form (quotes removed). */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String arguments : all("ENV")) {
            Matcher pair = ENV_PAIR.matcher(arguments);
            while (pair.find()) {
                env.put(pair.group(1), pair.group(3) != null ? pair.group(3) : pair.group(4));
            }
        }
        return env;
    }

    /** An exec-form instruction ({@code ["java", "-cp", ...]}) as its words; empty when absent or in shell form. */
    List<String> execForm(String keyword) {
        return last(keyword).map(Dockerfile::words).orElse(List.of());
    }

    /** The health check's command: what follows {@code CMD} in {@code HEALTHCHECK [options] CMD [...]}. */
    List<String> healthCheck() {
        return last("HEALTHCHECK").map(h -> h.contains("CMD ") ? words(h.substring(h.indexOf("CMD ") + 4)) : List.<String>of())
                .orElse(List.of());
    }

    /** Where the image keeps its data: its {@code MICROCENT_DATA_DIR}. */
    String dataDir() {
        return env().getOrDefault(MicrocentProcess.DATA_DIR, "(unset)");
    }

    private static List<String> words(String execForm) {
        try {
            return JSON.readValue(execForm.strip(), new TypeReference<>() { });
        } catch (Exception e) {
            return List.of();
        }
    }
}
