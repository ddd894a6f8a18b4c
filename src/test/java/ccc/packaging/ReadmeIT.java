package ccc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README cannot rot: whatever README.md says when the tests run, every fenced {@code sh} block of it either runs,
 * here, as a new user would run it (a fresh, empty HOME, a copy of the repository with the jar 'package' built, one
 * shell session from the first block to the last, aliases expanded as in a terminal), or says in its info string why
 * it cannot ({@code ```sh no-run=REASON}, REASON one of {@link #NO_RUN}). And the README's example connector uses
 * only variables its example vars file defines.
 *
 * <p>Runs after 'package' (maven-failsafe), like {@link JarIT}.
 */
class ReadmeIT {

    private static final Path README = Path.of("README.md");

    /** Why a block may be left out: each needs something this machine does not have. */
    static final Map<String, String> NO_RUN = Map.of(
            "cloud", "talks to Confluent Cloud: needs a Cloud API key (CONFLUENT_CLOUD_API_KEY/SECRET) and a cluster",
            "vault", "logs in to HashiCorp Vault or configures it: needs a Vault server and an identity there",
            "github", "runs in, or against, GitHub (Actions, a repository): needs GitHub",
            "worker", "reads a self-managed Kafka Connect worker at the URL it names (connect.internal), not here");

    /** A fenced block: where it starts, its info string and its text. */
    record Block(int line, String info, String body) {

        String language() {
            return info.isBlank() ? "" : info.strip().split("\\s+")[0];
        }

        boolean shell() {
            return language().equals("sh");
        }

        /** The reason given with no-run, "" for no-run without one, null when it is to be run. */
        String noRun() {
            for (String word : info.strip().split("\\s+")) {
                if (word.equals("no-run")) {
                    return "";
                }
                if (word.startsWith("no-run=")) {
                    return word.substring("no-run=".length());
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return "README.md line " + line + " (```" + info + ")";
        }
    }

    static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = Pattern.compile("^(`{3,})(.*)$").matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(1);
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).strip().equals(fence)) {
                body.append(lines.get(j)).append('\n');
                j++;
            }
            blocks.add(new Block(i + 1, open.group(2).strip(), body.toString()));
            i = j;
        }
        return blocks;
    }

    static List<Block> readme() throws IOException {
        return blocks(Files.readString(README, StandardCharsets.UTF_8));
    }

    @Test
    void everyShellBlockIsRunOrSaysWhyNotAndIsValidShell() throws Exception {
        List<Block> shell = readme().stream().filter(Block::shell).toList();
        assertFalse(shell.isEmpty(), "the README has no ```sh block");
        assertTrue(shell.stream().anyMatch(block -> block.noRun() == null), "not one ```sh block of the README is run");
        for (Block block : shell) {
            String reason = block.noRun();
            if (reason != null) {
                assertTrue(NO_RUN.containsKey(reason), block + ": say why it cannot run here, as no-run=REASON with "
                        + "REASON one of " + new TreeSet<>(NO_RUN.keySet()) + " (ReadmeIT.NO_RUN says what each needs)");
            }
            Process syntax = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
            syntax.getOutputStream().write(block.body().getBytes(StandardCharsets.UTF_8));
            syntax.getOutputStream().close();
            String said = new String(syntax.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(syntax.waitFor(30, TimeUnit.SECONDS) && syntax.exitValue() == 0, block + " is not valid shell: "
                    + said);
        }
    }

    /**
     * The runnable blocks, in order, in one bash session, as a new user would paste them: HOME empty, a PATH with
     * only Java and the system's tools (so ~/.local/bin is not on it until a block puts it there), the working
     * directory a copy of the repository. {@code ./mvnw} there is a stand-in that only checks its arguments: the
     * build it stands for ran already (this is its integration-test phase, and 'verify' is this very run).
     */
    @Test
    void theRunnableBlocksRunFromAFreshHomeInACopyOfTheRepository(@TempDir Path dir) throws Exception {
        List<Block> runnable = readme().stream().filter(Block::shell).filter(block -> block.noRun() == null).toList();
        Path repo = copyOfTheRepository(dir.resolve("repo"));
        Path home = Files.createDirectories(dir.resolve("home"));
        StringBuilder session = new StringBuilder("set -eo pipefail\nshopt -s expand_aliases\n");
        boolean sandbox = false;
        for (Block block : runnable) {
            String body = block.body();
            if (body.contains("sandbox up")) {
                sandbox = true;
                body = onFreePorts(repo, body);
            }
            session.append("printf '%s\\n' '>>> ").append(block).append("' >&2\n").append(body).append('\n');
        }
        Path script = Files.writeString(dir.resolve("session.sh"), session.toString());
        ProcessBuilder builder = new ProcessBuilder("bash", "--norc", "--noprofile", script.toString())
                .directory(repo.toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("HOME", home.toString(), "LANG", "C.UTF-8",
                "PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/local/bin:/usr/bin:/bin"));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                fail("the README's blocks did not finish in 10 minutes:\n" + Files.readString(err));
            }
        } finally {
            if (sandbox) {
                new ProcessBuilder(javaCommand(), "-jar", repo.resolve("target/ccc.jar").toString(), "sandbox", "down",
                        "--root", repo.resolve("connectors").toString()).inheritIO().start().waitFor(2, TimeUnit.MINUTES);
            }
        }
        String said = "--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err);
        assertEquals(0, process.exitValue(), "a README block failed (the last '>>>' line names it):\n" + said);
        for (String failure : List.of("command not found", "No such file or directory", "Unable to access jarfile",
                "\nerror: ", "Exception")) {
            assertFalse(("\n" + Files.readString(err)).contains(failure), "'" + failure + "':\n" + said);
        }
    }

    /** What a clone holds that the blocks use, with the jar and the sandbox's runtime as 'package' built them. */
    private static Path copyOfTheRepository(Path repo) throws IOException {
        Files.createDirectories(repo.resolve("target"));
        Files.copy(README, repo.resolve("README.md"));
        Repo.copyTree(Path.of("connectors"), repo.resolve("connectors"));
        Path jar = Path.of("target", "ccc.jar");
        assertTrue(Files.isRegularFile(jar), "build the jar first: ./mvnw package");
        Files.copy(jar, repo.resolve("target/ccc.jar"));
        for (String launcher : java.util.List.of("ccc", "ccc.classlist")) {
            Files.copy(Path.of("target", launcher), repo.resolve("target").resolve(launcher),
                    java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        Repo.copyTree(Path.of("target", "sandbox"), repo.resolve("target/sandbox"));
        Path mvnw = Files.writeString(repo.resolve("mvnw"), """
                #!/bin/sh
                # Stands in for the Maven wrapper: the build ran before this test (its jar is in target/).
                case "$*" in
                  "-q -DskipTests package"|"-DskipTests package"|"package"|"verify"|"-q verify") test -f target/ccc.jar ;;
                  *) echo "ReadmeIT's mvnw knows no 'mvnw $*': teach it what the README now runs" >&2; exit 2 ;;
                esac
                """);
        assertTrue(mvnw.toFile().setExecutable(true));
        return repo;
    }

    /**
     * A sandbox on ports free now rather than 8083 and 9092, which other builds on a shared machine may hold: the
     * copy's ccc.yaml and the block's URLs both say them.
     */
    private static String onFreePorts(Path repo, String body) throws IOException {
        int connect = Repo.freePort();
        int kafka = Repo.freePort();
        Path yaml = repo.resolve("connectors/ccc.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("localhost:8083", "localhost:" + connect)
                .replace("kafka_port: 9092", "kafka_port: " + kafka));
        return body.replace("localhost:8083", "localhost:" + connect).replace("localhost:9092", "localhost:" + kafka);
    }

    @Test
    void theExampleConnectorUsesOnlyVariablesTheExampleVarsFileDefines() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Set<String> used = new TreeSet<>();
        Set<String> defined = new TreeSet<>();
        for (Block block : readme()) {
            if (block.language().equals("json") && block.body().contains("\"config_")) {
                JsonNode connector = json.readTree(block.body());
                for (String section : List.of("config_nonsensitive", "config_sensitive")) {
                    connector.path(section).forEach(value -> variables(value.asText(), used));
                }
            }
            if (block.language().equals("yaml")) {
                JsonNode document = yaml.readTree(block.body());
                if (document != null && document.isObject() && !document.has("environments")
                        && (document.has("status") || document.has("service_account"))) {
                    document.fieldNames().forEachRemaining(defined::add);
                }
            }
        }
        assertFalse(used.isEmpty(), "the README shows no connector JSON with config_nonsensitive/config_sensitive");
        assertFalse(defined.isEmpty(), "the README shows no vars file (a ```yaml block with status or service_account)");
        Set<String> undefined = new TreeSet<>(used);
        undefined.removeAll(defined);
        assertEquals(Set.of(), undefined, "the README's connector JSON uses variables its vars example does not define");
    }

    private static void variables(String value, Set<String> into) {
        Matcher variable = Pattern.compile("(?<!\\$)\\$\\{(?!vault:)([^}]+)}").matcher(value);
        while (variable.find()) {
            into.add(variable.group(1));
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
