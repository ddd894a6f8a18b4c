package ccc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.CccException;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.RemoteConnector;
import ccc.client.iam.ServiceAccountException;
import ccc.config.DeclaredState;
import ccc.config.DesiredConnector;
import ccc.config.Template;
import ccc.config.VaultReference;
import ccc.plan.SensitiveDigest;
import ccc.secret.SecretRegistry;
import ccc.targets.Prerequisites;
import ccc.targets.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The plan's reads (the cluster's list, Vault, IAM) run at the same time, and a failure of one
 * never hides another's. Proven with counters, barriers and latches, never with timings: a
 * barrier the three reads must reach together only opens when they overlap.
 */
class PlanInputsTest {

    /** Only a deadlock guard: a barrier that the reads reach at once opens in microseconds. */
    private static final long GUARD_SECONDS = 60;

    private final SecretRegistry registry = new SecretRegistry();

    /** A session whose reads are the test's functions, each counted. */
    private final class FakeSession implements Session {
        final AtomicInteger secretReads = new AtomicInteger();
        final AtomicInteger accountLookups = new AtomicInteger();
        Function<List<VaultReference>, Map<VaultReference, String>> secrets = references -> {
            Map<VaultReference, String> values = new LinkedHashMap<>();
            references.forEach(reference -> values.put(reference, "value-of-" + reference.key()));
            values.values().forEach(registry::register);
            return values;
        };
        Function<String, String> accounts = name -> "sa-" + name.toLowerCase();

        @Override
        public String location() {
            return "fake";
        }

        @Override
        public ConnectClient connect() {
            throw new AssertionError("the plan's inputs list the cluster through the supplier they are given");
        }

        @Override
        public Map<VaultReference, String> secrets(List<VaultReference> references) {
            secretReads.incrementAndGet();
            return secrets.apply(references);
        }

        @Override
        public String serviceAccountId(String displayNameOrId) {
            if (displayNameOrId.startsWith("sa-")) {
                return displayNameOrId; // as the sessions do: IAM is asked only for display names
            }
            accountLookups.incrementAndGet();
            return accounts.apply(displayNameOrId);
        }

        @Override
        public Prerequisites prerequisites() {
            throw new AssertionError("not used");
        }

