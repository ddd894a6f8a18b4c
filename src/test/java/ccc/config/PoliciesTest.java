package ccc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Repo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of policy of ccc.yaml, each with a connector that meets it and one that does not, as validate sees it. */
class PoliciesTest {

    @TempDir
    Path root;

    private static final String CCC_YAML = """
            managed:
              name_prefix: peve-
            environments:
              dev:
                environment_id: env-dev
                kafka_cluster_id: lkc-dev
              prod:
                environment_id: env-prod
                kafka_cluster_id: lkc-prod
            policies:
            """;

    /** An Azure Blob sink in dev and prod: {@code extra} joins its config_nonsensitive, {@code vars} its vars. */
    private void sink(String directory, String name, String extra, String vars) {
        for (String env : List.of("dev", "prod")) {
            Repo.connector(root, env, directory, """
                    {
                      "name": "%s",
                      "config_nonsensitive": {
                        "connector.class": "AzureBlobSink",
                        "kafka.auth.mode": "SERVICE_ACCOUNT",
                        "topics": "orders",
                        "tasks.max": "${tasks}"%s
                      },
                      "config_sensitive": {"azblob.account.key": "literal-secret-value-123"}
                    }
                    """.formatted(name, extra.isEmpty() ? "" : ",\n    " + extra),
                    "service_account: SA_PEVE\ntasks: 1\n" + vars);
        }
    }

    private Workspace load(String policies) {
        Repo.write(root, "ccc.yaml", CCC_YAML + policies.indent(2));
        return WorkspaceLoader.load(root, null);
    }

    private static List<Problem> ofPolicy(Workspace workspace, String id) {
        return workspace.problems().stream().filter(p -> p.rule().equals("policy/" + id)).toList();
    }

    private Problem onlyViolation(Workspace workspace, String id) {
        List<Problem> problems = ofPolicy(workspace, id);
        assertEquals(1, problems.size(), () -> "problems: " + workspace.problems());
        assertTrue(problems.get(0).isError(), problems.get(0)::format);
        return problems.get(0);
    }

    private static final String ALLOWED_FORMATS = """
            blob-formats:
              description: Blob sinks read AVRO or PROTOBUF
              when: {properties: {class: {const: AzureBlobSink}}}
              require:
                properties:
                  config:
                    required: [input.data.format]
                    properties:
                      input.data.format: {enum: [AVRO, PROTOBUF]}
            """;

    @Test
    void requiredKeysAndAllowedValuesPerConnectorClass() {
        sink("ccloud-orders-sink-01", "peve-orders-sink-01", "\"input.data.format\": \"AVRO\"", "");
        Repo.datagen(root, "ccloud-orders-gen-01", "peve-orders-gen-01");
        assertEquals(List.of(), load(ALLOWED_FORMATS).problems(), "AVRO is allowed; the source is not a blob sink");

        sink("ccloud-orders-sink-01", "peve-orders-sink-01", "\"input.data.format\": \"JSON\"", "");
        Workspace workspace = load(ALLOWED_FORMATS);
        assertEquals(2, ofPolicy(workspace, "blob-formats").size(), "dev and prod");
        Problem problem = ofPolicy(workspace, "blob-formats").get(0);
        assertEquals("'input.data.format' must be one of 'AVRO', 'PROTOBUF', not 'JSON' (policy 'blob-formats': "
                + "Blob sinks read AVRO or PROTOBUF)", problem.message());
        assertEquals(root.resolve("ccloud-orders-sink-01/dev-ccloud-orders-sink-01.json"), problem.file());
        assertEquals(new Location(8, 5, "/config_nonsensitive/input.data.format"), problem.location());
        assertTrue(problem.hint().contains("policies.blob-formats.exceptions"), problem.hint());

        sink("ccloud-orders-sink-01", "peve-orders-sink-01", "", "");
        Problem missing = ofPolicy(load(ALLOWED_FORMATS), "blob-formats").get(0);
        assertEquals("/config_nonsensitive", missing.location().pointer(), "a missing key: where the config is");
        assertTrue(missing.message().startsWith("'input.data.format' is missing"), missing.message());
    }

    private static final String PROD_SINKS = """
            prod-sinks-keep-failed-records:
              environments: [prod]
              when: {properties: {kind: {const: sink}}}
              require:
                properties:
                  config:
                    required: [errors.tolerance, errors.deadletterqueue.topic.name]
                    properties:
                      errors.tolerance: {const: all}
            """;

    @Test
    void perKindAndEnvironment() {
        sink("ccloud-orders-sink-01", "peve-orders-sink-01", "", "");
        assertEquals(List.of(), load(PROD_SINKS).problems(), "ccc's DLQ defaults meet it");

        sink("ccloud-orders-sink-01", "peve-orders-sink-01", "\"errors.tolerance\": \"none\"", "");
        Workspace workspace = load(PROD_SINKS);
        List<Problem> problems = ofPolicy(workspace, "prod-sinks-keep-failed-records");
        assertEquals(2, problems.size(), () -> "the value and the DLQ it turns off: " + problems);
        assertTrue(problems.stream().allMatch(p -> p.file().getFileName().toString().startsWith("prod-")),
                "dev is out of the policy's environments");
        assertEquals("'errors.tolerance' must be 'all', not 'none' (policy 'prod-sinks-keep-failed-records')",
                problems.get(0).message());
        assertEquals("'errors.deadletterqueue.topic.name' is missing (policy 'prod-sinks-keep-failed-records')",
                problems.get(1).message());
    }

