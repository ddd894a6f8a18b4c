package ccc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Cli;
import ccc.testing.FakeConfluentCloud;
import ccc.testing.Repo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What plan reads, counted on the Cloud fake: one list of the connectors, one read per Vault path,
 * one listing of IAM, however many connectors; read together, so every one that fails is reported.
 */
class PlanReadsEndToEndTest {

    private static final String API_SECRET = "canary-api-secret-Pq19Zx";
    private static final String VAULT_TOKEN = "canary-vault-token-Mm37Lk";
    private static final String CONNECTORS = "GET /connect/v1/environments/" + FakeConfluentCloud.ENV + "/clusters/"
            + FakeConfluentCloud.CLUSTER + "/connectors";

    @TempDir
    Path root;

    /** Twelve connectors, each with a Vault path of its own, naming two service accounts by display name. */
    private FakeConfluentCloud cloud() throws Exception {
        FakeConfluentCloud cloud = new FakeConfluentCloud();
        cloud.serviceAccounts.put("SA_ONE", "sa-one01");
        cloud.serviceAccounts.put("SA_TWO", "sa-two02");
        Repo.write(root, "ccc.yaml", Repo.VAULT_TOKEN_CCC_YAML);
        for (int i = 1; i <= 12; i++) {
            String name = "peve-db-%02d".formatted(i);
            cloud.vaultSecrets.put("peve/" + name, Map.of("password", "canary-password-" + i + "-Xy81"));
            Repo.connector(root, "dev", "ccloud-db-%02d".formatted(i), """
                    {"name": "%s",
                     "config_nonsensitive": {"connector.class": "PostgresSource", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                             "tasks.max": "1"},
                     "config_sensitive": {"connection.password": "${vault:secret/peve/%s#password}"}}
                    """.formatted(name, name), "service_account: " + (i % 2 == 0 ? "SA_ONE" : "SA_TWO") + "\n");
        }
        return cloud;
    }

    private Cli.Result plan(FakeConfluentCloud cloud) {
        Cli.Result result = Cli.run(cloud.env(API_SECRET, VAULT_TOKEN), "", "plan", "--env", "dev", "--root",
                root.toString());
        for (int i = 1; i <= 12; i++) {
            assertFalse(result.all().contains("canary-password-" + i + "-Xy81"), result.toString());
        }
        assertFalse(result.all().contains(API_SECRET) || result.all().contains(VAULT_TOKEN), result.toString());
        return result;
    }

    @Test
    void onePlanListsOnceReadsEachPathOnceAndListsIamOnce() throws Exception {
        try (FakeConfluentCloud cloud = cloud()) {
            Cli.Result plan = plan(cloud);

            assertEquals(0, plan.exitCode(), plan.toString());
            assertTrue(plan.out().contains("12 to create"), plan.toString());
            assertEquals(1, cloud.count(CONNECTORS + "?"), cloud.requests.toString());
            assertEquals(12, cloud.count("GET /v1/secret/data/peve/"), cloud.requests.toString());
            assertEquals(1, cloud.count("GET /iam/v2/service-accounts"), cloud.requests.toString());
        }
    }

    @Test
    void whenTheClusterVaultAndIamAllFailEachFailureIsReported() throws Exception {
        try (FakeConfluentCloud cloud = cloud()) {
            cloud.apiKey = "ANOTHERKEY";
            cloud.apiSecret = "another-secret-value";
            cloud.vaultSecrets.remove("peve/peve-db-07");

            Cli.Result plan = plan(cloud);

            assertEquals(1, plan.exitCode(), plan.toString());
            String err = plan.err();
            assertTrue(err.contains("3 problems reading what the plan needs:"), plan.toString());
            assertTrue(err.contains("  - List connectors failed") && err.contains("401"), plan.toString());
            assertTrue(err.contains("  - secret/peve/peve-db-07#password"), plan.toString());
            assertTrue(err.contains("  - listing service accounts"), plan.toString());
            assertEquals(1, cloud.count(CONNECTORS + "?"), cloud.requests.toString());
            assertEquals(1, cloud.count("GET /iam/v2/service-accounts"), cloud.requests.toString());
        }
    }
}
