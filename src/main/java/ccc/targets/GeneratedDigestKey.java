package ccc.targets;

import ccc.CccException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A digest key for an environment where no secret exists to derive one from (a self-managed
 * worker: its URL is public in ccc.yaml, and a key derived from it let a 4-digit secret be
 * recovered from a saved plan). It is random, made on first use and kept beside the config root in
 * {@code .ccc/digest.key} (ignored by git, readable by its owner only), so that plan and apply on
 * this machine agree; elsewhere set CCC_DIGEST_KEY or sensitive.digest_key.
 */
final class GeneratedDigestKey {

    private GeneratedDigestKey() {
    }

    static byte[] at(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException | UnsupportedOperationException e) {
            throw new CccException("cannot keep ccc's digest key at " + file + " (" + e.getMessage() + "); set "
                    + Environment.DIGEST_KEY + " (any long random string, kept secret) or sensitive.digest_key in ccc.yaml.");
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path temporary = Files.createTempFile(file.getParent(), "digest", ".key");
        try {
            if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException raced) {
            // another ccc made it first: use theirs
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
