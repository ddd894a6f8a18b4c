package ccc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.output.Json;
import ccc.testing.Cli;
import ccc.testing.FakeConfluentCloud;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prerequisites plan checks with what it already has, before anything is sent: the service account it
 * resolves anyway, and the plugin's validate call it makes anyway for each connector it would send. A failure is a
 * refusal (rule "prerequisite", exit 3) pointing at {@code ccc doctor}.
 */
class PlanPrerequisitesTest {

    @TempDir
    Path root;
    FakeConfluentCloud cloud;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        cloud = new FakeConfluentCloud();
        cloud.serviceAccounts.put("SA_GEN", "sa-gen01");
        env = cloud.env("canary-api-secret-Hh71Pq", "canary-vault-token-Kk02Ab");
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.datagen(root, "ccloud-gen-01", "peve-gen-01");
        Repo.datagen(root, "ccloud-gen-02", "peve-gen-02");
        Repo.write(root, "ccloud-gen-02/dev-vars.yaml", "service_account: SA_GEN\ntopic: gen2\n");
    }

    @AfterEach
    void tearDown() {
        cloud.close();
    }

    Cli.Result ccc(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--root", root.toString()));
        return Cli.run(env, "", all.toArray(String[]::new));
    }

    static JsonNode refusal(Cli.Result plan, String connector) throws Exception {
        for (JsonNode refusal : Json.MAPPER.readTree(plan.out()).path("refusals")) {
            if (refusal.path("connector").asText().equals(connector)) {
                return refusal;
            }
        }
        throw new AssertionError("no refusal for " + connector + ":\n" + plan);
    }

    @Test
    void aServiceAccountThatDoesNotExistIsARefusalAndNothingIsSent() throws Exception {
        Cli.Result plan = ccc("plan", "--env", "dev", "--output", "json");

        assertEquals(3, plan.exitCode(), plan.toString());
        JsonNode refusal = refusal(plan, "peve-gen-01");
        assertEquals("prerequisite", refusal.path("rule").asText());
        assertTrue(refusal.path("message").asText().contains("no service account named 'SA_PEVE_DATAGEN'"),
                refusal.toString());
        assertEquals("fix it, or run 'ccc doctor --env dev' for the full report", refusal.path("override").asText());
        assertEquals(1, Json.MAPPER.readTree(plan.out()).path("refusals").size(), "peve-gen-02 is fine");
        assertEquals(1, cloud.validateCalls.get(), "the connector without an account is not validated");

        Cli.Result apply = ccc("apply", "--env", "dev", "--auto-approve");
        assertEquals(3, apply.exitCode(), apply.toString());
        assertTrue(apply.out().contains("Override: fix it, or run 'ccc doctor --env dev' for the full report"),
                apply.out());
        assertEquals(List.of(), cloud.writes(), "nothing is sent");
    }

    @Test
    void anAmbiguousServiceAccountIsARefusalNamingBothIds() throws Exception {
        cloud.serviceAccounts.put("SA_PEVE_DATAGEN", "sa-a1");
        cloud.sharedNames.put("sa-a2", "SA_PEVE_DATAGEN");
        Cli.Result plan = ccc("plan", "--env", "dev", "--output", "json");
        assertEquals(3, plan.exitCode(), plan.toString());
        assertTrue(refusal(plan, "peve-gen-01").path("message").asText().contains("(sa-a1, sa-a2)"), plan.out());
    }

    @Test
    void aConfigThePluginRejectsIsARefusalWithEachFieldError() throws Exception {
        cloud.serviceAccounts.put("SA_PEVE_DATAGEN", "sa-gen00");
        cloud.validationErrors.put("DatagenSource", Map.of("quickstart",
                List.of("Invalid value ORDERS for configuration quickstart: not offered in this region")));

        Cli.Result plan = ccc("plan", "--env", "dev");

        assertEquals(3, plan.exitCode(), plan.toString());
        assertTrue(plan.out().contains("peve-gen-01: the plugin's validate call rejects its config: quickstart: Invalid "
                + "value ORDERS for configuration quickstart: not offered in this region"), plan.out());
        assertEquals(2, cloud.validateCalls.get(), "one validate call per connector it would send");
        assertEquals(List.of(), cloud.writes());
    }

    @Test
    void aConnectorPlanDoesNotSendIsNotChecked() throws Exception {
        cloud.serviceAccounts.put("SA_PEVE_DATAGEN", "sa-gen00");
        assertEquals(0, ccc("apply", "--env", "dev", "--auto-approve", "--poll-interval", "10ms", "--timeout", "20s")
                .exitCode());
        int validations = cloud.validateCalls.get();
        cloud.validationErrors.put("DatagenSource", Map.of("quickstart", List.of("would be refused")));

        Cli.Result plan = ccc("plan", "--env", "dev", "--detailed-exitcode");

        assertEquals(0, plan.exitCode(), plan.toString());
        assertFalse(plan.all().contains("would be refused"), plan.toString());
        assertEquals(validations, cloud.validateCalls.get());
    }
}