    @Test
    void requiredValuePerEnvironment() {
        String policy = """
                service-account-auth:
                  environments: [prod]
                  require: {properties: {config: {properties: {kafka.auth.mode: {const: SERVICE_ACCOUNT}}}}}
                """;
        sink("ccloud-orders-sink-01", "peve-orders-sink-01", "", "");
        assertEquals(List.of(), load(policy).problems());
        Repo.write(root, "ccloud-orders-sink-01/prod-ccloud-orders-sink-01.json",
                Repo.read(root.resolve("ccloud-orders-sink-01/prod-ccloud-orders-sink-01.json"))
                        .replace("\"SERVICE_ACCOUNT\"", "\"KAFKA_API_KEY\""));
        Problem problem = onlyViolation(load(policy), "service-account-auth");
        assertEquals("/config_nonsensitive/kafka.auth.mode", problem.location().pointer());
        assertTrue(problem.message().startsWith("'kafka.auth.mode' must be 'SERVICE_ACCOUNT', not 'KAFKA_API_KEY'"));
    }

    private static final String NAMING = """
            naming:
              require:
                properties:
                  name: {pattern: "^peve-[a-z0-9-]+-[0-9]{2}$"}
                  directory: {pattern: "^ccloud-[a-z0-9-]+-[0-9]{2}$"}
              hint: Name the directory ccloud-<what>-<NN> and the connector peve-<what>-<NN>.
            """;

    @Test
    void namingRulesForConnectorAndDirectoryNames() {
        Repo.datagen(root, "ccloud-orders-gen-01", "peve-orders-gen-01");
        assertEquals(List.of(), load(NAMING).problems());

        Repo.datagen(root, "ccloud-orders-gen-01", "peve-Orders-Gen");
        Problem name = onlyViolation(load(NAMING), "naming");
        assertEquals(new Location(2, 3, "/name"), name.location());
        assertTrue(name.message().startsWith("'name' is 'peve-Orders-Gen', which does not match the pattern"),
                name.message());
        assertEquals("Name the directory ccloud-<what>-<NN> and the connector peve-<what>-<NN>.", name.hint());

        Repo.datagen(root, "ccloud-orders-gen-01", "peve-orders-gen-01");
        Repo.datagen(root, "orders_gen", "peve-orders-gen-02");
        Problem directory = onlyViolation(load(NAMING), "naming");
        assertEquals(root.resolve("orders_gen"), directory.file(), "the directory itself");
        assertTrue(directory.message().startsWith("'directory' is 'orders_gen'"), directory.message());
    }

    private static final String CEILING = """
            small-outside-prod:
              environments: [dev]
              require: {properties: {numbers: {properties: {tasks.max: {maximum: 2}}}}}
            """;

    @Test
    void taskCeilingsPerEnvironment() {
        sink("ccloud-orders-sink-01", "peve-orders-sink-01", "", "");
        assertEquals(List.of(), load(CEILING).problems());

        sink("ccloud-orders-sink-01", "peve-orders-sink-01", "", "");
        Repo.write(root, "ccloud-orders-sink-01/dev-vars.yaml", "service_account: SA_PEVE\ntasks: 4\n");
        Repo.write(root, "ccloud-orders-sink-01/prod-vars.yaml", "service_account: SA_PEVE\ntasks: 8\n");
        Problem problem = onlyViolation(load(CEILING), "small-outside-prod");
        assertEquals("'tasks.max' is 4, above the ceiling of 2 (policy 'small-outside-prod')", problem.message());
        assertEquals(new Location(7, 5, "/config_nonsensitive/tasks.max"), problem.location(),
                "where the value is written, though a var holds it");
    }

    @Test
    void anExceptionWaivesAViolationAndIsPrintedWhereItApplies() {
        sink("ccloud-orders-sink-01", "peve-orders-sink-01", "", "");
        Repo.write(root, "ccloud-orders-sink-01/dev-vars.yaml", "service_account: SA_PEVE\ntasks: 4\n");
        Workspace workspace = load(CEILING + """
                  exceptions:
                    - connectors: [ccloud-orders-sink-01]
                      reason: load test until March
                      owner: jane.doe (PEVE)
                """);
        assertFalse(workspace.hasErrors(), () -> workspace.problems().toString());
        List<Problem> problems = ofPolicy(workspace, "small-outside-prod");
        assertEquals(1, problems.size(), problems::toString);
        Problem note = problems.get(0);
        assertEquals(Problem.Severity.NOTE, note.severity());
        assertEquals("policy 'small-outside-prod' does not apply to peve-orders-sink-01 in dev (it would fail: "
                + "'tasks.max' is 4, above the ceiling of 2): exception owned by jane.doe (PEVE): load test until "
                + "March", note.message());
        assertTrue(note.hint().contains("ccc.yaml:15:9 (/policies/small-outside-prod/exceptions/0)"), note.hint());
        assertEquals(List.of(), workspace.warnings());
    }

