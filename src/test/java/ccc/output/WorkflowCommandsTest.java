package ccc.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.config.Location;
import ccc.config.Problem;
import ccc.secret.SecretRegistry;
import ccc.testing.Cli;
import ccc.testing.Repo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub annotations: their format and escaping, and that nothing else ccc prints in a job reads as a command. */
class WorkflowCommandsTest {

    @TempDir
    Path workspace;

    @Test
    void anAnnotationNamesFileLineColumnAndTitle() {
        assertEquals("::error file=connectors/x/dev-x.json,line=6,col=5,title=ccc validate::undefined variable",
                new WorkflowCommands.Annotation(WorkflowCommands.Level.ERROR, "connectors/x/dev-x.json", 6, 5,
                        "ccc validate", "undefined variable").command());
        assertEquals("::warning::no file", new WorkflowCommands.Annotation(WorkflowCommands.Level.WARNING, null, 3, 1,
                "", "no file").command(), "a line without a file means nothing to the runner: left out");
        assertEquals("::notice file=a.json,title=t::m", new WorkflowCommands.Annotation(WorkflowCommands.Level.NOTICE,
                "a.json", 0, 0, "t", "m").command());
    }

    @Test
    void dataEscapesPercentAndLineBreaksAndPropertiesAlsoColonAndComma() {
        assertEquals("100%25 sure%0D%0Anext: a, b", WorkflowCommands.escapeData("100% sure\r\nnext: a, b"));
        assertEquals("100%25 sure%0D%0Anext%3A a%2C b", WorkflowCommands.escapeProperty("100% sure\r\nnext: a, b"));
        assertEquals("%2525", WorkflowCommands.escapeData("%25"), "an escape in the text is itself escaped");
        String command = new WorkflowCommands.Annotation(WorkflowCommands.Level.ERROR, "dir,1/a:b.json", 1, 2,
                "t: x, y", "m").command();
        assertEquals("::error file=dir%2C1/a%3Ab.json,line=1,col=2,title=t%3A x%2C y::m", command);
    }

    @Test
    void aProblemBecomesAnAnnotationOnItsFileRelativeToTheWorkspaceWithItsHintOnTheNextLine() {
        Problem problem = Problem.error(Problem.Rule.PLACEHOLDER, workspace.resolve("connectors/ccloud-x/dev-ccloud-x.json"),
                new Location(6, 5, "/config_nonsensitive/topics"), "undefined variable '${topic}'",
                "Define 'topic' in connectors/ccloud-x/dev-vars.yaml.");
        assertEquals("::error file=connectors/ccloud-x/dev-ccloud-x.json,line=6,col=5,"
                        + "title=ccc validate (/config_nonsensitive/topics)::undefined variable '${topic}'%0A"
                        + "Define 'topic' in connectors/ccloud-x/dev-vars.yaml.",
                WorkflowCommands.Annotation.of(problem, workspace, "ccc validate").command());
        Path outside = Path.of("/elsewhere/ccc.yaml");
        assertEquals("/elsewhere/ccc.yaml", WorkflowCommands.relative(outside, workspace));
    }

    @Test
    void textThatWouldReadAsACommandIsNeutralizedOtherTextIsNot() {
        assertEquals("\\u003a:error::forged", WorkflowCommands.neutralize("::error::forged"));
        assertEquals("a\n    \\u003a:stop-commands::x\nb", WorkflowCommands.neutralize("a\n    ::stop-commands::x\nb"));
        assertEquals("trace #\\u0023[error]forged", WorkflowCommands.neutralize("trace ##[error]forged"));
        assertEquals("a::b and c: d", WorkflowCommands.neutralize("a::b and c: d"), "not at a line start: inert");
        assertEquals("{\"v\" : \"#\\u0023[warning]x\"}", WorkflowCommands.neutralizeJson("{\"v\" : \"##[warning]x\"}"));
    }

    @Test
    void theConsoleAnnotatesOnlyInAJobScrubsFirstAndKeepsItsOtherOutputInert() {
        SecretRegistry secrets = new SecretRegistry();
        secrets.register("s3cr%t,value");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Console job = new Console(new PrintWriter(out), new PrintWriter(err), false, secrets, true);
        job.annotate(new WorkflowCommands.Annotation(WorkflowCommands.Level.ERROR, "a.json", 1, 1, "t",
                "leaked s3cr%t,value\u001b[2J"));
        job.println("    ::add-mask::something");
        assertEquals("::error file=a.json,line=1,col=1,title=t::leaked ********\\u001b[2J\n", err.toString());
        assertEquals("    \\u003a:add-mask::something\n", out.toString());

        StringWriter quiet = new StringWriter();
        Console local = new Console(new PrintWriter(quiet), new PrintWriter(quiet), false, secrets, false);
        local.annotate(new WorkflowCommands.Annotation(WorkflowCommands.Level.ERROR, "a.json", 1, 1, "t", "m"));
        local.println("::notice::printed as is outside a job");
        assertEquals("::notice::printed as is outside a job\n", quiet.toString());
    }

    @Test
    void validateInAJobAnnotatesEveryProblemOnStandardErrorAndKeepsItsReportOnStandardOutput() {
        Path root = workspace.resolve("connectors");
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.connector(root, "dev", "ccloud-x", """
                {"name": "peve-x",
                 "config_nonsensitive": {"connector.class": "DatagenSource", "kafka.topic": "${topic}"}}
                """, "unused: 1\n");
        Map<String, String> env = Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", workspace.toString());
        Cli.Result result = Cli.run(env, "", "validate", "--root", root.toString(), "--output", "json");
        assertEquals(1, result.exitCode(), result::toString);
        List<String> annotations = Arrays.stream(result.err().split("\n")).filter(l -> l.startsWith("::")).toList();
        assertEquals(List.of(
                "::error file=connectors/ccloud-x/dev-ccloud-x.json,line=2,col=62,"
                        + "title=ccc validate (/config_nonsensitive/kafka.topic)::undefined variable '${topic}'%0A"
                        + "Define 'topic' in " + root.resolve("ccloud-x/dev-vars.yaml") + ".",
                "::warning file=connectors/ccloud-x/dev-vars.yaml,line=1,col=1,title=ccc validate (/unused)::"
                        + "variable 'unused' is never used in dev-ccloud-x.json%0ARemove it, or reference it as ${unused}."),
                annotations, result::toString);
        assertTrue(result.out().startsWith("{"), "standard output is still the JSON report alone");

        Cli.Result plain = Cli.run(Map.of(), "", "validate", "--root", root.toString());
        assertFalse(plain.all().contains("::error"), "no annotation outside GitHub Actions");
    }

    @Test
    void planAnnotatesTheConfigErrorsThatStopIt() {
        Path root = workspace.resolve("connectors");
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        Repo.connector(root, "dev", "ccloud-x", "{\"name\": \"peve-x\"", "a: 1\n");
        Cli.Result result = Cli.run(Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", workspace.toString()), "",
                "plan", "--root", root.toString(), "--env", "dev", "--offline");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("::error file=connectors/ccloud-x/dev-ccloud-x.json,line="), result::toString);
        assertTrue(result.err().contains("title=ccc plan"), result::toString);
    }
}
