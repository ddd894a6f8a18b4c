package ccc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Repo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectConfigLoaderTest {

    @TempDir
    Path root;

    private ProjectConfigLoader.Result load(String yaml) {
        Repo.write(root, "ccc.yaml", yaml);
        return ProjectConfigLoader.load(root);
    }

    private ProjectConfig loadValid(String yaml) {
        ProjectConfigLoader.Result result = load(yaml);
        assertEquals(List.of(), result.problems(), "no problems expected");
        assertNotNull(result.config());
        return result.config();
    }

    /** The only problem, an error, whose message contains the given text. */
    private Problem onlyError(String yaml, String messagePart) {
        ProjectConfigLoader.Result result = load(yaml);
        assertNull(result.config(), "an erroneous ccc.yaml yields no config");
        assertEquals(1, result.problems().size(), () -> "problems: " + result.problems());
        Problem problem = result.problems().get(0);
        assertTrue(problem.isError());
        assertTrue(problem.message().contains(messagePart), problem.message());
        assertEquals(root.resolve("ccc.yaml"), problem.file());
        return problem;
    }

    private static String withDev(String extra) {
        return Repo.MINIMAL_CCC_YAML + extra;
    }

    @Test
    void timeoutsIgnoreKeysAndADigestStoreAreRead() {
        ProjectConfig config = loadValid(withDev("""
                timeouts:
                  connect_seconds: 3
                  read_seconds: 7
                ignore_keys: [some.server.key, "server.prefix.*"]
                sensitive:
                  digest_store: secret/peve/ccc-digests
                """));
        assertEquals(new Timeouts(3, 7), config.timeouts());
        assertEquals(List.of("some.server.key", "server.prefix.*"), config.ignoreKeys());
        assertEquals("secret/peve/ccc-digests", config.digestStore());
        assertEquals(Timeouts.DEFAULT, loadValid(withDev("")).timeouts());
        Problem zero = onlyError(withDev("timeouts:\n  read_seconds: 0\n"), "positive whole number");
        assertEquals("/timeouts/read_seconds", zero.location().pointer());
        onlyError(withDev("ignore_keys: some.key\n"), "'ignore_keys' must be a list");
    }

    @Test
    void minimalFileGetsEveryDefault() {
        ProjectConfig config = loadValid(Repo.MINIMAL_CCC_YAML);
        assertEquals(root.resolve("ccc.yaml"), config.file());
        assertEquals("peve-", config.namePrefix());
        assertEquals("https://api.confluent.cloud", config.apiUrl());
        assertNull(config.credentials());
        assertEquals(new Limits(50, 10), config.limits());
        assertEquals(new DlqSettings(true, "{topic}-dlq"), config.dlq());
        assertEquals(SensitiveMode.DIGEST, config.sensitiveMode());
        assertNull(config.digestKeyReference());
        assertEquals(List.of("dev"), List.copyOf(config.environments().keySet()));
        EnvironmentConfig dev = config.environments().get("dev");
        assertEquals(new EnvironmentConfig("dev", TargetKind.CONFLUENT_CLOUD, "env-abc123", "lkc-xyz789", null,
                VaultSettings.DEFAULT, "peve-"), dev);
        assertEquals("peve-", dev.namePrefix(), "the global prefix is the environment's");
        assertEquals("env-abc123/lkc-xyz789", dev.location());
        assertEquals(new VaultSettings(null, null, VaultSettings.AuthMethod.TOKEN, null, null, null, 2),
                dev.vault());
    }

    @Test
    void everyKeyIsRead() {
        ProjectConfig config = loadValid("""
                managed:
                  name_prefix: team-
                confluent:
                  api_url: https://proxy.example.internal:8443/
                  credentials:
                    api_key: ${vault:secret/ccloud#api_key}
                    api_secret: ${vault:secret/ccloud#api_secret}
                limits:
                  max_connectors_per_cluster: 80
                  max_tasks_per_connector: 20
                dlq:
                  enabled: false
                  topic_pattern: "dlq.{connector}"
                sensitive:
                  drift: Resend
                  digest_key: ${vault:secret/ccc#digest}
                environments:
                  prod:
                    target: confluent-cloud
                    environment_id: env-prod
                    kafka_cluster_id: lkc-prod
                    vault:
                      address: https://vault.example.internal:8200/
                      namespace: admin/peve
                      auth: JWT
                      role: ccloud-prod
                      audience: vault
                      auth_mount: github
                      kv_version: 1
                  local:
                    target: kafka-connect
                    connect_url: http://localhost:8083/
                    vault:
                      auth: approle
                """);
        assertEquals("team-", config.namePrefix());
        assertEquals("https://proxy.example.internal:8443", config.apiUrl(), "trailing slash dropped");
        assertEquals(new ProjectConfig.CloudCredentials("${vault:secret/ccloud#api_key}",
                "${vault:secret/ccloud#api_secret}"), config.credentials());
        assertEquals(new Limits(80, 20), config.limits());
        assertEquals(new DlqSettings(false, "dlq.{connector}"), config.dlq());
        assertEquals(SensitiveMode.RESEND, config.sensitiveMode());
        assertEquals("${vault:secret/ccc#digest}", config.digestKeyReference());
        assertEquals(List.of("prod", "local"), List.copyOf(config.environments().keySet()), "file order kept");
        assertEquals(new VaultSettings("https://vault.example.internal:8200", "admin/peve",
                VaultSettings.AuthMethod.JWT, "ccloud-prod", "vault", "github", 1),
                config.environments().get("prod").vault());
        EnvironmentConfig local = config.environments().get("local");
        assertEquals(TargetKind.KAFKA_CONNECT, local.kind());
        assertEquals("http://localhost:8083", local.connectUrl());
        assertNull(local.environmentId());
        assertNull(local.kafkaClusterId());
        assertEquals("http://localhost:8083", local.location());
        assertEquals(VaultSettings.AuthMethod.APPROLE, local.vault().auth());
        assertTrue(config.isManaged("team-x"));
        assertTrue(!config.isManaged("peve-x") && !config.isManaged(null));
    }

    @Test
    void anchorsShareSettingsBetweenEnvironments() {
        ProjectConfig config = loadValid("""
                managed:
                  name_prefix: peve-
                environments:
                  dev:
                    environment_id: env-dev
                    kafka_cluster_id: lkc-dev
                    vault: &vault
                      address: https://vault.example.internal:8200
                      auth: jwt
                      role: ccloud-connectors
                  prod:
                    environment_id: env-prod
                    kafka_cluster_id: lkc-prod
                    vault: *vault
                """);
        assertEquals(config.environments().get("dev").vault(), config.environments().get("prod").vault());
        assertEquals("ccloud-connectors", config.environments().get("prod").vault().role());
    }

    @Test
    void oneLimitAloneKeepsTheOtherDefault() {
        assertEquals(new Limits(50, 25), loadValid(withDev("limits:\n  max_tasks_per_connector: 25\n")).limits());
        assertEquals(new Limits(3, 10), loadValid(withDev("limits:\n  max_connectors_per_cluster: 3\n")).limits());
    }

    @Test
    void dlqPatternAloneKeepsDlqEnabled() {
        assertEquals(new DlqSettings(true, "{connector}-dlq"),
                loadValid(withDev("dlq:\n  topic_pattern: \"{connector}-dlq\"\n")).dlq());
    }

    @ParameterizedTest
    @ValueSource(strings = {"digest", "resend", "ignore", "IGNORE"})
    void sensitiveDriftModes(String mode) {
        assertEquals(SensitiveMode.valueOf(mode.toUpperCase()),
                loadValid(withDev("sensitive:\n  drift: " + mode + "\n")).sensitiveMode());
    }

    @Test
    void theExampleRepositoryLoads() {
        ProjectConfigLoader.Result result = ProjectConfigLoader.load(Repo.example());
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("dev", "cert", "prod", "local"),
                List.copyOf(result.config().environments().keySet()));
        assertEquals(TargetKind.KAFKA_CONNECT, result.config().environments().get("local").kind());
    }

    // --- errors, each with its place in the file

    @Test
    void rootThatIsNotADirectory() {
        ProjectConfigLoader.Result result = ProjectConfigLoader.load(root.resolve("absent"));
        assertNull(result.config());
        assertEquals("the config root is not a directory", result.problems().get(0).message());
    }

    @Test
    void missingFile() {
        ProjectConfigLoader.Result result = ProjectConfigLoader.load(root);
        assertNull(result.config());
        Problem problem = result.problems().get(0);
        assertEquals("the file does not exist", problem.message(), "the path already says ccc.yaml");
        assertEquals(root.resolve("ccc.yaml"), problem.file());
    }

    @Test
    void aDirectoryNamedCccYamlIsNamedAsSuch() throws java.io.IOException {
        java.nio.file.Files.createDirectories(root.resolve("ccc.yaml"));
        ProjectConfigLoader.Result result = ProjectConfigLoader.load(root);
        assertNull(result.config());
        assertEquals(List.of("this is a directory, not a file"),
                result.problems().stream().map(Problem::message).toList());
    }

    @Test
    void malformedYamlHasLineAndColumn() {
        Problem problem = onlyError("managed:\n  name_prefix: peve-\nenvironments:\n  dev: [\n", "malformed YAML");
        assertTrue(problem.location().line() >= 4, problem.where());
        assertTrue(problem.location().column() > 0, problem.where());
    }

    @Test
    void fileThatIsNotAMapping() {
        Problem problem = onlyError("- dev\n- prod\n", "must be a mapping");
        assertEquals(1, problem.location().line());
    }

    @Test
    void unknownTopLevelKeyIsReportedAtTheKey() {
        Problem problem = onlyError(withDev("enviroments:\n  cert: {}\n"), "unknown key 'enviroments'");
        assertEquals(new Location(7, 1, "/enviroments"), problem.location());
        assertTrue(problem.hint().contains("environments"), problem.hint());
        assertEquals(root.resolve("ccc.yaml") + ":7:1 (/enviroments)", problem.where());
    }

    @Test
    void unknownNestedKeysAreReportedAtTheKey() {
        ProjectConfigLoader.Result result = load("""
                managed:
                  name_prefix: peve-
                  owner: squad
                environments:
                  dev:
                    environment_id: env-1
                    kafka_cluster_id: lkc-1
                    region: westeurope
                    vault:
                      token: nope
                """);
        assertEquals(List.of("3:3 (/managed/owner)", "8:5 (/environments/dev/region)",
                        "10:7 (/environments/dev/vault/token)"),
                result.problems().stream().map(p -> p.location().describe()).toList());
        assertTrue(result.problems().stream().allMatch(p -> p.message().startsWith("unknown key")));
    }

    @Test
    void missingManagedPrefix() {
        Problem problem = onlyError("environments:\n  dev:\n    environment_id: env-1\n    kafka_cluster_id: lkc-1\n",
                "'managed.name_prefix' is missing");
        assertEquals(1, problem.location().line());
    }

    @Test
    void emptyManagedPrefix() {
        Problem problem = onlyError("managed:\n  name_prefix: \"\"\nenvironments:\n  dev:\n    environment_id: env-1\n"
                + "    kafka_cluster_id: lkc-1\n", "name prefix '' is empty");
        assertEquals(new Location(2, 3, "/managed/name_prefix"), problem.location());
    }

    @Test
    void managedThatIsNotAMapping() {
        ProjectConfigLoader.Result result = load("managed: peve-\nenvironments:\n  dev:\n    environment_id: env-1\n"
                + "    kafka_cluster_id: lkc-1\n");
        assertNull(result.config());
        assertTrue(result.problems().stream().anyMatch(p -> p.message().equals("'managed' must be a mapping")
                && p.location().line() == 1));
    }

    @Test
    void noEnvironments() {
        onlyError("managed:\n  name_prefix: peve-\n", "no environments are declared");
        onlyError("managed:\n  name_prefix: peve-\nenvironments: {}\n", "no environments are declared");
    }

    @Test
    void environmentNameMustBeALowerCaseWord() {
        Problem problem = onlyError("managed:\n  name_prefix: peve-\nenvironments:\n  Dev-1:\n"
                + "    environment_id: env-1\n    kafka_cluster_id: lkc-1\n", "is not a lower-case word");
        assertEquals(new Location(4, 3, "/environments/Dev-1"), problem.location());
    }

    @Test
    void environmentThatIsNotAMapping() {
        Problem problem = onlyError("managed:\n  name_prefix: peve-\nenvironments:\n  dev: env-1\n",
                "environment 'dev' must be a mapping");
        assertEquals(4, problem.location().line());
    }

    @Test
    void cloudEnvironmentNeedsBothIds() {
        ProjectConfigLoader.Result result = load("managed:\n  name_prefix: peve-\nenvironments:\n  dev:\n"
                + "    vault:\n      auth: token\n");
        assertNull(result.config());
        assertEquals(List.of("'environment_id' is missing", "'kafka_cluster_id' is missing"),
                result.problems().stream().map(Problem::message).toList());
        assertEquals(4, result.problems().get(0).location().line(), "reported at the environment");
    }

    @Test
    void idsMustHaveTheirPrefixes() {
        ProjectConfigLoader.Result result = load("managed:\n  name_prefix: peve-\nenvironments:\n  dev:\n"
                + "    environment_id: abc123\n    kafka_cluster_id: xyz789\n");
        assertEquals(List.of("'abc123' is not an environment id", "'xyz789' is not a Kafka cluster id"),
                result.problems().stream().map(Problem::message).toList());
        assertEquals(List.of(5, 6), result.problems().stream().map(p -> p.location().line()).toList());
    }

    @Test
    void unknownTarget() {
        Problem problem = onlyError("managed:\n  name_prefix: peve-\nenvironments:\n  local:\n    target: docker\n"
                + "    connect_url: http://localhost:8083\n", "unknown target 'docker'");
        assertEquals(new Location(5, 5, "/environments/local/target"), problem.location());
    }

    @Test
    void kafkaConnectTargetNeedsAnHttpUrl() {
        onlyError("managed:\n  name_prefix: peve-\nenvironments:\n  local:\n    target: kafka-connect\n",
                "'connect_url' is missing");
        Problem problem = onlyError("managed:\n  name_prefix: peve-\nenvironments:\n  local:\n"
                + "    target: kafka-connect\n    connect_url: localhost:8083\n", "is not an http(s) URL");
        assertEquals(6, problem.location().line());
    }

    @Test
    void sandboxKafkaPortOfAKafkaConnectEnvironment() {
        String local = "managed:\n  name_prefix: peve-\nenvironments:\n  local:\n    target: kafka-connect\n"
                + "    connect_url: http://localhost:8083\n";
        assertNull(loadValid(local).environments().get("local").sandboxKafkaPort(), "absent: the default");
        assertEquals(19092, loadValid(local + "    sandbox:\n      kafka_port: 19092\n").environments().get("local")
                .sandboxKafkaPort());
        Problem tooHigh = onlyError(local + "    sandbox:\n      kafka_port: 70000\n", "is not a TCP port");
        assertEquals("/environments/local/sandbox/kafka_port", tooHigh.location().pointer());
        onlyError(local + "    sandbox:\n      kafka_prot: 9092\n", "unknown key");
        onlyError(withDev("    sandbox:\n      kafka_port: 9092\n"), "'sandbox' belongs to a kafka-connect environment");
    }

    @Test
    void apiUrlMustBeHttp() {
        Problem problem = onlyError(withDev("confluent:\n  api_url: ftp://api\n"), "'ftp://api' is not an http(s) URL");
        assertEquals(new Location(8, 3, "/confluent/api_url"), problem.location());
    }

    @Test
    void credentialsMustBeExactlyOneVaultReference() {
        ProjectConfigLoader.Result result = load(withDev("""
                confluent:
                  credentials:
                    api_key: ABCDEF
                    api_secret: ${vault:secret/a#b}${vault:secret/a#c}
                """));
        assertNull(result.config());
        assertEquals(List.of("/confluent/credentials/api_key", "/confluent/credentials/api_secret"),
                result.problems().stream().map(p -> p.location().pointer()).toList());
        assertTrue(result.problems().stream().allMatch(p -> p.message().equals("expected exactly one Vault reference")));
    }

    @Test
    void credentialsNeedBothKeys() {
        onlyError(withDev("confluent:\n  credentials:\n    api_key: ${vault:secret/a#k}\n"), "'api_secret' is missing");
    }

    @Test
    void malformedVaultReferenceInDigestKey() {
        Problem problem = onlyError(withDev("sensitive:\n  digest_key: ${vault:secret/ccc}\n"),
                "is not a Vault reference");
        assertEquals("/sensitive/digest_key", problem.location().pointer());
    }

    @Test
    void unknownDriftMode() {
        Problem problem = onlyError(withDev("sensitive:\n  drift: never\n"), "unknown sensitive drift mode 'never'");
        assertEquals(new Location(8, 3, "/sensitive/drift"), problem.location());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "2.5", "ten", "'5'"})
    void limitsMustBePositiveWholeNumbers(String value) {
        Problem problem = onlyError(withDev("limits:\n  max_tasks_per_connector: " + value + "\n"),
                "'max_tasks_per_connector' must be a positive whole number");
        assertEquals(new Location(8, 3, "/limits/max_tasks_per_connector"), problem.location());
    }

    @Test
    void dlqEnabledMustBeABoolean() {
        onlyError(withDev("dlq:\n  enabled: \"yes please\"\n"), "'enabled' must be true or false");
    }

    @Test
    void dlqPatternNeedsAPlaceholder() {
        Problem problem = onlyError(withDev("dlq:\n  topic_pattern: shared-dlq\n"), "uses neither {topic} nor {connector}");
        assertEquals("/dlq/topic_pattern", problem.location().pointer());
    }

    @Test
    void unknownVaultAuth() {
        Problem problem = onlyError(withDev("    vault:\n      auth: kerberos\n"), "unknown Vault auth method 'kerberos'");
        assertEquals(new Location(8, 7, "/environments/dev/vault/auth"), problem.location());
    }

    @Test
    void jwtAuthNeedsARole() {
        Problem problem = onlyError(withDev("    vault:\n      auth: jwt\n"), "Vault auth 'jwt' needs a 'role'");
        assertEquals("/environments/dev/vault", problem.location().pointer());
    }

    @Test
    void kvVersionIsOneOrTwo() {
        onlyError(withDev("    vault:\n      kv_version: 3\n"), "kv_version must be 1 or 2");
    }

    @Test
    void vaultAddressMustBeHttp() {
        onlyError(withDev("    vault:\n      address: vault.internal\n"), "'vault.internal' is not an http(s) URL");
    }

    @Test
    void everyProblemIsReportedNotTheFirst() {
        ProjectConfigLoader.Result result = load("""
                colour: blue
                managed:
                  name_prefix: peve-
                limits:
                  max_tasks_per_connector: 0
                environments:
                  dev:
                    environment_id: abc
                    kafka_cluster_id: lkc-1
                """);
        assertEquals(3, result.problems().size(), () -> result.problems().toString());
        assertEquals(List.of(1, 5, 8), result.problems().stream().map(p -> p.location().line()).toList());
    }

    // --- name prefixes, and environments that share a cluster

    private static final String TWO_ON_ONE_CLUSTER = """
            managed:
              name_prefix: %s
            environments:
              dev:
                environment_id: env-abc123
                kafka_cluster_id: lkc-xyz789%s
              cert:
                environment_id: env-abc123
                kafka_cluster_id: lkc-xyz789%s
            """;

    private static String twoOnOneCluster(String global, String devPrefix, String certPrefix) {
        return TWO_ON_ONE_CLUSTER.formatted(global,
                devPrefix == null ? "" : "\n    name_prefix: " + devPrefix,
                certPrefix == null ? "" : "\n    name_prefix: " + certPrefix);
    }

    @Test
    void anEnvironmentsNamePrefixOverridesTheGlobalOneForThatEnvironmentOnly() {
        ProjectConfig config = loadValid(withDev("""
                  cert:
                    environment_id: env-cert
                    kafka_cluster_id: lkc-cert
                    name_prefix: peve-cert-
                """));
        assertEquals("peve-", config.namePrefix(), "the global prefix is kept");
        assertEquals("peve-", config.namePrefix("dev"));
        assertEquals("peve-cert-", config.namePrefix("cert"));
        assertEquals("peve-cert-", config.environments().get("cert").namePrefix());
        assertEquals("peve-", config.environments().get("dev").namePrefix());
        assertTrue(config.isManaged("cert", "peve-cert-x"));
        assertTrue(!config.isManaged("cert", "peve-x") && !config.isManaged("cert", null));
        assertTrue(config.isManaged("dev", "peve-x"));
        assertEquals("peve-", config.namePrefix("unknown"), "an unknown environment has the global prefix");
    }

    @Test
    void twoEnvironmentsOnOneClusterAreRefused() {
        Problem problem = onlyError(twoOnOneCluster("peve-", null, null), "share Kafka cluster lkc-xyz789");
        assertEquals(new Location(9, 5, "/environments/cert/kafka_cluster_id"), problem.location());
        assertTrue(problem.message().contains("'dev' and 'cert'"), problem.message());
        assertTrue(problem.message().contains("--prune"), problem.message());
        assertTrue(problem.hint().contains("name_prefix"), problem.hint());
    }

    @ParameterizedTest(name = "global {0}, dev {1}, cert {2}")
    @CsvSource(nullValues = "-", value = {
        "peve-, -,          peve-cert-",
        "peve-, peve-dev-,  -",
        "peve-, peve-,      peve-",
        "peve-, peve-d,     peve-dev-",
    })
    void prefixesThatOverlapDoNotKeepTwoEnvironmentsOnOneClusterApart(String global, String dev, String cert) {
        onlyError(twoOnOneCluster(global, dev, cert), "share Kafka cluster lkc-xyz789");
    }

    @ParameterizedTest(name = "global {0}, dev {1}, cert {2}")
    @CsvSource(nullValues = "-", value = {
        "peve-, peve-dev-,  peve-cert-",
        "peve-dev-, -,      peve-cert-",
        "peve-, peve-a-,    peve-b-",
    })
    void prefixesThatAreApartLetTwoEnvironmentsShareACluster(String global, String dev, String cert) {
        ProjectConfig config = loadValid(twoOnOneCluster(global, dev, cert));
        assertTrue(config.isManaged("cert", config.namePrefix("cert") + "x"));
        assertTrue(!config.isManaged("dev", config.namePrefix("cert") + "x"));
    }

    @Test
    void theClusterIdAloneIdentifiesTheCluster() {
        // lkc- ids are unique across Confluent Cloud: a different environment id is a typo, not another cluster.
        onlyError(twoOnOneCluster("peve-", null, null).replaceFirst("env-abc123", "env-other"),
                "share Kafka cluster lkc-xyz789");
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
        "http://localhost:8083,        http://localhost:8083",
        "http://localhost:8083,        HTTP://LOCALHOST:8083/",
        "http://connect,               http://connect:80",
        "https://connect.example,      https://Connect.Example:443/",
        "http://connect:8083/base,     http://connect:8083/base//",
    })
    void twoEnvironmentsOnOneConnectWorkerAreRefused(String first, String second) {
        Problem problem = onlyError(twoWorkers(first, second), "share Kafka Connect worker");
        assertEquals(new Location(9, 5, "/environments/sandbox/connect_url"), problem.location());
        assertTrue(problem.message().contains("'local' and 'sandbox'"), problem.message());
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
        "http://localhost:8083,   http://localhost:8084",
        "http://connect/a,        http://connect/b",
        "http://connect:8083,     https://connect:8083",
    })
    void differentConnectWorkersAreFine(String first, String second) {
        loadValid(twoWorkers(first, second));
    }

    private static String twoWorkers(String first, String second) {
        return Repo.workerCccYaml(first) + """
                  sandbox:
                    target: kafka-connect
                    connect_url: %s
                """.formatted(second);
    }

    @ParameterizedTest
    @ValueSource(strings = {"peve/", "../", "'peve '", "-peve", "'%2F'", "\"pe\\nve-\""})
    void aGlobalPrefixNoConnectorNameCanStartWithIsAnError(String prefix) {
        Problem problem = onlyError("managed:\n  name_prefix: " + prefix + "\nenvironments:\n  dev:\n"
                + "    environment_id: env-1\n    kafka_cluster_id: lkc-1\n", "name prefix");
        assertEquals(new Location(2, 3, "/managed/name_prefix"), problem.location());
        assertTrue(problem.message().contains("letters, digits, '.', '_' and '-'"), problem.message());
        assertTrue(!problem.format().contains("\n"), problem.format());
    }

    @Test
    void anEnvironmentPrefixNoConnectorNameCanStartWithIsAnError() {
        Problem problem = onlyError(withDev("    name_prefix: peve dev\n"), "name prefix 'peve dev' contains a space");
        assertEquals(new Location(7, 5, "/environments/dev/name_prefix"), problem.location());
    }
}
