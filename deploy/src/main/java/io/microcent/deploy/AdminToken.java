package io.microcent.deploy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The operator token of the all-in-one. When {@code MICROCENT_ADMIN_TOKEN} is unset, one is generated on
 * first start, kept in the data directory (owner-only) so restarts keep it, and printed once.
 */
final class AdminToken {

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
    static final String FILE_NAME = "admin-token";

    private AdminToken() {
    }

    static String resolve(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) {
            return configured.get();
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                log.info("operator token: the one generated on first start, kept in {}", file);
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String token = "mc_admin_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.createDirectories(dataDir);
            Files.writeString(file, token, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.debug("cannot restrict {} on this file system", file);
            }
            System.out.println("\n  Generated operator token (shown once, kept in " + file + "):\n    " + token + "\n");
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the operator token in " + file, e);
        }
    }
}