    @Test
    void anExceptionForAnotherEnvironmentWaivesNothingAndAnUnusedOneIsAWarning() {
        sink("ccloud-orders-sink-01", "peve-orders-sink-01", "", "");
        Workspace workspace = load(CEILING + """
                  exceptions:
                    - connectors: [peve-orders-sink-01]
                      environments: [dev]
                      reason: load test until March
                      owner: jane.doe (PEVE)
                """);
        assertEquals(1, workspace.warnings().size(), workspace.problems()::toString);
        Problem warning = workspace.warnings().get(0);
        assertEquals("policies", warning.rule());
        assertEquals(root.resolve("ccc.yaml"), warning.file());
        assertEquals(15, warning.location().line());
        assertTrue(warning.message().contains("waives nothing"), warning.message());

        Repo.write(root, "ccloud-orders-sink-01/dev-vars.yaml", "service_account: SA_PEVE\ntasks: 4\n");
        Workspace other = load(CEILING + """
                  exceptions:
                    - connectors: [peve-orders-sink-01]
                      environments: [prod]
                      reason: prod only
                      owner: jane.doe (PEVE)
                """);
        assertEquals(1, other.errors().size(), other.problems()::toString);
    }

    @Test
    void aWarningPolicyWarnsAndValidatePasses() {
        sink("ccloud-orders-sink-01", "peve-orders-sink-01", "", "");
        Repo.write(root, "ccloud-orders-sink-01/dev-vars.yaml", "service_account: SA_PEVE\ntasks: 4\n");
        Workspace workspace = load(CEILING.replace("  environments: [dev]", "  environments: [dev]\n  severity: warning"));
        assertFalse(workspace.hasErrors());
        assertEquals(List.of("policy/small-outside-prod"), workspace.warnings().stream().map(Problem::rule).toList());
    }

    @Test
    void aPolicyNeverSeesASecret() {
        sink("ccloud-orders-sink-01", "peve-orders-sink-01", "", "");
        Workspace workspace = load("""
                key-from-vault:
                  require: {properties: {config: {properties: {azblob.account.key: {pattern: "^\\\\$\\\\{vault:"}}}}}
                """);
        List<Problem> problems = ofPolicy(workspace, "key-from-vault");
        assertEquals(2, problems.size(), workspace.problems()::toString);
        assertTrue(problems.stream().noneMatch(p -> p.format().contains("literal-secret-value-123")),
                problems::toString);
        assertTrue(problems.get(0).message().contains("'********'"), problems.get(0).message());
        assertEquals("/config_sensitive/azblob.account.key", problems.get(0).location().pointer());
    }

    @Test
    void aPolicyReadsNoSchemaFromTheNetworkOrFiles() {
        sink("ccloud-orders-sink-01", "peve-orders-sink-01", "", "");
        Workspace workspace = load("""
                remote:
                  require: {$ref: "https://standards.example.internal/connector.json"}
                local-file:
                  require: {$ref: "file:///etc/hostname"}
                """);
        assertEquals(List.of("policy 'remote' cannot be evaluated: its $ref "
                        + "'https://standards.example.internal/connector.json' cannot be loaded: ccc reads no schema "
                        + "from the network or from files",
                "policy 'local-file' cannot be evaluated: its $ref 'file:///etc/hostname' cannot be loaded: ccc "
                        + "reads no schema from the network or from files"),
                workspace.errors().stream().map(Problem::message).toList());
        assertEquals(List.of("/policies/remote/require", "/policies/local-file/require"),
                workspace.errors().stream().map(p -> p.location().pointer()).toList());
    }

    @Test
    void theSubjectDocumentIsTheContract() {
        PolicySubject subject = new PolicySubject("peve-a-01", "ccloud-a-01", "dev",
                java.util.Map.of("connector.class", "AzureBlobSink", "topics", "t", "tasks.max", "3",
                        "flush.size", "1000x"), java.util.Set.of("azblob.account.key"), DeclaredState.PAUSED);
        assertEquals("{\"name\":\"peve-a-01\",\"directory\":\"ccloud-a-01\",\"environment\":\"dev\",\"kind\":\"sink\","
                + "\"class\":\"AzureBlobSink\",\"status\":\"PAUSED\",\"config\":{\"azblob.account.key\":\"********\","
                + "\"connector.class\":\"AzureBlobSink\",\"flush.size\":\"1000x\",\"tasks.max\":\"3\",\"topics\":\"t\"},"
                + "\"numbers\":{\"tasks.max\":3}}", subject.document().toString());
    }
}
