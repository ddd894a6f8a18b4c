package ccc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.output.Json;
import ccc.testing.Cli;
import ccc.testing.FakeConfluentCloud;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan and apply end to end, in-process, against a stateful fake of Confluent Cloud (Connect,
 * IAM) and Vault served by MockWebServer.
 */
class PlanApplyEndToEndTest {

    static final String ACCOUNT_KEY = "canary-account-key-5Qx8Jw";
    static final String ROTATED_KEY = "canary-rotated-key-Zr4Lm2";
    static final String API_SECRET = "canary-api-secret-Hh71Pq";
    static final String VAULT_TOKEN = "canary-vault-token-Kk02Ab";

    @TempDir
    Path root;
    FakeConfluentCloud cloud;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        cloud = new FakeConfluentCloud();
        cloud.passwordKeys.add("azblob.account.key");
        cloud.serviceAccounts.put("SA_BLOB", "sa-blob01");
        cloud.vaultSecrets.put("peve/blob", Map.of("account_key", ACCOUNT_KEY));
        env = cloud.env(API_SECRET, VAULT_TOKEN);
        Repo.write(root, "ccc.yaml", Repo.VAULT_TOKEN_CCC_YAML);
        blob("peve-blob-01", "1000", "RUNNING");
        Repo.connector(root, "dev", "ccloud-gen-01", """
                {"name": "peve-gen-01",
                 "config_nonsensitive": {"connector.class": "DatagenSource", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "kafka.topic": "gen", "quickstart": "ORDERS", "tasks.max": "1"}}
                """, "service_account: sa-direct01\n");
    }

    @AfterEach
    void tearDown() {
        cloud.close();
    }

    void blob(String name, String flushSize, String status) {
        sink("ccloud-blob-01", name, "orders", flushSize, status);
    }

    void sink(String directory, String name, String topic, String flushSize, String status) {
        Repo.connector(root, "dev", directory, """
                {"name": "%s",
                 "config_nonsensitive": {"connector.class": "AzureBlobSink", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "topics": "${topic}", "flush.size": "${flush}", "tasks.max": "1"},
                 "config_sensitive": {"azblob.account.key": "${vault:secret/peve/blob#account_key}"}}
                """.formatted(name), "status: %s\nservice_account: SA_BLOB\ntopic: %s\nflush: %s\n"
                .formatted(status, topic, flushSize));
    }

    Cli.Result ccc(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--root", root.toString()));
        if (args[0].equals("apply")) {
            all.addAll(List.of("--poll-interval", "10ms", "--timeout", "20s"));
        }
        Cli.Result result = Cli.run(env, "", all.toArray(String[]::new));
        for (String canary : List.of(ACCOUNT_KEY, ROTATED_KEY, API_SECRET, VAULT_TOKEN)) {
            assertFalse(result.all().contains(canary), "a secret was printed:\n" + result);
        }
        return result;
    }

    static JsonNode json(Cli.Result result) throws Exception {
        return Json.MAPPER.readTree(result.out());
    }

    void applyAll() {
        Cli.Result apply = ccc("apply", "--env", "dev", "--auto-approve");
        assertEquals(0, apply.exitCode(), apply.toString());
    }

    @Test
    void createsFromEmptyThenPlansNoOp() throws Exception {
        Cli.Result plan = ccc("plan", "--env", "dev", "--detailed-exitcode", "--output", "json");
        assertEquals(2, plan.exitCode(), plan.toString());
        JsonNode document = json(plan);
        assertEquals(1, document.get("format_version").asInt());
        assertEquals(2, document.path("summary").path("create").asInt());

        Cli.Result apply = ccc("apply", "--env", "dev", "--auto-approve");
        assertEquals(0, apply.exitCode(), apply.toString());
        assertTrue(apply.out().contains("2 succeeded, 0 failed"), apply.toString());

        FakeConfluentCloud.Connector blob = cloud.connectors.get("peve-blob-01");
        assertNotNull(blob);
        assertEquals(ACCOUNT_KEY, blob.config.get("azblob.account.key"));
        assertEquals("sa-blob01", blob.config.get("kafka.service.account.id"));
        assertEquals("orders-dlq", blob.config.get("errors.deadletterqueue.topic.name"));
        assertNull(blob.config.get("ccc.sensitive.digest"), "AzureBlobSink does not define ccc's key: Cloud drops it");
        assertFalse(blob.config.containsKey("errors.deadletterqueue.context.headers.enable"),
                "ccc's DLQ defaults add only keys the class defines");
        assertEquals("sa-direct01", cloud.connectors.get("peve-gen-01").config.get("kafka.service.account.id"));

        int validations = cloud.validateCalls.get();
        long listsBefore = cloud.count("GET /connect/v1/environments/env-abc123/clusters/lkc-xyz789/connectors?");
        Cli.Result again = ccc("plan", "--env", "dev", "--detailed-exitcode", "--output", "json");
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(2, json(again).path("summary").path("no-op").asInt());
        assertEquals(0, json(again).path("actions").size());
        assertEquals("secret-drift-unverifiable", json(again).path("notices").get(0).path("kind").asText(),
                "every plan says that a rotated secret cannot be seen on this cluster");
        assertEquals(validations, cloud.validateCalls.get(), "a converged plan asks no plugin anything");
        assertEquals(listsBefore + 1,
                cloud.count("GET /connect/v1/environments/env-abc123/clusters/lkc-xyz789/connectors?"));

        int writes = cloud.writes().size();
        Cli.Result reapply = ccc("apply", "--env", "dev", "--auto-approve");
        assertEquals(0, reapply.exitCode(), reapply.toString());
        assertEquals(writes, cloud.writes().size(), "the next apply sends nothing");
    }

    @Test
    void aDigestStoreInVaultLetsAPlanSeeARotatedSecretOnACloudThatDropsTheDigest() throws Exception {
        Path yaml = root.resolve("ccc.yaml");
        Files.writeString(yaml, Files.readString(yaml) + "sensitive:\n  digest_store: secret/peve/ccc-digests\n");
        applyAll();
        Map<String, String> kept = cloud.vaultSecrets.get("peve/ccc-digests/dev");
        assertTrue(kept.get("peve-blob-01").startsWith("v1:azblob.account.key="), kept.toString());
        assertFalse(kept.toString().contains(ACCOUNT_KEY), "only keyed digests are kept");
        Cli.Result converged = ccc("plan", "--env", "dev", "--detailed-exitcode", "--output", "json");
        assertEquals(0, converged.exitCode(), converged.toString());
        assertEquals(0, json(converged).path("notices").size(), "nothing unverifiable: " + converged);

        cloud.vaultSecrets.put("peve/blob", Map.of("account_key", ROTATED_KEY));
        Cli.Result rotated = ccc("plan", "--env", "dev", "--detailed-exitcode", "--output", "json");
        assertEquals(2, rotated.exitCode(), rotated.toString());
        JsonNode change = json(rotated).path("actions").get(0).path("changes").get(0);
        assertEquals("azblob.account.key", change.path("key").asText());
        assertTrue(change.path("sensitive").asBoolean());
        applyAll();
        assertEquals(ROTATED_KEY, cloud.connectors.get("peve-blob-01").config.get("azblob.account.key"));
        assertEquals(0, ccc("plan", "--env", "dev", "--detailed-exitcode").exitCode(), "converged again");
    }

    @Test
    void aDigestStoreTheRoleMayNotWriteIsAWarningNotAFailedApply() throws Exception {
        Path yaml = root.resolve("ccc.yaml");
        Files.writeString(yaml, Files.readString(yaml) + "sensitive:\n  digest_store: secret/peve/ccc-digests\n");
        cloud.vaultReadOnly = true;
        Cli.Result apply = ccc("apply", "--env", "dev", "--auto-approve");
        assertEquals(0, apply.exitCode(), apply.toString());
        assertTrue(apply.err().contains("could not be kept at secret/peve/ccc-digests/dev"), apply.toString());
    }

    @Test
    void aRenameWhoseOldConnectorCannotBeDeletedCreatesNothing() {
        applyAll();
        blob("peve-blob-02", "1000", "RUNNING");
        cloud.deleteError = "connector is being provisioned";
        Cli.Result apply = ccc("apply", "--env", "dev", "--auto-approve", "--allow-offset-loss");
        assertEquals(1, apply.exitCode(), apply.toString());
        assertTrue(cloud.connectors.containsKey("peve-blob-01"));
        assertFalse(cloud.connectors.containsKey("peve-blob-02"),
                "two connectors must never run on the same data: " + apply);
        assertTrue(apply.out().contains("could not be deleted"), apply.toString());
    }

    @Test
    void anUndefinedKeyIsAWarningNotAChangeForEver() throws Exception {
        Repo.connector(root, "dev", "ccloud-gen-01", """
                {"name": "peve-gen-01",
                 "config_nonsensitive": {"connector.class": "DatagenSource", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "kafka.topic": "gen", "quickstart": "ORDERS", "tasks.max": "1",
                                         "errors.log.enable": "true"}}
                """, "service_account: sa-direct01\n");
        Cli.Result first = ccc("plan", "--env", "dev", "--output", "json");
        JsonNode warned = json(first).path("notices");
        assertTrue(warned.toString().contains("errors.log.enable") && warned.toString().contains("DatagenSource"),
                first.toString());
        applyAll();
        assertFalse(cloud.connectors.get("peve-gen-01").config.containsKey("errors.log.enable"), "not sent");
        Cli.Result again = ccc("plan", "--env", "dev", "--detailed-exitcode", "--output", "json");
        assertEquals(0, again.exitCode(), "an undefined key is never a change: " + again);
        assertTrue(json(again).path("notices").toString().contains("errors.log.enable"), again.toString());
    }

    @Test
    void aRotatedSecretOnACloudThatDropsTheDigestIsPushedWithResendSecrets() {
        applyAll();
        cloud.vaultSecrets.put("peve/blob", Map.of("account_key", ROTATED_KEY));
        assertEquals(0, ccc("plan", "--env", "dev", "--detailed-exitcode").exitCode(), "no phantom change");
        Cli.Result resend = ccc("apply", "--env", "dev", "--auto-approve", "--resend-secrets", "peve-blob-01");
        assertEquals(0, resend.exitCode(), resend.toString());
        assertEquals(ROTATED_KEY, cloud.connectors.get("peve-blob-01").config.get("azblob.account.key"));
    }

    @Test
    void updatesInPlaceWithPutNeverDelete() throws Exception {
        applyAll();
        blob("peve-blob-01", "2000", "RUNNING");
        Cli.Result plan = ccc("plan", "--env", "dev", "--output", "json");
        JsonNode action = json(plan).path("actions").get(0);
        assertEquals("update", action.path("action").asText());
        assertEquals("ccloud-blob-01", action.path("directory").asText());
        JsonNode change = action.path("changes").get(0);
        assertEquals("flush.size", change.path("key").asText());
        assertEquals("1000", change.path("before").asText());
        assertEquals("2000", change.path("after").asText());
        assertFalse(change.path("sensitive").asBoolean());

        int before = cloud.writes().size();
        applyAll();
        List<String> writes = cloud.writes().subList(before, cloud.writes().size());
        assertEquals(List.of("PUT /connect/v1/environments/env-abc123/clusters/lkc-xyz789/connectors/peve-blob-01/config"),
                writes);
        assertEquals("2000", cloud.connectors.get("peve-blob-01").config.get("flush.size"));
        assertEquals(ACCOUNT_KEY, cloud.connectors.get("peve-blob-01").config.get("azblob.account.key"));
    }

    @Test
    void detectsARotatedSecretWithoutPrintingIt() throws Exception {
        cloud.keepUndefinedKeys = true; // a cluster that keeps ccc's digest key, as a self-managed worker does
        applyAll();
        cloud.vaultSecrets.put("peve/blob", Map.of("account_key", ROTATED_KEY));
        Cli.Result plan = ccc("plan", "--env", "dev", "--output", "json", "--detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan.toString());
        JsonNode action = json(plan).path("actions").get(0);
        assertEquals("update", action.path("action").asText());
        JsonNode change = action.path("changes").get(0);
        assertEquals("azblob.account.key", change.path("key").asText());
        assertTrue(change.path("sensitive").asBoolean());
        assertFalse(change.has("before") || change.has("after"));
        Cli.Result text = ccc("plan", "--env", "dev");
        assertTrue(text.out().contains("azblob.account.key = (sensitive value changed)"), text.toString());

        applyAll();
        assertEquals(ROTATED_KEY, cloud.connectors.get("peve-blob-01").config.get("azblob.account.key"));
        assertEquals(0, ccc("plan", "--env", "dev", "--detailed-exitcode").exitCode());
    }

    @Test
    void refusesARenameAndSendsNothing() throws Exception {
        applyAll();
        blob("peve-blob-02", "1000", "RUNNING");
        int before = cloud.writes().size();

        Cli.Result plan = ccc("plan", "--env", "dev", "--output", "json");
        assertEquals(3, plan.exitCode(), plan.toString());
        JsonNode refusal = json(plan).path("refusals").get(0);
        assertEquals("peve-blob-02", refusal.path("connector").asText());
        assertEquals("rename", refusal.path("rule").asText());
        assertEquals("--allow-offset-loss", refusal.path("override").asText());
        assertTrue(refusal.path("message").asText().contains("peve-blob-01"));

        Cli.Result apply = ccc("apply", "--env", "dev", "--auto-approve", "--prune");
        assertEquals(3, apply.exitCode(), apply.toString());
        assertEquals(before, cloud.writes().size(), "a refused apply sent " + cloud.writes());
        assertTrue(cloud.connectors.containsKey("peve-blob-01"));
    }

    @Test
    void refusesARenameEvenWhenOnlyTheNewConnectorIsNamed() {
        applyAll();
        blob("peve-blob-02", "1000", "RUNNING");
        int before = cloud.writes().size();
        for (String name : List.of("ccloud-blob-01", "peve-blob-02")) {
            Cli.Result apply = ccc("apply", "--env", "dev", "--auto-approve", name);
            assertEquals(3, apply.exitCode(), apply.toString());
        }
        assertEquals(before, cloud.writes().size());
    }

    @Test
    void renameGoesThroughWithAllowOffsetLossAndPrune() {
        applyAll();
        blob("peve-blob-02", "1000", "RUNNING");
        Cli.Result apply = ccc("apply", "--env", "dev", "--auto-approve", "--prune", "--allow-offset-loss");
        assertEquals(0, apply.exitCode(), apply.toString());
        assertTrue(cloud.connectors.containsKey("peve-blob-02"));
        assertFalse(cloud.connectors.containsKey("peve-blob-01"));
    }

    @Test
    void renameGoesThroughWithAllowOffsetLossAloneEvenWhenOnlyTheNewConnectorIsNamed() throws Exception {
        applyAll();
        blob("peve-blob-02", "1000", "RUNNING");
        int before = cloud.writes().size();
        Cli.Result apply = ccc("apply", "--env", "dev", "--auto-approve", "--allow-offset-loss", "peve-blob-02");
        assertEquals(0, apply.exitCode(), apply.toString());
        List<String> writes = cloud.writes().subList(before, cloud.writes().size());
        assertEquals(2, writes.size(), writes.toString());
        assertTrue(writes.get(0).startsWith("DELETE ") && writes.get(0).endsWith("/connectors/peve-blob-01"),
                "the old connector goes first, so two never run on the same data: " + writes);
        assertTrue(writes.get(1).startsWith("POST "), writes.toString());
        assertFalse(cloud.connectors.containsKey("peve-blob-01"));
        assertTrue(cloud.connectors.containsKey("peve-blob-02"));
        assertEquals(0, ccc("plan", "--env", "dev", "--detailed-exitcode").exitCode());
    }

    @Test
    void twoSinksSwappingNamesAreTwoRenamesCarriedOutAsReplacements() throws Exception {
        sink("ccloud-blob-03", "peve-blob-03", "payments", "1000", "RUNNING");
        applyAll();
        String id01 = cloud.connectors.get("peve-blob-01").id;
        String id03 = cloud.connectors.get("peve-blob-03").id;
        sink("ccloud-blob-01", "peve-blob-01", "payments", "1000", "RUNNING");
        sink("ccloud-blob-03", "peve-blob-03", "orders", "1000", "RUNNING");

        Cli.Result plan = ccc("plan", "--env", "dev", "--output", "json");
        assertEquals(3, plan.exitCode(), plan.toString());
        List<String> refused = new ArrayList<>();
        json(plan).path("refusals").forEach(refusal -> {
            assertEquals("rename", refusal.path("rule").asText());
            refused.add(refusal.path("connector").asText());
        });
        assertEquals(List.of("peve-blob-01", "peve-blob-03"), refused.stream().sorted().toList());
        int before = cloud.writes().size();
        assertEquals(3, ccc("apply", "--env", "dev", "--auto-approve").exitCode());
        assertEquals(before, cloud.writes().size(), "a refused apply sent " + cloud.writes());

        Cli.Result apply = ccc("apply", "--env", "dev", "--auto-approve", "--allow-offset-loss");
        assertEquals(0, apply.exitCode(), apply.toString());
        FakeConfluentCloud.Connector blob01 = cloud.connectors.get("peve-blob-01");
        FakeConfluentCloud.Connector blob03 = cloud.connectors.get("peve-blob-03");
        assertEquals("payments", blob01.config.get("topics"));
        assertEquals("orders", blob03.config.get("topics"));
        assertFalse(blob01.id.equals(id01) || blob03.id.equals(id03),
                "each was re-created, so neither kept the other's offsets");
        assertEquals(0, ccc("plan", "--env", "dev", "--detailed-exitcode").exitCode());
    }

    @Test
    void reportsOrphansThenPrunesThemButNeverAnotherTeams() throws Exception {
        applyAll();
        cloud.put("peve-legacy-01", Map.of("connector.class", "S3_SINK", "topics", "legacy"));
        cloud.put("other-team-sink", Map.of("connector.class", "S3_SINK", "topics", "theirs"));

        Cli.Result plan = ccc("plan", "--env", "dev", "--output", "json", "--detailed-exitcode");
        assertEquals(0, plan.exitCode(), "an orphan alone is not a change: " + plan);
        assertEquals(1, json(plan).path("summary").path("orphan").asInt());
        assertEquals("orphan", json(plan).path("actions").get(0).path("action").asText());

        applyAll();
        assertTrue(cloud.connectors.containsKey("peve-legacy-01"), "deleted without --prune");

        Cli.Result prune = ccc("apply", "--env", "dev", "--auto-approve", "--prune");
        assertEquals(0, prune.exitCode(), prune.toString());
        assertFalse(cloud.connectors.containsKey("peve-legacy-01"));
        assertTrue(cloud.connectors.containsKey("other-team-sink"));
        assertTrue(cloud.writes().stream().noneMatch(w -> w.contains("other-team-sink")));
    }

    @Test
    void pausesAndResumesByDeclaredStatus() throws Exception {
        cloud.asyncPolls = 3;
        applyAll();
        blob("peve-blob-01", "1000", "PAUSED");
        Cli.Result plan = ccc("plan", "--env", "dev", "--output", "json");
        assertEquals("pause", json(plan).path("actions").get(0).path("action").asText());
        applyAll();
        assertEquals("PAUSED", cloud.connectors.get("peve-blob-01").state);

        blob("peve-blob-01", "1000", "RUNNING");
        applyAll();
        assertEquals("RUNNING", cloud.connectors.get("peve-blob-01").state);
        assertEquals(0, ccc("plan", "--env", "dev", "--detailed-exitcode").exitCode());
    }

    @Test
    void refusesAStaleSavedPlan() throws Exception {
        applyAll();
        blob("peve-blob-01", "3000", "RUNNING");
        Path saved = root.resolve("plan.json");
        assertEquals(0, ccc("plan", "--env", "dev", "-o", saved.toString()).exitCode());
        String file = Files.readString(saved);
        assertFalse(file.contains(ACCOUNT_KEY));

        cloud.connectors.get("peve-gen-01").config.put("quickstart", "USERS");
        int before = cloud.writes().size();
        Cli.Result apply = ccc("apply", saved.toString(), "--auto-approve");
        assertEquals(3, apply.exitCode(), apply.toString());
        assertTrue(apply.err().contains("cluster changed"), apply.toString());
        assertEquals(before, cloud.writes().size());
    }

    @Test
    void appliesAFreshSavedPlan() {
        applyAll();
        blob("peve-blob-01", "3000", "RUNNING");
        Path saved = root.resolve("plan.json");
        assertEquals(0, ccc("plan", "--env", "dev", "-o", saved.toString()).exitCode());
        Cli.Result apply = ccc("apply", saved.toString(), "--auto-approve");
        assertEquals(0, apply.exitCode(), apply.toString());
        assertEquals("3000", cloud.connectors.get("peve-blob-01").config.get("flush.size"));
    }

    @Test
    void aSavedPlanIsAppliedWhateverLengthTheCloudsMasksHave() throws Exception {
        cloud.keepUndefinedKeys = true;
        applyAll();
        blob("peve-blob-01", "3000", "RUNNING");
        Path saved = root.resolve("plan.json");
        assertEquals(0, ccc("plan", "--env", "dev", "-o", saved.toString()).exitCode());
        ccc("status", "--env", "dev"); // the fake masks with another number of asterisks on every read
        Cli.Result apply = ccc("apply", saved.toString(), "--auto-approve");
        assertEquals(0, apply.exitCode(), "a mask's length is no change of the cluster: " + apply);
    }

    @Test
    void anEditedSavedPlanIsRefusedAndNothingIsSent() throws Exception {
        applyAll();
        cloud.put("peve-old-01", Map.of("connector.class", "DatagenSource", "kafka.topic", "old", "quickstart", "USERS"));
        blob("peve-blob-01", "3000", "RUNNING");
        Path saved = root.resolve("plan.json");
        assertEquals(0, ccc("plan", "--env", "dev", "-o", saved.toString()).exitCode());
        String reviewed = Files.readString(saved);
        int writes = cloud.writes().size();

        Files.writeString(saved, reviewed.replace("\"prune\" : false", "\"prune\" : true"));
        Cli.Result pruned = ccc("apply", saved.toString(), "--auto-approve");
        assertEquals(3, pruned.exitCode(), pruned.toString());
        assertTrue(pruned.err().contains("was changed after 'ccc plan -o' wrote it"), pruned.toString());

        JsonNode document = Json.MAPPER.readTree(reviewed);
        ((com.fasterxml.jackson.databind.node.ArrayNode) document.get("actions")).removeAll();
        Files.writeString(saved, Json.MAPPER.writeValueAsString(document));
        Cli.Result emptied = ccc("apply", saved.toString(), "--auto-approve");
        assertEquals(3, emptied.exitCode(), emptied.toString());

        assertEquals(writes, cloud.writes().size(), "nothing sent for an edited plan");
        assertTrue(cloud.connectors.containsKey("peve-old-01"), "the orphan was not pruned");
        Files.writeString(saved, reviewed);
        assertEquals(0, ccc("apply", saved.toString(), "--auto-approve").exitCode(), "the reviewed file applies");
        assertTrue(cloud.connectors.containsKey("peve-old-01"));
    }

    @Test
    void refusesASavedPlanWhenTheRepositoryChanged() {
        applyAll();
        Path saved = root.resolve("plan.json");
        assertEquals(0, ccc("plan", "--env", "dev", "-o", saved.toString()).exitCode());
        blob("peve-blob-01", "4000", "RUNNING");
        Cli.Result apply = ccc("apply", saved.toString(), "--auto-approve");
        assertEquals(3, apply.exitCode(), apply.toString());
        assertEquals("1000", cloud.connectors.get("peve-blob-01").config.get("flush.size"));
    }

    @Test
    void convergesUnderRateLimiting() {
        cloud.inject429(3);
        Cli.Result apply = ccc("apply", "--env", "dev", "--auto-approve");
        assertEquals(0, apply.exitCode(), apply.toString());
        assertEquals(2, cloud.connectors.size());
        assertEquals(0, ccc("plan", "--env", "dev", "--detailed-exitcode").exitCode());
    }

    @Test
    void refusesWithoutATerminalOrAutoApprove() {
        Cli.Result apply = ccc("apply", "--env", "dev");
        assertEquals(1, apply.exitCode(), apply.toString());
        assertTrue(apply.err().contains("--auto-approve"), apply.toString());
        assertTrue(cloud.writes().isEmpty(), cloud.writes().toString());
    }

    @Test
    void asksForYesOnATerminal() {
        List<String> args = List.of("apply", "--env", "dev", "--root", root.toString(), "--poll-interval", "10ms");
        Cli.Result no = Cli.run(env, true, "no\n", args.toArray(String[]::new));
        assertEquals(1, no.exitCode(), no.toString());
        assertTrue(cloud.writes().isEmpty());
        Cli.Result yes = Cli.run(env, true, "yes\n", args.toArray(String[]::new));
        assertEquals(0, yes.exitCode(), yes.toString());
        assertEquals(2, cloud.connectors.size());
    }

    @Test
    void oneFailureDoesNotHideTheOthersAndAScrubbedEchoIsReported() {
        cloud.rejectedClass = "AzureBlobSink";
        Cli.Result apply = ccc("apply", "--env", "dev", "--auto-approve");
        assertEquals(1, apply.exitCode(), apply.toString());
        assertTrue(apply.all().contains("peve-blob-01"), apply.toString());
        assertTrue(apply.out().contains("1 succeeded, 1 failed"), apply.toString());
        assertTrue(cloud.connectors.containsKey("peve-gen-01"));
        cloud.rejectedClass = null;
        applyAll();
        assertEquals(2, cloud.connectors.size());
    }

    @Test
    void offlinePlanNeedsNoCredentialsAndNoNetwork() throws Exception {
        Cli.Result plan = Cli.run(Map.of(), "", "plan", "--env", "dev", "--offline", "--output", "json",
                "--root", root.toString());
        assertEquals(0, plan.exitCode(), plan.toString());
        assertEquals(2, json(plan).path("summary").path("create").asInt());
        assertTrue(cloud.requests.isEmpty());
    }

    @Test
    void takesTheCloudApiKeyFromVaultWhenTheEnvironmentHasNone() throws Exception {
        cloud.apiKey = "VAULTKEY";
        cloud.apiSecret = "canary-vault-held-api-secret-77";
        cloud.vaultSecrets.put("peve/ccloud", Map.of("api_key", "VAULTKEY", "api_secret", cloud.apiSecret));
        Repo.write(root, "ccc.yaml", Files.readString(root.resolve("ccc.yaml")).replace("environments:", """
                confluent:
                  credentials:
                    api_key: ${vault:secret/peve/ccloud#api_key}
                    api_secret: ${vault:secret/peve/ccloud#api_secret}
                environments:"""));
        env.remove("CONFLUENT_CLOUD_API_KEY");
        env.remove("CONFLUENT_CLOUD_API_SECRET");
        Cli.Result plan = ccc("plan", "--env", "dev", "--output", "json");
        assertEquals(0, plan.exitCode(), plan.toString());
        assertEquals(2, json(plan).path("summary").path("create").asInt());
        assertFalse(plan.all().contains(cloud.apiSecret));
        env.put("CONFLUENT_CLOUD_API_KEY", "WRONG");
        env.put("CONFLUENT_CLOUD_API_SECRET", "WRONG-SECRET");
        Cli.Result wrong = ccc("plan", "--env", "dev");
        assertEquals(1, wrong.exitCode(), "the environment's key wins over Vault: " + wrong);
        assertTrue(wrong.err().contains("401"), wrong.toString());
    }

    @Test
    void missingCredentialsNameBothVariables() {
        env.remove("CONFLUENT_CLOUD_API_SECRET");
        Cli.Result plan = ccc("plan", "--env", "dev");
        assertEquals(1, plan.exitCode(), plan.toString());
        assertTrue(plan.err().contains("CONFLUENT_CLOUD_API_KEY") && plan.err().contains("CONFLUENT_CLOUD_API_SECRET"));
        assertFalse(plan.all().contains("\tat "));
    }

    @Test
    void onePlanMakesOneListRequestWhateverTheNumberOfConnectors() throws Exception {
        for (int n : new int[] {1, 50}) {
            Path repo = root.resolve("n" + n);
            Repo.write(repo, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
            cloud.connectors.clear();
            for (int i = 0; i < n; i++) {
                Repo.connector(repo, "dev", "ccloud-gen-" + i, """
                        {"name": "peve-gen-%d",
                         "config_nonsensitive": {"connector.class": "DatagenSource", "kafka.topic": "t%d"}}
                        """.formatted(i, i), "");
                cloud.put("peve-gen-" + i, Map.of("connector.class", "DatagenSource", "kafka.topic", "t" + i));
            }
            cloud.requests.clear();
            Cli.Result plan = Cli.run(env, "", "plan", "--env", "dev", "--output", "json", "--root", repo.toString());
            assertEquals(0, plan.exitCode(), plan.toString());
            assertEquals(n, json(plan).path("summary").path("no-op").asInt());
            assertEquals(List.of("GET /connect/v1/environments/env-abc123/clusters/lkc-xyz789/connectors?expand=info,status,id"),
                    cloud.requests, "N=" + n);
        }
    }
}
