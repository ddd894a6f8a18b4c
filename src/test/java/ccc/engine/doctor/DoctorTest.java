package ccc.engine.doctor;

import static ccc.testing.FakeConfluentCloud.ENV_CRN;
import static ccc.testing.FakeConfluentCloud.KAFKA_CRN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.output.Json;
import ccc.testing.Cli;
import ccc.testing.FakeConfluentCloud;
import ccc.testing.FakeDataPlane;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ccc doctor} end to end, in-process, against stateful fakes of Confluent Cloud (Connect, IAM with role
 * bindings, the organization API), Vault, a cluster's Kafka REST endpoint and a Schema Registry.
 */
class DoctorTest {

    static final String ACCOUNT_KEY = "canary-account-key-5Qx8Jw";
    static final String API_SECRET = "canary-api-secret-Hh71Pq";
    static final String VAULT_TOKEN = "canary-vault-token-Kk02Ab";
    static final String KAFKA_SECRET = "canary-kafka-secret-Ty55Lp";
    static final String REGISTRY_SECRET = "canary-sr-secret-Mm31Qz";
    static final String SR_CRN = ENV_CRN + "/schema-registry=lsrc-abc12";

    @TempDir
    Path root;
    FakeConfluentCloud cloud;
    FakeDataPlane data;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        cloud = new FakeConfluentCloud();
        data = new FakeDataPlane(KAFKA_SECRET, REGISTRY_SECRET);
        cloud.passwordKeys.add("azblob.account.key");
        cloud.serviceAccounts.put("SA_BLOB", "sa-blob01");
        cloud.serviceAccounts.put("SA_GEN", "sa-gen01");
        cloud.vaultSecrets.put("peve/blob", Map.of("account_key", ACCOUNT_KEY));
        env = new HashMap<>(cloud.env(API_SECRET, VAULT_TOKEN));
        env.putAll(data.keys());
        cccYaml("""
                    kafka_rest_url: %s
                    schema_registry_url: %s
                    schema_registry_cluster_id: lsrc-abc12
                """.formatted(data.url(), data.url()));
        Repo.connector(root, "dev", "ccloud-blob-01", """
                {"name": "peve-blob-01",
                 "config_nonsensitive": {"connector.class": "AzureBlobSink", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "topics": "orders", "input.data.format": "AVRO", "flush.size": "1000",
                                         "tasks.max": "1"},
                 "config_sensitive": {"azblob.account.key": "${vault:secret/peve/blob#account_key}"}}
                """, "service_account: SA_BLOB\n");
        Repo.connector(root, "dev", "ccloud-gen-01", """
                {"name": "peve-gen-01",
                 "config_nonsensitive": {"connector.class": "DatagenSource", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "kafka.topic": "gen", "quickstart": "ORDERS", "output.data.format": "JSON",
                                         "tasks.max": "1"}}
                """, "service_account: SA_GEN\n");
    }

    @AfterEach
    void tearDown() {
        cloud.close();
        data.close();
    }

    void cccYaml(String dataPlane) {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML + "    vault:\n      auth: token\n" + dataPlane);
    }

    /** Everything both connectors need, granted and created. */
    void everythingInPlace() {
        cloud.grant("sa-blob01", "DeveloperRead", KAFKA_CRN + "/topic=orders");
        cloud.grant("sa-blob01", "DeveloperWrite", KAFKA_CRN + "/topic=orders-dlq");
        cloud.grant("sa-blob01", "DeveloperRead", KAFKA_CRN + "/group=connect-lcc-*");
        cloud.grant("sa-blob01", "DeveloperRead", SR_CRN + "/subject=orders-value");
        cloud.grant("sa-gen01", "DeveloperWrite", KAFKA_CRN + "/topic=gen");
        data.topics.addAll(List.of("orders", "orders-dlq", "gen"));
        data.subjects.add("orders-value");
    }

    Cli.Result doctor(String... args) {
        List<String> all = new ArrayList<>(List.of("doctor", "--env", "dev", "--root", root.toString()));
        all.addAll(List.of(args));
        Cli.Result result = Cli.run(env, "", all.toArray(String[]::new));
        for (String canary : List.of(ACCOUNT_KEY, API_SECRET, VAULT_TOKEN, KAFKA_SECRET, REGISTRY_SECRET)) {
            assertFalse(result.all().contains(canary), "a secret was printed:\n" + result);
        }
        return result;
    }

    static JsonNode json(Cli.Result result) throws Exception {
        return Json.MAPPER.readTree(result.out());
    }

    /** The checks of one connector: "check subject" → the check's JSON. */
    static Map<String, JsonNode> checks(JsonNode document, String connector) {
        Map<String, JsonNode> checks = new java.util.LinkedHashMap<>();
        for (JsonNode each : document.path("connectors")) {
            if (each.path("connector").asText().equals(connector)) {
                each.path("checks").forEach(check -> checks.put(check.path("check").asText() + " "
                        + check.path("subject").asText(), check));
            }
        }
        return checks;
    }

    static String status(Map<String, JsonNode> checks, String key) {
        JsonNode check = checks.get(key);
        assertNotNull(check, "no check '" + key + "' among " + checks.keySet());
        return check.path("status").asText();
    }

    @Test
    void everythingInPlacePassesAndEachListIsReadOncePerEnvironment() throws Exception {
        everythingInPlace();
        cloud.roleBindingPageSize = 2;
        data.topicPageSize = 2;
        data.topics.addAll(List.of("a", "b", "c", "d"));

        Cli.Result result = doctor("--output", "json");

        assertEquals(0, result.exitCode(), result.toString());
        JsonNode document = json(result);
        assertEquals(1, document.path("format_version").asInt());
        assertEquals("dev", document.path("environment").asText());
        assertEquals(0, document.path("summary").path("failed").asInt(), result.out());
        assertEquals(0, document.path("summary").path("not_run").asInt(), result.out());
        Map<String, JsonNode> blob = checks(document, "peve-blob-01");
        assertEquals(List.of(
                        "vault-reference ${vault:secret/peve/blob#account_key}",
                        "connect-reachable " + document.path("location").asText(),
                        "plugin-offered AzureBlobSink",
                        "config-valid AzureBlobSink",
                        "key-defined AzureBlobSink",
                        "service-account SA_BLOB",
                        "role-binding DeveloperRead on topic orders",
                        "role-binding DeveloperRead on group connect-lcc-<id>",
                        "role-binding DeveloperWrite on topic orders-dlq",
                        "role-binding DeveloperRead on subject orders-value",
                        "topic-exists orders",
                        "topic-exists orders-dlq",
                        "subject-registered orders-value"),
                List.copyOf(blob.keySet()));
        JsonNode group = blob.get("role-binding DeveloperRead on group connect-lcc-<id>");
        assertTrue(group.path("ok").asBoolean(), group.toString());
        assertTrue(group.path("hint").asText().contains("group=connect-lcc-*"), "a prefix binding counts: " + group);
        assertEquals("passed", status(checks(document, "peve-gen-01"), "role-binding DeveloperWrite on topic gen"));

        assertEquals(1, cloud.count("GET /iam/v2/service-accounts"));
        assertEquals(3, cloud.count("GET /iam/v2/role-bindings"), "5 bindings in pages of 2, read once for both");
        assertEquals(1, cloud.count("GET /org/v2/environments/env-abc123"));
        assertEquals(1, cloud.count("GET /connect/v1/environments/env-abc123/clusters/lkc-xyz789/connector-plugins"));
        assertEquals(4, data.count("GET /kafka/v3/clusters/lkc-xyz789/topics"), "7 topics in pages of 2, read once");
        assertEquals(1, data.count("GET /subjects"));
        assertEquals(2, cloud.validateCalls.get(), "one validate call per connector");
        assertTrue(cloud.writes().isEmpty(), "doctor changes nothing: " + cloud.writes());
    }

    @Test
    void aMissingGrantIsAFailureWithTheExactBindingToCreate() throws Exception {
        everythingInPlace();
        cloud.roleBindings.removeIf(binding -> binding.crnPattern().endsWith("/topic=orders-dlq"));

        Cli.Result text = doctor();
        assertEquals(1, text.exitCode(), text.toString());
        String expectedCommand = "confluent iam rbac role-binding create --principal User:sa-blob01 --role DeveloperWrite"
                + " --environment env-abc123 --cloud-cluster lkc-xyz789 --kafka-cluster lkc-xyz789"
                + " --resource Topic:orders-dlq";
        assertTrue(text.out().contains("✘ role-binding        DeveloperWrite on topic orders-dlq\n"), text.out());
        assertTrue(text.out().contains("$ " + expectedCommand + "\n"), text.out());
        assertTrue(text.out().contains("""
                        resource "confluent_role_binding" "peve_blob_01_developerwrite_topic_orders_dlq" {
                          principal   = "User:sa-blob01"
                          role_name   = "DeveloperWrite"
                          crn_pattern = "%s/topic=orders-dlq"
                        }""".formatted(KAFKA_CRN).indent(8)), text.out());
        assertTrue(text.out().contains("✔ role-binding        DeveloperRead on topic orders: granted by DeveloperRead"
                + " on topic=orders"), text.out());
        assertTrue(text.out().contains("1 failed"), text.out());

        JsonNode check = checks(json(doctor("--output", "json")), "peve-blob-01")
                .get("role-binding DeveloperWrite on topic orders-dlq");
        assertFalse(check.path("ok").asBoolean(true));
        assertEquals(expectedCommand, check.path("fix").path("command").asText());
        assertTrue(check.path("fix").path("terraform").asText().contains("role_name   = \"DeveloperWrite\""));
    }

    @Test
    void prefixBindingsCountAndAnAdminRoleOnTheClusterCoversItsTopics() throws Exception {
        cloud.grant("sa-blob01", "DeveloperRead", KAFKA_CRN + "/topic=ord*");
        cloud.grant("sa-blob01", "ResourceOwner", KAFKA_CRN + "/topic=orders-*");
        cloud.grant("sa-blob01", "DeveloperRead", KAFKA_CRN + "/group=connect-*");
        cloud.grant("sa-blob01", "DeveloperRead", SR_CRN + "/subject=*");
        cloud.grant("sa-gen01", "CloudClusterAdmin", ENV_CRN + "/cloud-cluster=lkc-xyz789");
        cloud.grant("sa-gen01", "DeveloperWrite", KAFKA_CRN + "/topic=orders");  // another account's: no help
        data.topics.addAll(List.of("orders", "orders-dlq", "gen"));
        data.subjects.add("orders-value");

        Cli.Result result = doctor("--output", "json");

        assertEquals(0, result.exitCode(), result.toString());
        Map<String, JsonNode> blob = checks(json(result), "peve-blob-01");
        assertTrue(blob.get("role-binding DeveloperRead on topic orders").path("hint").asText()
                .contains("topic=ord*"), blob.toString());
        assertTrue(blob.get("role-binding DeveloperWrite on topic orders-dlq").path("hint").asText()
                .startsWith("granted by ResourceOwner"), blob.toString());
        assertTrue(checks(json(result), "peve-gen-01").get("role-binding DeveloperWrite on topic gen").path("hint")
                .asText().startsWith("granted by CloudClusterAdmin on cloud-cluster=lkc-xyz789"));
    }

    @Test
    void aPrefixOfAnotherNameOrADeveloperReadForAWriteDoesNotCount() throws Exception {
        everythingInPlace();
        cloud.roleBindings.removeIf(binding -> binding.crnPattern().endsWith("/topic=orders-dlq")
                || binding.crnPattern().endsWith("/group=connect-lcc-*"));
        cloud.grant("sa-blob01", "DeveloperRead", KAFKA_CRN + "/topic=orders-dlq");
        cloud.grant("sa-blob01", "DeveloperWrite", KAFKA_CRN + "/topic=orders-dlq-old*");
        cloud.grant("sa-blob01", "DeveloperRead", KAFKA_CRN + "/group=connect-lcc-9*");

        Map<String, JsonNode> blob = checks(json(doctor("--output", "json")), "peve-blob-01");

        assertEquals("failed", status(blob, "role-binding DeveloperWrite on topic orders-dlq"));
        JsonNode group = blob.get("role-binding DeveloperRead on group connect-lcc-<id>");
        assertEquals("not_run", group.path("status").asText(), "the id is not known before the first apply");
        assertTrue(group.path("hint").asText().contains("after the first apply"), group.toString());
        assertEquals("confluent iam rbac role-binding create --principal User:sa-blob01 --role DeveloperRead"
                        + " --environment env-abc123 --cloud-cluster lkc-xyz789 --kafka-cluster lkc-xyz789"
                        + " --resource Group:connect-lcc- --prefix",
                group.path("fix").path("command").asText());
    }

    @Test
    void onceTheConnectorExistsItsExactConsumerGroupIsChecked() throws Exception {
        everythingInPlace();
        cloud.roleBindings.removeIf(binding -> binding.crnPattern().endsWith("/group=connect-lcc-*"));
        FakeConfluentCloud.Connector existing = cloud.put("peve-blob-01", Map.of("connector.class", "AzureBlobSink",
                "topics", "orders"));

        Map<String, JsonNode> blob = checks(json(doctor("--output", "json")), "peve-blob-01");

        String key = "role-binding DeveloperRead on group connect-" + existing.id;
        assertEquals("failed", status(blob, key));
        assertTrue(blob.get(key).path("fix").path("command").asText().endsWith("--resource Group:connect-" + existing.id));

        cloud.grant("sa-blob01", "DeveloperRead", KAFKA_CRN + "/group=connect-" + existing.id);
        assertEquals("passed", status(checks(json(doctor("--output", "json")), "peve-blob-01"), key));
    }

    @Test
    void anAmbiguousServiceAccountIsReportedNeverGuessed() throws Exception {
        everythingInPlace();
        cloud.sharedNames.put("sa-blob02", "SA_BLOB");

        Cli.Result result = doctor("--output", "json");

        assertEquals(1, result.exitCode(), result.toString());
        Map<String, JsonNode> blob = checks(json(result), "peve-blob-01");
        JsonNode account = blob.get("service-account SA_BLOB");
        assertEquals("failed", account.path("status").asText());
        assertTrue(account.path("hint").asText().contains("2 service accounts are named SA_BLOB (sa-blob01, sa-blob02)"),
                account.toString());
        assertEquals("not_run", status(blob, "role-binding DeveloperRead on topic orders"));
        assertTrue(blob.get("config-valid AzureBlobSink").path("hint").asText().contains("service account"));
        assertEquals("passed", status(checks(json(result), "peve-gen-01"), "service-account SA_GEN"));
    }

    @Test
    void aMissingServiceAccountSaysHowToCreateIt() throws Exception {
        everythingInPlace();
        cloud.serviceAccounts.remove("SA_GEN");
        Map<String, JsonNode> gen = checks(json(doctor("--output", "json")), "peve-gen-01");
        JsonNode account = gen.get("service-account SA_GEN");
        assertEquals("failed", account.path("status").asText());
        assertTrue(account.path("hint").asText().contains("dev-vars.yaml"), account.toString());
        assertEquals("confluent iam service-account create SA_GEN --description 'runs connector peve-gen-01'",
                account.path("fix").path("command").asText());
    }

    @Test
    void eachFieldErrorOfTheValidateCallIsShown() throws Exception {
        everythingInPlace();
        cloud.validationErrors.put("AzureBlobSink", Map.of(
                "flush.size", List.of("Invalid value 1000000000 for configuration flush.size: must be <= 100000"),
                "azblob.account.name", List.of("Missing required configuration \"azblob.account.name\"")));

        Cli.Result result = doctor("--output", "json");

        assertEquals(1, result.exitCode(), result.toString());
        Map<String, JsonNode> blob = checks(json(result), "peve-blob-01");
        assertEquals("failed", status(blob, "config-valid flush.size"));
        assertTrue(blob.get("config-valid flush.size").path("hint").asText().contains("must be <= 100000"));
        assertTrue(blob.get("config-valid azblob.account.name").path("hint").asText()
                .contains("Missing required configuration"));
        assertFalse(blob.containsKey("config-valid AzureBlobSink"), "no pass next to the errors");
        assertEquals("passed", status(checks(json(result), "peve-gen-01"), "config-valid DatagenSource"));
    }

    @Test
    void aKeyTheClassDoesNotDefineIsAFailureNamingTheFile() throws Exception {
        everythingInPlace();
        Repo.connector(root, "dev", "ccloud-gen-01", """
                {"name": "peve-gen-01",
                 "config_nonsensitive": {"connector.class": "DatagenSource", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "kafka.topic": "gen", "quickstart": "ORDERS", "tasks.max": "1",
                                         "quickstrat": "USERS"}}
                """, "service_account: SA_GEN\n");

        Cli.Result result = doctor("--output", "json");

        assertEquals(1, result.exitCode(), result.toString());
        JsonNode key = checks(json(result), "peve-gen-01").get("key-defined quickstrat");
        assertEquals("failed", key.path("status").asText());
        assertTrue(key.path("hint").asText().contains("not a key of DatagenSource"), key.toString());
        assertTrue(key.path("hint").asText().contains("Did you mean: quickstart?"), key.toString());
        assertTrue(key.path("hint").asText().contains("dev-ccloud-gen-01.json"), key.toString());
    }

    @Test
    void missingTopicsSubjectsAndClassesAreFailuresWithWhatToCreate() throws Exception {
        everythingInPlace();
        data.topics.remove("orders-dlq");
        data.subjects.clear();
        cloud.plugins.addAll(List.of("AzureBlobSink", "DatagenSourceV2"));

        Cli.Result result = doctor("--output", "json");

        assertEquals(1, result.exitCode(), result.toString());
        Map<String, JsonNode> blob = checks(json(result), "peve-blob-01");
        assertEquals("confluent kafka topic create orders-dlq --cluster lkc-xyz789 --environment env-abc123",
                blob.get("topic-exists orders-dlq").path("fix").path("command").asText());
        assertEquals("confluent schema-registry schema create --subject orders-value --schema <schema file> --type avro",
                blob.get("subject-registered orders-value").path("fix").path("command").asText());
        Map<String, JsonNode> gen = checks(json(result), "peve-gen-01");
        assertTrue(gen.get("plugin-offered DatagenSource").path("hint").asText().contains("Did you mean: DatagenSourceV2?"));
        assertEquals("not_run", status(gen, "config-valid DatagenSource"));
    }

    @Test
    void withoutEndpointsTheirChecksAreNotRunAndPassUnlessStrict() throws Exception {
        everythingInPlace();
        cccYaml("");
        env.remove("KAFKA_API_KEY");
        env.remove("KAFKA_API_SECRET");

        Cli.Result result = doctor("--output", "json");

        assertEquals(0, result.exitCode(), "not run is no failure without --strict: " + result);
        JsonNode document = json(result);
        Map<String, JsonNode> blob = checks(document, "peve-blob-01");
        JsonNode topic = blob.get("topic-exists orders");
        assertEquals("not_run", topic.path("status").asText());
        assertTrue(topic.path("ok").isNull(), topic.toString());
        assertTrue(topic.path("hint").asText().contains("no kafka_rest_url for dev"), topic.toString());
        assertTrue(topic.path("hint").asText().contains("KAFKA_REST_ENDPOINT"), topic.toString());
        assertTrue(blob.get("subject-registered orders-value").path("hint").asText().contains("schema_registry_url"));
        assertEquals(4, document.path("summary").path("not_run").asInt(), result.out());
        assertEquals(0, data.requests.size(), "nothing was asked of an endpoint that is not configured");

        Cli.Result strict = doctor("--strict");
        assertEquals(1, strict.exitCode(), strict.toString());
        assertTrue(strict.out().contains("– topic-exists        orders\n      not run: no kafka_rest_url for dev"),
                strict.out());
        assertTrue(strict.out().contains("4 not run (counted as failed: --strict)."), strict.out());
    }

    @Test
    void anEndpointWithoutItsApiKeyIsNotRunAndSaysWhichVariables() throws Exception {
        everythingInPlace();
        env.remove("KAFKA_API_SECRET");
        Map<String, JsonNode> blob = checks(json(doctor("--output", "json")), "peve-blob-01");
        JsonNode topic = blob.get("topic-exists orders");
        assertEquals("not_run", topic.path("status").asText());
        assertTrue(topic.path("hint").asText().contains("KAFKA_API_SECRET is not set"), topic.toString());
        assertEquals(0, data.count("GET /kafka"));
    }

    @Test
    void theDataPlaneKeysCanComeFromVault() throws Exception {
        everythingInPlace();
        data.keys().keySet().forEach(env::remove);
        cloud.vaultSecrets.put("peve/kafka", Map.of("key", FakeDataPlane.KAFKA_KEY, "secret", KAFKA_SECRET));
        cloud.vaultSecrets.put("peve/sr", Map.of("key", FakeDataPlane.REGISTRY_KEY, "secret", REGISTRY_SECRET));
        cccYaml("""
                    kafka_rest_url: %s
                    kafka_credentials:
                      api_key: ${vault:secret/peve/kafka#key}
                      api_secret: ${vault:secret/peve/kafka#secret}
                    schema_registry_url: %s
                    schema_registry_credentials:
                      api_key: ${vault:secret/peve/sr#key}
                      api_secret: ${vault:secret/peve/sr#secret}
                """.formatted(data.url(), data.url()));
        Cli.Result result = doctor("--output", "json");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(0, json(result).path("summary").path("not_run").asInt(), result.out());
    }

    @Test
    void aVaultReferenceThatDoesNotResolveIsAFailureAndValidateIsNotRunWithoutIt() throws Exception {
        everythingInPlace();
        cloud.vaultSecrets.put("peve/blob", Map.of("other_key", ACCOUNT_KEY));

        Cli.Result result = doctor("--output", "json");

        assertEquals(1, result.exitCode(), result.toString());
        Map<String, JsonNode> blob = checks(json(result), "peve-blob-01");
        JsonNode reference = blob.get("vault-reference ${vault:secret/peve/blob#account_key}");
        assertEquals("failed", reference.path("status").asText());
        assertTrue(reference.path("hint").asText().contains("other_key"), "names the keys there are: " + reference);
        assertEquals("not_run", status(blob, "config-valid AzureBlobSink"));
        assertEquals(1, cloud.validateCalls.get(), "only the connector whose config is complete is validated");
    }

    @Test
    void markdownHasATablePerConnectorAndTheFixesAsCodeBlocks() {
        everythingInPlace();
        cloud.roleBindings.removeIf(binding -> binding.crnPattern().endsWith("/topic=gen"));
        Cli.Result result = doctor("--output", "markdown");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.out().startsWith("### ccc doctor: `dev`"), result.out());
        assertTrue(result.out().contains("| ✘ | role-binding | `DeveloperWrite on topic gen` |"), result.out());
        assertTrue(result.out().contains("```sh\nconfluent iam rbac role-binding create --principal User:sa-gen01"),
                result.out());
        assertTrue(result.out().contains("```hcl\nresource \"confluent_role_binding\" \"peve_gen_01_developerwrite_topic_gen\" {\n"),
                result.out());
    }

    @Test
    void namesLimitTheChecksToThoseConnectors() throws Exception {
        everythingInPlace();
        JsonNode document = json(doctor("--output", "json", "ccloud-gen-01"));
        assertEquals(1, document.path("connectors").size());
        assertEquals("peve-gen-01", document.path("connectors").get(0).path("connector").asText());
        assertEquals(0, data.count("GET /subjects"), "no connector checked needs the Schema Registry");
    }

    @Test
    void aServerMessageCannotForgeALineOrMoveTheCursor() {
        everythingInPlace();
        cloud.validationErrors.put("DatagenSource", Map.of("quickstart",
                List.of("bad\u001b[2J\n  ✔ role-binding        DeveloperWrite on topic everything: granted")));
        Cli.Result result = doctor();
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.out().contains("bad\\u001b[2J\\n  ✔ role-binding"), result.out());
        assertFalse(result.out().contains("\u001b"), "no escape sequence reaches the terminal");
    }
}
