package ccc.client.vault;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.CccException;
import ccc.client.HttpSettings;
import ccc.config.VaultSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.function.Executable;

/** Shared settings and assertions for the Vault tests. */
final class VaultTestSupport {

    /** Three attempts, 5 ms apart: retries are exercised without slowing the suite. */
    static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(5), Duration.ofMillis(5));

    /** Half a second to connect and to read: a Vault that never answers is given up on after 1 s. */
    static final HttpSettings SHORT_TIMEOUTS = new HttpSettings(Duration.ofMillis(500), Duration.ofMillis(500), 3,
            Duration.ofMillis(5), Duration.ofMillis(5));

    private VaultTestSupport() {
    }

    static String canary() {
        return "CANARY-" + UUID.randomUUID();
    }

    static VaultSettings settings(String address, VaultSettings.AuthMethod auth) {
        return new VaultSettings(address, null, auth, null, null, null, 2);
    }

    static VaultSettings withKv(VaultSettings s, int kvVersion) {
        return new VaultSettings(s.address(), s.namespace(), s.auth(), s.role(), s.audience(), s.authMount(), kvVersion);
    }

    /** Runs the failing call, checks no canary shows in the message, causes or stack trace. */
    static CccException fails(Executable call, List<String> secrets) {
        CccException e = assertThrows(CccException.class, call);
        assertNoSecret(e, secrets);
        return e;
    }

    static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text != null && text.contains(part), () -> "expected '" + part + "' in: " + text);
        }
    }

    static void assertNoSecret(Throwable e, List<String> secrets) {
        List<String> texts = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        texts.add(trace.toString());
        for (String secret : secrets) {
            for (String text : texts) {
                assertFalse(text.contains(secret), () -> "a secret value leaked into: " + text);
            }
        }
    }
}
