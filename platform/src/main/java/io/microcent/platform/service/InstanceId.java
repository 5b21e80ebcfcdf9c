package io.microcent.platform.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name of one running instance ({@link ServiceContext#instanceId()}): made up once, kept in a file of the
 * instance's data directory, the same on every later start. Kafka knows an instance by it (client ids, and the
 * static group membership ({@code group.instance.id}) of its Streams applications and projections), so an
 * instance restarted after a crash is recognised and given its partitions back at once, instead of the broker
 * waiting out the dead member's session first. Two instances must never share a data directory, and so never a
 * name.
 */
public final class InstanceId {

    private static final Logger log = LoggerFactory.getLogger(InstanceId.class);
    /** What Kafka accepts in a client id and a group instance id, and short enough to read in a log. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private InstanceId() {
    }

    /**
     * The name kept in {@code file}, or a new {@code <prefix>-<8 hex digits>} written there on first use.
     *
     * @throws IllegalStateException when the file holds something that is not a valid name (edited by hand)
     */
    public static String persisted(Path file, String prefix) {
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!VALID.matcher(kept).matches()) {
                    throw new IllegalStateException(file + " does not hold an instance name ([A-Za-z0-9._-], at most 100): '"
                            + kept + "'; delete it to have a new one made");
                }
                return kept;
            }
            byte[] random = new byte[4];
            RANDOM.nextBytes(random);
            String made = prefix + "-" + HexFormat.of().formatHex(random);
            if (!VALID.matcher(made).matches()) {
                throw new IllegalArgumentException("not a valid instance name prefix: " + prefix);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            // written whole or not at all: a half-written name would be a different member on the next start
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, made + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("this instance is named {} (kept in {})", made, file);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the instance name in " + file, e);
        }
    }
}
