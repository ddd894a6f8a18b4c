package ccc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceLoaderTest {

    @TempDir
    Path root;

    private Problem onlyError(Workspace workspace) {
        assertEquals(1, workspace.errors().size(), () -> "errors: " + workspace.errors());
        return workspace.errors().get(0);
    }

    @Test
    void theExampleIsValidInEveryEnvironment() {
        Workspace workspace = WorkspaceLoader.load(Repo.example(), null);
        assertEquals(List.of(), workspace.problems());
        assertFalse(workspace.hasErrors());
        assertEquals(List.of("dev", "cert", "prod", "local"), workspace.environments());
        assertEquals(8, workspace.connectors().size());
        for (String env : workspace.environments()) {
            assertEquals(List.of("peve-azure-blob-storage-sink-connector-01", "peve-datagen-source-connector-01"),
                    workspace.connectors(env).stream().map(DesiredConnector::name).toList(), env);
        }
        assertEquals(DeclaredState.PAUSED, workspace.connectors("prod").get(1).state());
        assertEquals("5000", workspace.connectors("prod").get(0).config().get("flush.size"));
        assertEquals(TargetKind.KAFKA_CONNECT, workspace.environment("local").orElseThrow().kind());
        assertTrue(workspace.environment("qa").isEmpty());
    }

    @Test
    void oneEnvironmentLoadsOnlyItsConnectors() {
        Workspace workspace = WorkspaceLoader.load(Repo.example(), "prod");
        assertEquals(List.of("prod"), workspace.environments());
        assertEquals(2, workspace.connectors().size());
        assertTrue(workspace.connectors().stream().allMatch(c -> c.environment().equals("prod")));
    }

    @Test
    void unknownEnvironmentIsAnErrorInCccYaml() {
        Workspace workspace = WorkspaceLoader.load(Repo.example(), "qa");
        Problem problem = onlyError(workspace);
        assertEquals("unknown environment 'qa'", problem.message());
        assertEquals(Repo.example().resolve("ccc.yaml"), problem.file());
        assertEquals("/environments", problem.location().pointer());
        assertTrue(problem.hint().contains("dev, cert, prod, local"), problem.hint());
        assertEquals(List.of(), workspace.connectors());
    }

    @Test
    void unusableCccYamlStopsBeforeTheConnectors() {
        Repo.write(root, "ccc.yaml", "managed: {}\n");
        Repo.datagen(root, "ccloud-a", "peve-a");
        Workspace workspace = WorkspaceLoader.load(root, null);
        assertNull(workspace.config());
        assertTrue(workspace.hasErrors());
        assertTrue(workspace.problems().stream().allMatch(p -> p.file().getFileName().toString().equals("ccc.yaml")));
        assertEquals(List.of(), workspace.connectors());
    }

    @Test
    void missingCccYaml() {
        Repo.datagen(root, "ccloud-a", "peve-a");
        Problem problem = onlyError(WorkspaceLoader.load(root, null));
        assertEquals("the file does not exist", problem.message(), "the path already says ccc.yaml");
    }

    @Test
    void twoDirectoriesWithTheSameNameInOneEnvironment() {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.datagen(root, "ccloud-a", "peve-same");
        Repo.datagen(root, "ccloud-b", "peve-same");
        Workspace workspace = WorkspaceLoader.load(root, null);
        Problem problem = onlyError(workspace);
        assertEquals(root.resolve("ccloud-b/dev-ccloud-b.json"), problem.file(), "the second one is reported");
        assertEquals("/name", problem.location().pointer());
        assertTrue(problem.message().contains("connector name 'peve-same' is also declared by "
                + root.resolve("ccloud-a/dev-ccloud-a.json") + " in dev"), problem.message());
    }

    @Test
    void theSameNameInTwoEnvironmentsIsFine() {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML + """
                  cert:
                    environment_id: env-cert
                    kafka_cluster_id: lkc-cert
                """);
        Repo.datagen(root, "ccloud-a", "peve-same");
        Repo.write(root, "ccloud-b/cert-ccloud-b.json", Repo.read(root.resolve("ccloud-a/dev-ccloud-a.json")));
        Repo.write(root, "ccloud-b/cert-vars.yaml", Repo.read(root.resolve("ccloud-a/dev-vars.yaml")));
        Workspace workspace = WorkspaceLoader.load(root, null);
        assertEquals(List.of(), workspace.problems());
        assertEquals(2, workspace.connectors().size());
    }

    @Test
    void fileWhoseEnvironmentPrefixMatchesNoEnvironment() {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.datagen(root, "ccloud-a", "peve-a");
        Repo.write(root, "ccloud-a/qa-ccloud-a.json", "{}");
        Repo.write(root, "ccloud-a/qa-vars.yaml", "");
        Workspace workspace = WorkspaceLoader.load(root, null);
        assertEquals(List.of(root.resolve("ccloud-a/qa-ccloud-a.json"), root.resolve("ccloud-a/qa-vars.yaml")),
                workspace.errors().stream().map(Problem::file).toList());
        assertTrue(workspace.errors().stream()
                .allMatch(p -> p.message().equals("environment prefix 'qa' matches no environment in ccc.yaml")));
        assertEquals(1, workspace.connectors().size(), "the dev connector still renders");
    }

    @Test
    void unknownPrefixIsReportedEvenWhenValidatingAnotherEnvironment() {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.datagen(root, "ccloud-a", "peve-a");
        Repo.write(root, "ccloud-a/qa-ccloud-a.json", "{}");
        assertEquals(1, WorkspaceLoader.load(root, "dev").errors().size());
    }

    @Test
    void jsonThatDoesNotCarryTheDirectoryNameIsAnError() {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.datagen(root, "ccloud-a", "peve-a");
        Repo.write(root, "ccloud-a/dev-ccloud-old-name.json", "{}");
        Problem problem = onlyError(WorkspaceLoader.load(root, null));
        assertEquals(root.resolve("ccloud-a/dev-ccloud-old-name.json"), problem.file());
        assertTrue(problem.message().startsWith("file name does not follow"), problem.message());
    }

    @Test
    void filesOutsideTheConnectorDirectoriesAndHiddenOnesAreIgnored() throws IOException {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.datagen(root, "ccloud-a", "peve-a");
        Repo.write(root, "README.md", "# repo");
        Repo.write(root, ".git/dev-.git.json", "not json");
        Repo.write(root, "ccloud-a/.gitkeep", "");
        Repo.write(root, "ccloud-a/.DS_Store", "\0\0");
        Repo.write(root, "ccloud-a/.dev-ccloud-a.json.swp", "editor swap file");
        Files.createDirectories(root.resolve("ccloud-a/.idea"));
        Workspace workspace = WorkspaceLoader.load(root, null);
        assertEquals(List.of(), workspace.problems());
        assertEquals(1, workspace.connectors().size());
    }

    /** A file ccc does not read is a connector that is not deployed, and that --prune would delete. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "dev-ccloud-a.JSON, dev-ccloud-a.json",
        "DEV-CCLOUD-A.json, dev-ccloud-a.json",
        "dev-ccloud-a.jsonc, dev-ccloud-a.json",
        "dev-ccloud-a.json5, dev-ccloud-a.json",
        "dev-ccloud-old-name.json, dev-ccloud-a.json",
        "Dev-vars.yaml, dev-vars.yaml",
        "dev-vars.YML, dev-vars.yaml",
        "dev-vars.yml, dev-vars.yaml",
        "dev-Vars.Yaml, dev-vars.yaml",
    })
    void aNearMissIsAnErrorThatNamesTheExpectedFile(String misnamed, String expected) {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.datagen(root, "ccloud-a", "peve-a");
        Repo.write(root, "ccloud-a/" + misnamed, "{}");
        Problem problem = onlyError(WorkspaceLoader.load(root, null));
        assertEquals(root.resolve("ccloud-a/" + misnamed), problem.file());
        assertTrue(problem.hint().contains("Rename it to " + expected), problem.hint());
    }

    @Test
    void theOnlyConnectorFileMisnamedIsAnErrorNotASilentlyMissingConnector() {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.datagen(root, "ccloud-a", "peve-a");
        Path json = root.resolve("ccloud-a/dev-ccloud-a.json");
        Repo.write(root, "ccloud-a/dev-ccloud-a.JSON", Repo.read(json));
        Repo.write(root, "ccloud-a/dev-Vars.yaml", Repo.read(root.resolve("ccloud-a/dev-vars.yaml")));
        assertTrue(json.toFile().delete() && root.resolve("ccloud-a/dev-vars.yaml").toFile().delete());
        Workspace workspace = WorkspaceLoader.load(root, "dev");
        assertTrue(workspace.hasErrors(), "plan, apply and --prune refuse to run");
        assertEquals(List.of(root.resolve("ccloud-a/dev-Vars.yaml"), root.resolve("ccloud-a/dev-ccloud-a.JSON")),
                workspace.errors().stream().map(Problem::file).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "notes.txt", "dev-ccloud-a.json.bak", "dev-ccloud-a.json~", "Makefile",
            "prod.json", "vars.yaml"})
    void anyOtherFileInAConnectorDirectoryIsAnError(String name) {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.datagen(root, "ccloud-a", "peve-a");
        Repo.write(root, "ccloud-a/" + name, "x");
        Problem problem = onlyError(WorkspaceLoader.load(root, null));
        assertEquals(root.resolve("ccloud-a/" + name), problem.file());
        assertTrue(problem.message().startsWith("file name does not follow <env>-ccloud-a.json or <env>-vars.yaml"),
                problem.message());
        assertTrue(problem.hint().contains("move it out"), problem.hint());
    }

    @Test
    void aSubdirectoryOfAConnectorDirectoryIsAnError() throws IOException {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.datagen(root, "ccloud-a", "peve-a");
        Files.createDirectories(root.resolve("ccloud-a/archive"));
        Problem problem = onlyError(WorkspaceLoader.load(root, null));
        assertEquals(root.resolve("ccloud-a/archive"), problem.file());
        assertEquals("a directory inside a connector directory", problem.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev-vars.yaml", "dev-ccloud-a.json"})
    void aDirectoryWhereAConnectorFileShouldBeIsNamedAsSuch(String file) throws IOException {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.datagen(root, "ccloud-a", "peve-a");
        Files.delete(root.resolve("ccloud-a/" + file));
        Files.createDirectories(root.resolve("ccloud-a/" + file));
        Problem problem = onlyError(WorkspaceLoader.load(root, null));
        assertEquals(root.resolve("ccloud-a/" + file), problem.file());
        assertEquals("this is a directory, not a file", problem.message());
    }

    @Test
    void emptyDirectoryIsAWarning() throws IOException {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Files.createDirectories(root.resolve("ccloud-empty"));
        Workspace workspace = WorkspaceLoader.load(root, null);
        assertFalse(workspace.hasErrors());
        assertEquals(1, workspace.warnings().size());
        assertEquals("no connector files in this directory", workspace.warnings().get(0).message());
    }

    @Test
    void varsWithoutJsonIsAWarning() {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.write(root, "ccloud-a/dev-vars.yaml", "topic: a\n");
        Workspace workspace = WorkspaceLoader.load(root, null);
        assertFalse(workspace.hasErrors());
        assertEquals(1, workspace.warnings().size());
        assertTrue(workspace.warnings().get(0).message().startsWith("vars file without dev-ccloud-a.json"));
    }

    @Test
    void missingVarsFileIsAnError() throws IOException {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.datagen(root, "ccloud-a", "peve-a");
        Files.delete(root.resolve("ccloud-a/dev-vars.yaml"));
        Problem problem = onlyError(WorkspaceLoader.load(root, null));
        assertEquals(root.resolve("ccloud-a/dev-ccloud-a.json"), problem.file());
        assertEquals("missing dev-vars.yaml beside it", problem.message());
        assertTrue(problem.hint().startsWith("Create it next to the JSON"), problem.hint());
        assertFalse(problem.format().indexOf(root.toString()) != problem.format().lastIndexOf(root.toString()),
                "the path is said once: " + problem.format());
    }

    @Test
    void unusedVariableIsAWarningOnly() {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.datagen(root, "ccloud-a", "peve-a");
        Repo.write(root, "ccloud-a/dev-vars.yaml", "service_account: SA\ntopic: orders\nleftover: x\n");
        Workspace workspace = WorkspaceLoader.load(root, null);
        assertFalse(workspace.hasErrors());
        assertEquals(1, workspace.warnings().size());
        assertEquals(new Location(3, 1, "/leftover"), workspace.warnings().get(0).location());
        assertEquals(1, workspace.connectors().size());
    }

    @Test
    void moreConnectorsThanTheDefaultLimitOf50() {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        for (int i = 1; i <= 51; i++) {
            Repo.datagen(root, "ccloud-c" + i, "peve-c" + i);
        }
        Workspace workspace = WorkspaceLoader.load(root, null);
        Problem problem = onlyError(workspace);
        assertEquals("dev declares 51 connectors, above the limit of 50 per cluster", problem.message());
        assertEquals(root.resolve("ccc.yaml"), problem.file());
        assertEquals("/limits", problem.location().pointer());
    }

    @Test
    void exactlyTheLimitIsFineAndTheLimitCanBeRaised() {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        for (int i = 1; i <= 50; i++) {
            Repo.datagen(root, "ccloud-c" + i, "peve-c" + i);
        }
        assertFalse(WorkspaceLoader.load(root, null).hasErrors());
        Repo.datagen(root, "ccloud-c51", "peve-c51");
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML + "limits:\n  max_connectors_per_cluster: 60\n");
        assertFalse(WorkspaceLoader.load(root, null).hasErrors());
    }

    @Test
    void loweredConnectorLimit() {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML + "limits:\n  max_connectors_per_cluster: 1\n");
        Repo.datagen(root, "ccloud-a", "peve-a");
        Repo.datagen(root, "ccloud-b", "peve-b");
        assertEquals("dev declares 2 connectors, above the limit of 1 per cluster",
                onlyError(WorkspaceLoader.load(root, null)).message());
    }

    @Test
    void raisedTaskLimitFromCccYaml() {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML + "limits:\n  max_tasks_per_connector: 16\n");
        Repo.datagen(root, "ccloud-a", "peve-a");
        Path json = root.resolve("ccloud-a/dev-ccloud-a.json");
        Repo.write(root, "ccloud-a/dev-ccloud-a.json", Repo.read(json).replace("\"tasks.max\": \"1\"", "\"tasks.max\": \"16\""));
        assertFalse(WorkspaceLoader.load(root, null).hasErrors());
        Repo.write(root, "ccloud-a/dev-ccloud-a.json", Repo.read(json).replace("\"16\"", "\"17\""));
        assertEquals("tasks.max is 17, outside 1..16", onlyError(WorkspaceLoader.load(root, null)).message());
    }

    @Test
    void everyFileIsCheckedNotJustTheFirstBroken() {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.datagen(root, "ccloud-a", "peve-a");
        Repo.datagen(root, "ccloud-b", "peve-b");
        Repo.datagen(root, "ccloud-c", "peve-c");
        Repo.write(root, "ccloud-a/dev-ccloud-a.json", "{ nope");
        Repo.write(root, "ccloud-b/dev-vars.yaml", "topic: [\n");
        Workspace workspace = WorkspaceLoader.load(root, null);
        assertEquals(List.of(root.resolve("ccloud-a/dev-ccloud-a.json"), root.resolve("ccloud-b/dev-vars.yaml")),
                workspace.errors().stream().map(Problem::file).toList());
        assertTrue(workspace.errors().stream().allMatch(p -> p.location().line() > 0), workspace.errors()::toString);
        assertEquals(List.of("peve-c"), workspace.connectors().stream().map(DesiredConnector::name).toList());
    }

    @Test
    void rootThatDoesNotExist() {
        Workspace workspace = WorkspaceLoader.load(root.resolve("nowhere"), null);
        assertEquals("the config root is not a directory", onlyError(workspace).message());
    }
}