        @Override
        public UnaryOperator<String> digest() {
            return SensitiveDigest.hmac("test".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean dropsUndefinedKeys() {
            return true;
        }

        @Override
        public boolean returnsPlainSecrets() {
            return false;
        }
    }

    private static DesiredConnector connector(String name, String serviceAccount) throws Exception {
        return new DesiredConnector(name, name, "dev", Map.of("connector.class", "PostgresSource"),
                Map.of("connection.password", Template.parse("${vault:secret/" + name + "#password}")),
                DeclaredState.RUNNING, serviceAccount, Path.of(name + ".json"), Path.of("dev-vars.yaml"));
    }

    private static List<DesiredConnector> connectors() throws Exception {
        return List.of(connector("peve-a", "SA_ONE"), connector("peve-b", "SA_TWO"), connector("peve-c", "SA_ONE"),
                connector("peve-d", "sa-given"));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new AssertionError("the reads did not run at the same time", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(GUARD_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the reads did not run at the same time");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theListVaultAndIamAreReadAtTheSameTimeEachOnce() throws Exception {
        FakeSession session = new FakeSession();
        CyclicBarrier allThree = new CyclicBarrier(3);
        AtomicInteger lists = new AtomicInteger();
        Supplier<Map<String, RemoteConnector>> list = () -> {
            lists.incrementAndGet();
            await(allThree);
            return Map.of();
        };
        Function<List<VaultReference>, Map<VaultReference, String>> vault = session.secrets;
        session.secrets = references -> {
            await(allThree);
            return vault.apply(references);
        };
        session.accounts = name -> {
            if (session.accountLookups.get() == 1) {
                await(allThree);
            }
            return "sa-" + name.toLowerCase();
        };

        PlanInputs inputs = PlanInputs.read(session, list, connectors(), false, registry);

        assertEquals(Map.of(), inputs.cluster());
        assertEquals(4, inputs.secrets().size());
        assertEquals(Map.of("SA_ONE", "sa-sa_one", "SA_TWO", "sa-sa_two", "sa-given", "sa-given"), inputs.accountIds());
        assertEquals(1, lists.get());
        assertEquals(1, session.secretReads.get(), "every path in one resolve call (it reads them in parallel)");
        assertEquals(2, session.accountLookups.get(), "each display name once; an sa- id is not looked up");
    }

    @Test
    void whenTheListAndVaultBothFailBothAreReported() throws Exception {
        FakeSession session = new FakeSession();
        session.secrets = references -> {
            throw new CccException("secret/peve-a#password: Vault has no secret at secret/peve-a.");
        };
        Supplier<Map<String, RemoteConnector>> list = () -> {
            throw CccException.usage("listing connectors failed: 401 Unauthorized");
        };

        PlanInputs inputs = PlanInputs.read(session, list, connectors(), false, registry);

        CccException failure = assertThrows(CccException.class, inputs::cluster);
        assertEquals("2 problems reading what the plan needs:\n"
                + "  - listing connectors failed: 401 Unauthorized\n"
                + "  - secret/peve-a#password: Vault has no secret at secret/peve-a.", failure.getMessage());
        assertEquals(CccException.Kind.USAGE, failure.kind(), "the first failure's exit code");
        assertEquals(1, session.secretReads.get());
        assertEquals(2, session.accountLookups.get(), "IAM was read all the same");
    }

    @Test
    void whenVaultAndIamFailAfterTheListSucceededBothAreReportedOnceTheClusterIsUsed() throws Exception {
        FakeSession session = new FakeSession();
        session.secrets = references -> {
            throw new CccException("secret/peve-a#password: permission denied.");
        };
        session.accounts = name -> {
            throw new CccException("listing service accounts failed: 403 Forbidden");
        };

        PlanInputs inputs = PlanInputs.read(session, Map::of, connectors(), false, registry);

        assertEquals(Map.of(), inputs.cluster(), "the list itself succeeded: the plan can check the names it was given");
        CccException failure = assertThrows(CccException.class, inputs::requireAll);
        assertTrue(failure.getMessage().contains("  - secret/peve-a#password: permission denied."), failure.getMessage());
        assertTrue(failure.getMessage().contains("  - listing service accounts failed: 403 Forbidden"),
                failure.getMessage());
        assertEquals(1, session.accountLookups.get(), "a failure of IAM itself ends the lookups");
    }

    @Test
    void oneFailureAloneIsThrownAsItIs() throws Exception {
        FakeSession session = new FakeSession();
        CccException vault = new CccException("secret/peve-a#password: Vault has no secret at secret/peve-a.");
        session.secrets = references -> {
            throw vault;
        };

        PlanInputs inputs = PlanInputs.read(session, Map::of, connectors(), false, registry);

        assertSame(vault, assertThrows(CccException.class, inputs::requireAll));
    }

    @Test
    void aMissingServiceAccountIsNotAFailureButARefusalToCome() throws Exception {
        FakeSession session = new FakeSession();
        session.accounts = name -> {
            if (name.equals("SA_TWO")) {
                throw new ServiceAccountException("no service account named 'SA_TWO' in the organization");
            }
            return "sa-1";
        };

        PlanInputs inputs = PlanInputs.read(session, Map::of, connectors(), false, registry);

        inputs.requireAll();
        assertEquals(Map.of("SA_TWO", "no service account named 'SA_TWO' in the organization"),
                inputs.missingAccounts());
        assertEquals("<unknown: SA_TWO>", inputs.accountIds().get("SA_TWO"));
    }

    @Test
    void aSecretThatAConcurrentVaultReadRegistersLaterIsMaskedInEveryFailure() throws Exception {
        String secret = "Vault-value-that-a-server-echoed-7";
        FakeSession session = new FakeSession();
        CountDownLatch iamFailed = new CountDownLatch(1);
        CountDownLatch listFailed = new CountDownLatch(1);
        // IAM and the list fail with messages echoing the secret before Vault has read (and registered) it.
        session.accounts = name -> {
            CccException echo = new CccException("listing service accounts failed: 400 bad key " + secret);
            iamFailed.countDown();
            throw echo;
        };
        Supplier<Map<String, RemoteConnector>> list = () -> {
            CccException echo = new CccException("listing connectors failed: 400 \"" + secret + "\"");
            listFailed.countDown();
            throw echo;
        };
        session.secrets = references -> {
            await(iamFailed);
            await(listFailed);
            registry.register(secret);
            Map<VaultReference, String> values = new LinkedHashMap<>();
            references.forEach(reference -> values.put(reference, secret));
            return values;
        };

        PlanInputs inputs = PlanInputs.read(session, list, connectors(), false, registry);

        CccException both = assertThrows(CccException.class, inputs::cluster);
        assertFalse(both.getMessage().contains(secret), both.getMessage());
        assertTrue(both.getMessage().contains("400 \"" + SecretRegistry.MASK + "\""), both.getMessage());

        session.accounts = name -> {
            CccException echo = new CccException("listing service accounts failed: 400 bad key " + secret);
            throw echo;
        };
        CccException alone = assertThrows(CccException.class,
                PlanInputs.read(session, Map::of, connectors(), false, registry)::requireAll);
        assertEquals("listing service accounts failed: 400 bad key " + SecretRegistry.MASK, alone.getMessage());
    }

    @Test
    void offlineNothingRunsOnAnotherThread() throws Exception {
        FakeSession session = new FakeSession();
        Thread caller = Thread.currentThread();
        AtomicInteger elsewhere = new AtomicInteger();
        session.secrets = references -> {
            if (Thread.currentThread() != caller) {
                elsewhere.incrementAndGet();
            }
            Map<VaultReference, String> values = new LinkedHashMap<>();
            references.forEach(reference -> values.put(reference, ""));
            return values;
        };
        session.accounts = name -> {
            if (Thread.currentThread() != caller) {
                elsewhere.incrementAndGet();
            }
            return "<id of " + name + ">";
        };

        PlanInputs inputs = PlanInputs.read(session, Map::of, connectors(), true, registry);

        inputs.requireAll();
        assertEquals(0, elsewhere.get());
        assertTrue(inputs.digestBook().isEmpty());
    }
}
