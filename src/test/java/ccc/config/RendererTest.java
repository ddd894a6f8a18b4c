package ccc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Repo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RendererTest {

    private static final EnvironmentConfig DEV = new EnvironmentConfig("dev", TargetKind.CONFLUENT_CLOUD, "env-abc123",
            "lkc-xyz789", null, VaultSettings.DEFAULT);
    private static final EnvironmentConfig LOCAL = new EnvironmentConfig("local", TargetKind.KAFKA_CONNECT, null, null,
            "http://localhost:8083", VaultSettings.DEFAULT);

    @TempDir
    Path root;

    private Path jsonFile;
    private Path varsFile;
    private Limits limits;
    private DlqSettings dlq;
    private EnvironmentConfig environment;

    @BeforeEach
    void defaults() {
        jsonFile = root.resolve("ccloud-x/dev-ccloud-x.json");
        varsFile = root.resolve("ccloud-x/dev-vars.yaml");
        limits = Limits.DEFAULT;
        dlq = DlqSettings.DEFAULT;
        environment = DEV;
    }

    private Renderer.Rendered render(String json, String vars) {
        Repo.write(root, "ccloud-x/dev-ccloud-x.json", json);
        Repo.write(root, "ccloud-x/dev-vars.yaml", vars);
        ProjectConfig project = new ProjectConfig(root.resolve("ccc.yaml"), "peve-", ProjectConfig.DEFAULT_API_URL,
                null, limits, dlq, SensitiveMode.DIGEST, null, Map.of(environment.name(), environment));
        try {
            return Renderer.render("ccloud-x", environment, project, SourceDocument.parseJson(jsonFile),
                    SourceDocument.parseYaml(varsFile));
        } catch (SourceDocument.Unparseable e) {
            throw new AssertionError(e.problem().format(), e);
        }
    }

    private DesiredConnector renderValid(String json, String vars) {
        Renderer.Rendered rendered = render(json, vars);
        assertEquals(List.of(), rendered.problems().stream().filter(Problem::isError).toList());
        assertNotNull(rendered.connector());
        return rendered.connector();
    }

    /** The render fails with exactly one error, whose message contains the text. */
    private Problem onlyError(String json, String vars, String messagePart) {
        Renderer.Rendered rendered = render(json, vars);
        assertNull(rendered.connector(), "no connector when there is an error");
        List<Problem> errors = rendered.problems().stream().filter(Problem::isError).toList();
        assertEquals(1, errors.size(), () -> "errors: " + errors);
        assertTrue(errors.get(0).message().contains(messagePart), errors.get(0).message());
        return errors.get(0);
    }

    /** A source connector JSON with the given extra non-sensitive entries (JSON text without braces). */
    private static String source(String entries) {
        return """
                {
                  "name": "peve-x",
                  "config_nonsensitive": {
                    "connector.class": "DatagenSource",
                    "kafka.auth.mode": "SERVICE_ACCOUNT"%s
                  }
                }
                """.formatted(entries.isEmpty() ? "" : ",\n    " + entries);
    }

    /** A sink connector JSON with the given extra non-sensitive entries. */
    private static String sink(String entries) {
        return """
                {
                  "name": "peve-x",
                  "config_nonsensitive": {
                    "connector.class": "AzureBlobSink",
                    "kafka.auth.mode": "SERVICE_ACCOUNT",
                    "topics": "orders"%s
                  }
                }
                """.formatted(entries.isEmpty() ? "" : ",\n    " + entries);
    }

    private static final String SA = "service_account: SA_PEVE_X\n";

    // --- substitution

    @Test
    void stringNumberAndBooleanVarsBecomeStrings() {
        DesiredConnector connector = renderValid(source("""
                "kafka.topic": "${topic}",
                    "max.interval": "${interval}",
                    "flag": "${flag}",
                    "ratio": "${ratio}",
                    "mixed": "${topic}-${interval}"
                """.strip()), SA + "topic: orders\ninterval: 1000\nflag: true\nratio: 1.50\n");
        assertEquals("orders", connector.config().get("kafka.topic"));
        assertEquals("1000", connector.config().get("max.interval"));
        assertEquals("true", connector.config().get("flag"));
        assertEquals("1.50", connector.config().get("ratio"));
        assertEquals("orders-1000", connector.config().get("mixed"));
    }

    @Test
    void varsRenderAsWrittenNotAsYamlReadsThem() {
        // YAML 1.1 reads 01234 as octal 668, 0x1F as 31, yes as true: Connect would get another value.
        DesiredConnector connector = renderValid(source("""
                "a": "${zip}", "b": "${hex}", "c": "${yes}", "d": "${exp}", "e": "${plus}", "f": "${under}",
                    "g": "${quoted}"
                """.strip()), SA + "zip: 01234\nhex: 0x1F\nyes: yes\nexp: 1e3\nplus: +12\nunder: 1_000\n"
                + "quoted: '0755'\n");
        assertEquals(List.of("01234", "0x1F", "yes", "1e3", "+12", "1_000", "0755"),
                List.of("a", "b", "c", "d", "e", "f", "g").stream().map(connector.config()::get).toList());
    }

    @Test
    void jsonNumbersRenderAsWritten() {
        DesiredConnector connector = renderValid(source("\"a\": 1.0e3, \"b\": -0, \"c\": 10.50"), SA);
        assertEquals("1.0e3", connector.config().get("a"));
        assertEquals("-0", connector.config().get("b"));
        assertEquals("10.50", connector.config().get("c"));
    }

    @Test
    void jsonNumbersAndBooleansBecomeStrings() {
        DesiredConnector connector = renderValid(source("\"tasks.max\": 2, \"flag\": false, \"ratio\": 0.25"), SA);
        assertEquals("2", connector.config().get("tasks.max"));
        assertEquals("false", connector.config().get("flag"));
        assertEquals("0.25", connector.config().get("ratio"));
    }

    @Test
    void configKeepsTheFileOrder() {
        DesiredConnector connector = renderValid(source("\"b\": \"1\", \"a\": \"2\""), SA);
        assertEquals(List.of("connector.class", "kafka.auth.mode", "b", "a"), List.copyOf(connector.config().keySet()));
    }

    @Test
    void doubleDollarIsALiteralDollarBrace() {
        Renderer.Rendered rendered = render(source("""
                "transforms.x.format": "$${topic}-$${vault:secret/not#read}"
                """.strip()), SA);
        assertEquals(List.of(), rendered.problems());
        assertEquals("${topic}-${vault:secret/not#read}", rendered.connector().config().get("transforms.x.format"));
    }

    @Test
    void varsCanNameTheConnector() {
        DesiredConnector connector = renderValid(source("").replace("\"peve-x\"", "\"peve-${suffix}\""),
                SA + "suffix: orders-01\n");
        assertEquals("peve-orders-01", connector.name());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "topics: [a, b]       | variable 'topics' is a list",
            "topics: {a: b}       | variable 'topics' is a map",
            "'topics:'            | variable 'topics' has no value",
            "'topics: ${vault:secret/a#b}' | variable 'topics' holds a Vault reference"})
    void listMapNullAndVaultVarsAreErrorsAtTheVar(String var, String message) {
        Problem problem = onlyError(source("\"kafka.topic\": \"${topics}\""), SA + var + "\n", message);
        assertEquals(varsFile, problem.file());
        assertEquals(new Location(2, 1, "/topics"), problem.location());
    }

    @Test
    void undefinedVariableIsReportedAtTheJsonValue() {
        Problem problem = onlyError(source("\"kafka.topic\": \"${topic}\""), SA, "undefined variable '${topic}'");
        assertEquals(jsonFile, problem.file());
        assertEquals(new Location(6, 5, "/config_nonsensitive/kafka.topic"), problem.location());
        assertTrue(problem.hint().contains(varsFile.toString()), problem.hint());
    }

    @Test
    void undefinedVariableInSensitiveOrNameIsAnErrorToo() {
        Renderer.Rendered rendered = render("""
                {
                  "name": "peve-${suffix}",
                  "config_nonsensitive": {"connector.class": "DatagenSource", "kafka.auth.mode": "SERVICE_ACCOUNT"},
                  "config_sensitive": {"password": "${password}"}
                }
                """, SA);
        assertNull(rendered.connector());
        assertEquals(List.of("/name", "/config_sensitive/password"),
                rendered.problems().stream().map(p -> p.location().pointer()).toList());
    }

    @Test
    void unusedVariableIsOnlyAWarningAtTheVar() {
        Renderer.Rendered rendered = render(source(""), SA + "status: PAUSED\nleftover: 1\n");
        assertNotNull(rendered.connector(), "a warning does not stop the render");
        assertEquals(1, rendered.problems().size(), () -> rendered.problems().toString());
        Problem problem = rendered.problems().get(0);
        assertFalse(problem.isError());
        assertEquals(varsFile, problem.file());
        assertEquals(new Location(3, 1, "/leftover"), problem.location());
        assertEquals("variable 'leftover' is never used in dev-ccloud-x.json", problem.message());
    }

    @Test
    void varUsedOnlyInSensitiveCountsAsUsed() {
        Renderer.Rendered rendered = render("""
                {"name": "peve-x",
                 "config_nonsensitive": {"connector.class": "DatagenSource", "kafka.auth.mode": "SERVICE_ACCOUNT"},
                 "config_sensitive": {"user": "${user}"}}
                """, SA + "user: alice\n");
        assertEquals(List.of(), rendered.problems());
    }

    @Test
    void unterminatedPlaceholderIsAnErrorAtTheValue() {
        Problem problem = onlyError(source("\"kafka.topic\": \"${topic\""), SA + "topic: a\n",
                "is never closed");
        assertEquals("/config_nonsensitive/kafka.topic", problem.location().pointer());
        assertEquals(6, problem.location().line());
    }

    // --- vault references

    @Test
    void vaultReferenceInNonsensitiveIsAnError() {
        Problem problem = onlyError(source("\"password\": \"${vault:secret/db#password}\""), SA,
                "Vault reference in config_nonsensitive: 'password'");
        assertEquals(new Location(6, 5, "/config_nonsensitive/password"), problem.location());
        assertTrue(problem.hint().contains("config_sensitive"));
    }

    @Test
    void vaultReferenceInNameIsAnError() {
        onlyError(source("").replace("\"peve-x\"", "\"peve-${vault:secret/a#b}\""), SA,
                "a Vault reference cannot be part of a name");
    }

    @Test
    void sensitiveValuesKeepVaultReferencesAndSubstituteVars() {
        DesiredConnector connector = renderValid("""
                {"name": "peve-x",
                 "config_nonsensitive": {"connector.class": "DatagenSource", "kafka.auth.mode": "SERVICE_ACCOUNT"},
                 "config_sensitive": {
                   "account": "${account}",
                   "key": "${vault:secret/${env_not_parsed}#k}",
                   "jdbc": "user=${user};password=${vault:secret/db#password}"
                 }}
                """.replace("\"key\": \"${vault:secret/${env_not_parsed}#k}\",\n", ""),
                SA + "account: stpevedev01\nuser: alice\n");
        assertEquals(List.of("account", "jdbc"), List.copyOf(connector.sensitive().keySet()));
        assertEquals("stpevedev01", connector.sensitive().get("account").text());
        assertEquals(List.of(new VaultReference("secret/db", "password")),
                connector.sensitive().get("jdbc").vaultReferences());
        assertEquals("user=alice;password=pw", connector.sensitive().get("jdbc").resolve(ref -> "pw"));
        assertFalse(connector.config().containsKey("account"), "sensitive keys stay out of config");
    }

    @Test
    void keyInBothMapsIsAnError() {
        Problem problem = onlyError("""
                {"name": "peve-x",
                 "config_nonsensitive": {"connector.class": "DatagenSource", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "user": "a"},
                 "config_sensitive": {"user": "b"}}
                """, SA, "'user' is in both config_nonsensitive and config_sensitive");
        assertEquals("/config_sensitive/user", problem.location().pointer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\\t"})
    void anEmptyConfigKeyIsAnErrorInEitherMap(String key) {
        Problem problem = onlyError(source("\"" + key + "\": \"x\""), SA, "empty config key");
        assertEquals(new Location(6, 5, "/config_nonsensitive/" + key.replace("\\t", "\t")), problem.location());
        assertTrue(problem.hint().contains("Remove it"), problem.hint());
        Problem sensitive = onlyError("""
                {"name": "peve-x",
                 "config_nonsensitive": {"connector.class": "DatagenSource", "kafka.auth.mode": "SERVICE_ACCOUNT"},
                 "config_sensitive": {"%s": "${vault:secret/a#b}"}}
                """.formatted(key), SA, "empty config key");
        assertEquals("/config_sensitive/" + key.replace("\\t", "\t"), sensitive.location().pointer());
    }

    // --- structure

    @Test
    void missingNameIsAnError() {
        Problem problem = onlyError(source("").replace("\"name\": \"peve-x\",", ""), SA, "'name' is missing");
        assertEquals(jsonFile, problem.file());
        assertEquals(1, problem.location().line());
        assertTrue(problem.hint().contains("peve-"), problem.hint());
    }

    @Test
    void blankOrNonStringNameIsAnError() {
        assertEquals(new Location(2, 3, "/name"),
                onlyError(source("").replace("\"peve-x\"", "\"  \""), SA, "'name' is empty").location());
        Problem problem = onlyError(source("").replace("\"peve-x\"", "42"), SA, "'name' must be a string");
        assertEquals(new Location(2, 3, "/name"), problem.location());
    }

    @Test
    void nameOutsideTheManagedPrefixIsAnError() {
        Problem problem = onlyError(source("").replace("\"peve-x\"", "\"other-x\""), SA,
                "connector name 'other-x' is outside the managed prefix 'peve-'");
        assertEquals(new Location(2, 3, "/name"), problem.location());
    }

    /** Rule: 1-128 characters, letters, digits, '.', '_', '-', starting with a letter or digit. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"peve-a/b", "..", ".peve-x", "-peve-x", "peve-a..b/../c", "peve-a%2Fb", "peve-a b", "peve-a\\nb",
            "peve-\\u001b[31mred", "peve-a\\u0000b", "peve-é", "peve-a:b", "peve-a?b", "peve-a#b", "peve-a+b",
            "peve-a\\tb", "peve-a\\\\b", "peve-a~b", "peve-x "})
    void aNameAConnectorCannotSensiblyHaveIsAnErrorWithTheRule(String name) {
        Renderer.Rendered rendered = render(source("").replace("\"peve-x\"", "\"" + name + "\""), SA);
        assertNull(rendered.connector());
        Problem problem = rendered.problems().get(0);
        assertTrue(problem.isError());
        assertEquals(List.of(problem), rendered.problems().stream().filter(p -> p.message().contains("connector name"))
                .toList(), "one message about the name, not also one about the prefix");
        assertEquals(new Location(2, 3, "/name"), problem.location());
        assertTrue(problem.message().contains("letters, digits, '.', '_' and '-'"), problem.message());
        assertTrue(problem.message().contains("1 to 128"), problem.message());
        assertFalse(problem.format().contains("\n") || problem.format().contains("\u001b")
                || problem.format().contains("\u0000"), "control characters are not printed raw: " + problem.format());
    }

    @Test
    void aTenThousandCharacterNameIsAnErrorThatDoesNotPrintItAll() {
        String name = "peve-" + "x".repeat(9995);
        Problem problem = onlyError(source("").replace("\"peve-x\"", "\"" + name + "\""), SA, "connector name");
        assertTrue(problem.message().contains("10000 characters"), problem.message());
        assertTrue(problem.format().length() < 500, problem.format());
    }

    @Test
    void aNameFromAVarIsCheckedAsRendered() {
        Problem problem = onlyError(source("").replace("\"peve-x\"", "\"peve-${suffix}\""),
                SA + "suffix: a/../b\n", "connector name");
        assertEquals("/name", problem.location().pointer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"peve-x", "peve-X.1_2-3", "peve-" + "a"})
    void ordinaryNamesPass(String name) {
        assertEquals(name, renderValid(source("").replace("\"peve-x\"", "\"" + name + "\""), SA).name());
    }

    @Test
    void aNameOf128CharactersPassesAnd129DoNot() {
        String name = "peve-" + "x".repeat(123);
        assertEquals(128, name.length());
        renderValid(source("").replace("\"peve-x\"", "\"" + name + "\""), SA);
        onlyError(source("").replace("\"peve-x\"", "\"" + name + "x\""), SA, "129 characters");
    }

    @Test
    void theOutsideThePrefixCheckUsesTheEnvironmentsOwnPrefix() {
        environment = DEV.withNamePrefix("peve-dev-");
        Problem problem = onlyError(source(""), SA, "connector name 'peve-x' is outside the managed prefix 'peve-dev-' of dev");
        assertTrue(problem.hint().contains("'peve-dev-'"), problem.hint());
        assertEquals("peve-dev-x", renderValid(source("").replace("\"peve-x\"", "\"peve-dev-x\""), SA).name());
        Problem missing = onlyError(source("").replace("\"name\": \"peve-x\",", ""), SA, "'name' is missing");
        assertTrue(missing.hint().contains("peve-dev-..."), missing.hint());
    }

    @Test
    void configNameEqualToTheNameIsDropped() {
        DesiredConnector connector = renderValid(source("\"name\": \"peve-x\""), SA);
        assertFalse(connector.config().containsKey("name"));
    }

    @Test
    void configNameDifferentFromTheNameIsAnError() {
        Problem problem = onlyError(source("\"name\": \"peve-y\""), SA, "differs from the connector name");
        assertEquals("/config_nonsensitive/name", problem.location().pointer());
    }

    @Test
    void missingConnectorClassIsAnErrorAtTheConfigMap() {
        Problem problem = onlyError("""
                {
                  "name": "peve-x",
                  "config_nonsensitive": {
                    "kafka.auth.mode": "SERVICE_ACCOUNT"
                  }
                }
                """, SA, "'connector.class' is missing");
        assertEquals(new Location(3, 3, "/config_nonsensitive"), problem.location());
    }

    @Test
    void connectorClassInSensitiveGetsAHintToMoveIt() {
        Problem problem = onlyError("""
                {"name": "peve-x", "config_nonsensitive": {"kafka.auth.mode": "SERVICE_ACCOUNT"},
                 "config_sensitive": {"connector.class": "DatagenSource"}}
                """, SA, "'connector.class' is missing");
        assertTrue(problem.hint().contains("move it there from config_sensitive"), problem.hint());
    }

    @Test
    void missingOrWrongConfigMaps() {
        onlyError("{\"name\": \"peve-x\"}", "", "'config_nonsensitive' is missing");
        Problem problem = onlyError("{\"name\": \"peve-x\", \"config_nonsensitive\": []}", "",
                "'config_nonsensitive' must be an object");
        assertEquals("/config_nonsensitive", problem.location().pointer());
        onlyError(source("").replace("\n}", ", \"config_sensitive\": \"x\"\n}"), SA, "'config_sensitive' must be an object");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"null | not null", "[\"a\"] | not a list", "{\"a\": 1} | not an object"})
    void valuesMustBeScalars(String value, String message) {
        Problem problem = onlyError(source("\"x\": " + value), SA, message);
        assertEquals("/config_nonsensitive/x", problem.location().pointer());
    }

    @Test
    void unknownTopLevelKeyIsAnError() {
        Problem problem = onlyError(source("").replace("\"name\": \"peve-x\",", "\"name\": \"peve-x\", \"tasks\": 1,"),
                SA, "unknown top-level key 'tasks'");
        assertEquals("/tasks", problem.location().pointer());
        assertEquals(2, problem.location().line());
    }

    @Test
    void connectorFileMustBeAnObject() {
        Renderer.Rendered rendered = render("[1, 2]", "");
        assertNull(rendered.connector());
        assertEquals("the connector file must be a JSON object", rendered.problems().get(0).message());
    }

    @Test
    void varsFileMustBeAMapping() {
        Renderer.Rendered rendered = render(source(""), "- a\n- b\n");
        assertNull(rendered.connector());
        assertTrue(rendered.problems().stream()
                .anyMatch(p -> p.message().startsWith("the vars file must be a mapping") && p.file().equals(varsFile)));
    }

    @Test
    void everyProblemIsReportedNotTheFirst() {
        Renderer.Rendered rendered = render("""
                {
                  "name": "other-x",
                  "config_nonsensitive": {
                    "kafka.auth.mode": "SERVICE_ACCOUNT",
                    "a": "${missing_a}",
                    "b": "${vault:secret/x#y}",
                    "tasks.max": "many"
                  }
                }
                """, SA + "unused: 1\n");
        List<String> messages = rendered.problems().stream().map(Problem::message).toList();
        assertEquals(6, messages.size(), messages::toString);
        assertEquals(5, rendered.problems().stream().filter(Problem::isError).count(), messages::toString);
    }

    // --- tasks.max

    @ParameterizedTest
    @ValueSource(strings = {"1", "10", " 3 "})
    void tasksMaxWithinTheDefaultLimit(String value) {
        renderValid(source("\"tasks.max\": \"" + value + "\""), SA);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "11   | tasks.max is 11, outside 1..10",
            "0    | tasks.max is 0, outside 1..10",
            "-2   | tasks.max is -2, outside 1..10",
            "two  | tasks.max 'two' is not a whole number",
            "1.5  | tasks.max '1.5' is not a whole number",
            "''   | tasks.max '' is not a whole number"})
    void tasksMaxOutsideTheLimitOrNotANumber(String value, String message) {
        Problem problem = onlyError(source("\"tasks.max\": \"" + value + "\""), SA, message);
        assertEquals(new Location(6, 5, "/config_nonsensitive/tasks.max"), problem.location());
    }

    @Test
    void tasksMaxFromAVarIsChecked() {
        Problem problem = onlyError(source("\"tasks.max\": \"${tasks}\""), SA + "tasks: 12\n", "tasks.max is 12");
        assertEquals("/config_nonsensitive/tasks.max", problem.location().pointer());
    }

    @Test
    void raisedTaskLimit() {
        limits = new Limits(50, 20);
        renderValid(source("\"tasks.max\": \"20\""), SA);
        onlyError(source("\"tasks.max\": \"21\""), SA, "tasks.max is 21, outside 1..20");
    }

    // --- dead letter queue defaults

    @Test
    void sinkGetsDlqDefaultsFromTheFirstTopic() {
        DesiredConnector connector = renderValid(sink("").replace("\"orders\"", "\" orders, payments\""), SA);
        assertEquals(ConnectorKind.SINK, connector.kind());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("errors.tolerance", "all");
        expected.put("errors.deadletterqueue.topic.name", "orders-dlq");
        Map<String, String> actual = new LinkedHashMap<>(connector.config());
        actual.keySet().retainAll(expected.keySet());
        assertEquals(expected, actual);
        assertEquals(List.of("connector.class", "kafka.auth.mode", "topics", "errors.tolerance",
                "errors.deadletterqueue.topic.name"),
                List.copyOf(connector.config().keySet()), "defaults come after the file's keys");
        assertFalse(connector.config().containsKey("errors.deadletterqueue.context.headers.enable"),
                "Confluent Cloud classes (AzureBlobSink among them) do not define it: the cluster would drop it");
    }

    @Test
    void dlqDefaultsNeverOverrideWhatTheFileSets() {
        DesiredConnector connector = renderValid(sink("""
                "errors.tolerance": "all",
                    "errors.deadletterqueue.topic.name": "${dlq}",
                    "errors.deadletterqueue.context.headers.enable": "false"
                """.strip()), SA + "dlq: my-own-dlq\n");
        assertEquals("all", connector.config().get("errors.tolerance"));
        assertEquals("my-own-dlq", connector.config().get("errors.deadletterqueue.topic.name"));
        assertEquals("false", connector.config().get("errors.deadletterqueue.context.headers.enable"));
    }

    @Test
    void aKeyCloudClassesDoNotDefineIsAWarningOnCloudOnly() {
        Renderer.Rendered rendered = render(sink("\"errors.deadletterqueue.context.headers.enable\": \"true\""), SA);
        assertTrue(rendered.problems().stream().anyMatch(p -> !p.isError()
                && p.message().contains("errors.deadletterqueue.context.headers.enable")
                && p.message().contains("AzureBlobSink")), rendered.problems().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "NONE", " none "})
    void errorsToleranceNoneSkipsTheDlq(String tolerance) {
        DesiredConnector connector = renderValid(sink("\"errors.tolerance\": \"" + tolerance + "\""), SA);
        assertEquals(tolerance, connector.config().get("errors.tolerance"));
        assertFalse(connector.config().containsKey("errors.deadletterqueue.topic.name"));
        assertFalse(connector.config().containsKey("errors.deadletterqueue.context.headers.enable"));
    }

    @Test
    void sourcesGetNoDlq() {
        DesiredConnector connector = renderValid(source("\"kafka.topic\": \"orders\""), SA);
        assertEquals(ConnectorKind.SOURCE, connector.kind());
        assertFalse(connector.config().containsKey("errors.tolerance"));
        assertFalse(connector.config().containsKey("errors.deadletterqueue.topic.name"));
    }

    @Test
    void disabledDlqAddsNothing() {
        dlq = new DlqSettings(false, "{topic}-dlq");
        DesiredConnector connector = renderValid(sink(""), SA);
        assertFalse(connector.config().containsKey("errors.tolerance"));
        assertFalse(connector.config().containsKey("errors.deadletterqueue.topic.name"));
    }

    @Test
    void connectorPatternUsesTheConnectorName() {
        dlq = new DlqSettings(true, "{connector}-dlq");
        assertEquals("peve-x-dlq", renderValid(sink(""), SA).config().get("errors.deadletterqueue.topic.name"));
        dlq = new DlqSettings(true, "dlq.{connector}.{topic}");
        assertEquals("dlq.peve-x.orders", renderValid(sink(""), SA).config().get("errors.deadletterqueue.topic.name"));
    }

    @Test
    void topicPatternWithoutTopicsWarnsAndLeavesTheNameUnset() {
        Renderer.Rendered rendered = render(sink("").replace("\"topics\": \"orders\"", "\"topics.regex\": \"orders.*\""),
                SA);
        DesiredConnector connector = rendered.connector();
        assertNotNull(connector);
        assertEquals(ConnectorKind.SINK, connector.kind());
        assertFalse(connector.config().containsKey("errors.deadletterqueue.topic.name"));
        assertEquals("all", connector.config().get("errors.tolerance"));
        assertEquals(1, rendered.problems().size());
        assertFalse(rendered.problems().get(0).isError());
        assertTrue(rendered.problems().get(0).message().startsWith("no DLQ topic can be derived"));
    }

    @Test
    void connectorPatternWorksWithoutTopics() {
        dlq = new DlqSettings(true, "{connector}-dlq");
        Renderer.Rendered rendered = render(sink("").replace("\"topics\": \"orders\"", "\"topics.regex\": \"o.*\""), SA);
        assertEquals(List.of(), rendered.problems());
        assertEquals("peve-x-dlq", rendered.connector().config().get("errors.deadletterqueue.topic.name"));
    }

    @Test
    void aClassWithoutSinkOrSourceIsASinkWhenItHasTopics() {
        DesiredConnector connector = renderValid(sink("").replace("AzureBlobSink", "com.example.Mirror"), SA);
        assertEquals(ConnectorKind.SINK, connector.kind());
        assertEquals("orders-dlq", connector.config().get("errors.deadletterqueue.topic.name"));
    }

    // --- service account

    @Test
    void displayNameIsKeptForALookup() {
        DesiredConnector connector = renderValid(source(""), SA);
        assertEquals("SA_PEVE_X", connector.serviceAccount());
        assertFalse(connector.config().containsKey(DesiredConnector.SERVICE_ACCOUNT_KEY));
        assertTrue(connector.needsServiceAccountLookup());
        DesiredConnector resolved = connector.withConfigEntry(DesiredConnector.SERVICE_ACCOUNT_KEY, "sa-123");
        assertFalse(resolved.needsServiceAccountLookup());
        assertEquals("sa-123", resolved.config().get(DesiredConnector.SERVICE_ACCOUNT_KEY));
    }

    @Test
    void serviceAccountIdIsSetDirectly() {
        DesiredConnector connector = renderValid(source(""), "service_account: sa-abc123\n");
        assertEquals("sa-abc123", connector.config().get(DesiredConnector.SERVICE_ACCOUNT_KEY));
        assertEquals("sa-abc123", connector.serviceAccount());
        assertFalse(connector.needsServiceAccountLookup());
    }

    @Test
    void serviceAccountIdInTheFileIsNotOverridden() {
        DesiredConnector connector = renderValid(source("\"kafka.service.account.id\": \"sa-fromfile\""),
                "service_account: sa-fromvars\n");
        assertEquals("sa-fromfile", connector.config().get(DesiredConnector.SERVICE_ACCOUNT_KEY));
    }

    @Test
    void serviceAccountModeWithoutAnAccountIsAnError() {
        Problem problem = onlyError(source(""), "", "kafka.auth.mode is SERVICE_ACCOUNT but no service account is named");
        assertEquals(varsFile, problem.file());
    }

    @Test
    void serviceAccountIdInTheFileIsEnoughWithoutTheVar() {
        renderValid(source("\"kafka.service.account.id\": \"sa-1\""), "");
    }

    @Test
    void serviceAccountWithoutServiceAccountModeWarns() {
        Renderer.Rendered rendered = render(source("").replace("SERVICE_ACCOUNT", "KAFKA_API_KEY"), SA);
        assertNotNull(rendered.connector());
        assertEquals(1, rendered.problems().size());
        Problem problem = rendered.problems().get(0);
        assertFalse(problem.isError());
        assertEquals("service_account is set but kafka.auth.mode is 'KAFKA_API_KEY'", problem.message());
        assertEquals(new Location(1, 1, "/service_account"), problem.location());
    }

    @Test
    void aSelfManagedSinkAlsoGetsTheContextHeadersDefault() {
        environment = LOCAL;
        DesiredConnector connector = renderValid(sink(""), "");
        assertEquals("true", connector.config().get("errors.deadletterqueue.context.headers.enable"));
    }

    @Test
    void kafkaConnectTargetNeedsNoServiceAccount() {
        environment = LOCAL;
        DesiredConnector connector = renderValid(source(""), "");
        assertNull(connector.serviceAccount());
        assertFalse(connector.needsServiceAccountLookup());
    }

    @Test
    void serviceAccountOnAKafkaConnectTargetIsIgnoredWithAWarning() {
        environment = LOCAL;
        Renderer.Rendered rendered = render(source(""), SA);
        assertNotNull(rendered.connector());
        assertNull(rendered.connector().serviceAccount(), "there is no service account to look up on Kafka Connect");
        assertFalse(rendered.connector().needsServiceAccountLookup());
        assertFalse(rendered.connector().config().containsKey(DesiredConnector.SERVICE_ACCOUNT_KEY));
        assertEquals(1, rendered.problems().size());
        assertFalse(rendered.problems().get(0).isError());
        assertEquals("/service_account", rendered.problems().get(0).location().pointer());
    }

    // --- status

    @Test
    void statusDefaultsToRunning() {
        assertEquals(DeclaredState.RUNNING, renderValid(source(""), SA).state());
    }

    @ParameterizedTest
    @CsvSource({"RUNNING, RUNNING", "PAUSED, PAUSED", "paused, PAUSED", "Running, RUNNING"})
    void statusIsRunningOrPaused(String status, DeclaredState expected) {
        assertEquals(expected, renderValid(source(""), SA + "status: " + status + "\n").state());
    }

    @Test
    void otherStatusIsAnErrorAtTheVar() {
        Problem problem = onlyError(source(""), SA + "status: STOPPED\n", "status 'STOPPED' is not RUNNING or PAUSED");
        assertEquals(new Location(2, 1, "/status"), problem.location());
    }

    // --- the result

    @Test
    void renderedConnectorKnowsWhereItCameFrom() {
        DesiredConnector connector = renderValid(source(""), SA);
        assertEquals("peve-x", connector.name());
        assertEquals("ccloud-x", connector.directory());
        assertEquals("dev", connector.environment());
        assertEquals(jsonFile, connector.jsonFile());
        assertEquals(varsFile, connector.varsFile());
        assertEquals("DatagenSource", connector.connectorClass());
    }
}
