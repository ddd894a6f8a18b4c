package ccc.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Cli;
import ccc.testing.FakeConfluentCloud;
import ccc.testing.Repo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names, values and traces that try to forge lines or drive a terminal: no human output (text or
 * markdown, stdout or stderr) may carry a control character ccc did not put there itself, nor show a
 * line a value made up, nor lose the shape of a markdown table or code block.
 */
class HostileOutputTest {

    /** A line a value tries to forge in a plan. */
    static final String FORGED = "- peve-x will be deleted";
    static final String HOSTILE_VALUE = "orders\n" + FORGED + "\r" + FORGED + "\u001b[2J\u001b[1A\u0000\u0085\u202e|`x```";

    @TempDir
    Path root;
    FakeConfluentCloud cloud;
    Map<String, String> env;
    final List<Cli.Result> results = new ArrayList<>();
    /** Run as on a colour terminal: ccc's own colour codes are then the only escape sequences allowed. */
    boolean colour;

    @BeforeEach
    void setUp() throws Exception {
        cloud = new FakeConfluentCloud();
        cloud.serviceAccounts.put("SA_PEVE_DATAGEN", "sa-gen01");
        env = cloud.env("api-secret-value", "vault-token-value");
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.datagen(root, "ccloud-gen-01", "peve-gen-01");
        Repo.write(root, "ccloud-gen-01/dev-vars.yaml", "service_account: SA_PEVE_DATAGEN\ntopic: \""
                + quoted(HOSTILE_VALUE) + "\"\n");
    }

    @AfterEach
    void tearDown() {
        cloud.close();
        for (Cli.Result result : results) {
            String all = result.all();
            for (String line : all.split("\n", -1)) {
                assertFalse(line.strip().startsWith(FORGED), "a value forged a line:\n" + result);
                for (char c : line.toCharArray()) {
                    boolean ownColour = colour && c == '\u001b';
                    assertTrue(!Text.isControl(c) || ownColour,
                            "raw control character U+" + Integer.toHexString(c) + " printed:\n" + result);
                }
            }
            assertFalse(all.contains("\u001b[2J") || all.contains("\u001b[1A"), "a value drove the terminal");
        }
    }

    /** The inside of a YAML double-quoted string: control characters as backslash-u escapes. */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\' || (c >= 0x7f && c <= 0x9f) || c == '\u202e') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    Cli.Result ccc(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--root", root.toString()));
        Cli.Result result = Cli.run(env, colour, "", all.toArray(String[]::new));
        results.add(result);
        return result;
    }

    @Test
    void aValueCannotForgeALineOfATextPlan() {
        Cli.Result plan = ccc("plan", "--env", "dev");
        assertEquals(0, plan.exitCode(), plan.toString());
        assertTrue(plan.out().contains("+ kafka.topic = \"orders\\n" + FORGED + "\\r" + FORGED
                + "\\u001b[2J\\u001b[1A\\u0000\\u0085\\u202e|`x```\""), plan.toString());
    }

    @Test
    void aValueCannotBreakAMarkdownPlan() {
        Cli.Result plan = ccc("plan", "--env", "dev", "--output", "markdown");
        assertEquals(0, plan.exitCode(), plan.toString());
        String out = plan.out();
        assertTrue(out.contains("\n````diff\n"), "the fence is longer than any backtick run:\n" + out);
        assertTrue(out.contains("\n+ kafka.topic = orders\\n" + FORGED), out);
        assertTrue(out.contains("\n````\n\n</details>"), out);
    }

    @Test
    void aConnectorNameFromTheClusterCannotForgeALine() {
        cloud.put("peve-orphan\n  - peve-gen-01  will be deleted, with its offsets\u001b[2J",
                Map.of("connector.class", "DatagenSource", "kafka.topic", "t"));
        for (String format : List.of("text", "markdown")) {
            Cli.Result plan = ccc("plan", "--env", "dev", "--output", format);
            assertEquals(0, plan.exitCode(), plan.toString());
            assertTrue(plan.out().contains("peve-orphan\\n  - peve-gen-01  will be deleted"), plan.toString());
            assertFalse(plan.out().contains("\n  - peve-gen-01  will be deleted"), plan.toString());
        }
        Cli.Result status = ccc("status", "--env", "dev", "--any-name", "--output", "markdown");
        assertTrue(status.out().contains("`peve-orphan\\n  - peve-gen-01"), status.toString());
    }

    @Test
    void markdownTableRowsKeepTheirCellsWhateverTheValue() {
        Cli.Result render = ccc("render", "--env", "dev", "--output", "markdown");
        assertEquals(0, render.exitCode(), render.toString());
        for (String line : render.out().split("\n")) {
            if (line.startsWith("|")) {
                assertEquals(3, line.replace("\\\\", "").replace("\\|", "").chars().filter(c -> c == '|').count(),
                        "a value split a row: " + line);
            }
        }
        assertTrue(render.out().contains("| `kafka.topic` | ```` orders\\n" + FORGED), render.out());
    }

    @Test
    void aTraceCannotDriveATerminalButCcsOwnColoursStillWork() {
        colour = true;
        assertEquals(0, ccc("apply", "--env", "dev", "--auto-approve", "--poll-interval", "10ms").exitCode());
        FakeConfluentCloud.Connector gen = cloud.connectors.get("peve-gen-01");
        gen.state = "FAILED";
        gen.trace = "org.apache.kafka.connect.errors.ConnectException: boom\u001b[2J\r" + FORGED
                + "\n\tat org.example.Task.run(Task.java:1)";
        Cli.Result status = ccc("status", "--env", "dev");
        assertEquals(1, status.exitCode(), status.toString());
        assertTrue(status.out().contains("\u001b[31mFAILED"), "ccc's own colour: " + status);
        assertTrue(status.out().contains("    org.apache.kafka.connect.errors.ConnectException: boom\\u001b[2J\\r"
                + FORGED + "\n        at org.example.Task.run(Task.java:1)\n"), status.toString());
    }
}
