package ccc.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.config.Location;
import ccc.config.Problem;
import ccc.secret.SecretRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final SecretRegistry secrets = new SecretRegistry();

    private Console console(boolean color) {
        return new Console(new PrintWriter(out), new PrintWriter(err), color, secrets);
    }

    @Test
    void everythingPrintedIsScrubbedOfKnownSecrets() {
        secrets.register("s3cr3t-value");
        secrets.register("ab\"c\\d");
        Console console = console(false);
        console.println("password=s3cr3t-value");
        console.print("{\"k\": \"ab\\\"c\\\\d\"}\n");
        console.info("error: rejected s3cr3t-value");
        console.warn("s3cr3t-value again");
        assertEquals("password=********\n{\"k\": \"********\"}\n", out.toString());
        assertEquals("error: rejected ********\nwarning: ******** again\n", err.toString());
    }

    @Test
    void shortSecretsAreNotRegisteredSoWordsSurvive() {
        secrets.register("abc");
        assertTrue(secrets.isEmpty());
        assertEquals("abc", secrets.scrub("abc"));
    }

    @Test
    void longestSecretIsMaskedWhole() {
        secrets.register("pass");
        secrets.register("password123");
        assertEquals("********", secrets.scrub("password123"));
    }

    @Test
    void aLongServerErrorSaysWhatFailedFirstThenTheServersWordsWrappedToTheTerminal() {
        String message = "Create connector 'peve-orders-sink-01' failed: HTTP 400: Connector configuration is invalid "
                + "and contains the following 2 error(s):\nInvalid value change-me for configuration topics: Topic "
                + "change-me does not exist in the cluster lkc-xyz789\nInvalid value SA_CHANGE_ME for configuration "
                + "kafka.service.account.id: no such service account\u001b[2J\n";
        assertEquals("""
                Create connector 'peve-orders-sink-01' failed: HTTP 400:
                  Connector configuration is invalid and contains the
                  following 2 error(s):
                  Invalid value change-me for configuration topics: Topic
                  change-me does not exist in the cluster lkc-xyz789
                  Invalid value SA_CHANGE_ME for configuration
                  kafka.service.account.id: no such service account\\u001b[2J\
                """, Text.paragraph(message, 60, "  "));
        String oneLine = "Create connector 'peve-x' failed: HTTP 400: Invalid configuration for connector peve-x: "
                + "{\"connector.class\":\"DatagenSource\",\"kafka.topic\":\"g\"}";
        assertEquals("Create connector 'peve-x' failed: HTTP 400:\n    Invalid configuration for connector peve-x: "
                + "{\"connector.class\":\"DatagenSource\",\"kafka.topic\":\"g\"}", Text.paragraph(oneLine, 0, "    "),
                "not on a terminal: split, not wrapped");
        assertEquals("Delete connector 'peve-x' failed: HTTP 404: not found.",
                Text.paragraph("Delete connector 'peve-x' failed: HTTP 404: not found.", 60, "  "), "short: one line");
        assertEquals(List.of("a", "bcdefghijklmno", "p q rstu"), Text.wrap("a bcdefghijklmno p q rstu", 10),
                "a word longer than a line is not broken");
    }

    @Test
    void colourOnlyWhenEnabled() {
        assertEquals("x", console(false).style(Console.Style.RED, "x"));
        assertEquals("\u001b[31mx\u001b[0m", console(true).style(Console.Style.RED, "x"));
    }

    @Test
    void summaryPluralsAndScope() {
        Problem error = Problem.error("schema", Path.of("f"), Location.NONE, "e", "");
        Problem warning = Problem.warning("schema", Path.of("f"), Location.NONE, "w", "");
        assertEquals("Valid: 1 connector in dev.", ProblemReport.summary(List.of(),
                new ProblemReport.Scope(1, 1, List.of("dev"))));
        assertEquals("Valid: 2 connectors in 2 environments (3 configs), 2 warnings.",
                ProblemReport.summary(List.of(warning, warning), new ProblemReport.Scope(2, 3, List.of("dev", "prod"))));
        assertEquals("1 error, 1 warning; no connector rendered.",
                ProblemReport.summary(List.of(error, warning), new ProblemReport.Scope(0, 0, List.of())));
        assertEquals("2 errors, 0 warnings; 3 connectors in dev rendered.",
                ProblemReport.summary(List.of(error, error), new ProblemReport.Scope(3, 3, List.of("dev"))));
    }

    @Test
    void markdownEscapesTableCells() {
        Markdown md = new Markdown(secrets);
        assertEquals("a\\|b\\\\nc", md.cell("a|b\nc"));
        assertEquals("``a`b``", md.code("a`b"));
        assertEquals("", md.code(""));
        assertEquals("| h |\n|---|\n| v |\n", Markdown.table(List.of("h"), List.of(List.of("v"))));
    }

    @Test
    void aWarningOrErrorIsOneLineWhateverItQuotes() {
        Console console = console(false);
        console.warn("connector 'peve-a\n- peve-x will be deleted' is odd");
        console.error("bad name 'x\u001b[2J'");
        assertEquals("warning: connector 'peve-a\\n- peve-x will be deleted' is odd\nerror: bad name 'x\\u001b[2J'\n",
                err.toString());
    }

    @Test
    void everythingPrintedKeepsItsLinesButNoOtherControlCharacter() {
        console(false).print("a\r\nb\u0000c\u001b]0;title\u0007d\u009be\u2028f\n");
        assertEquals("a\nb\\u0000c\\u001b]0;title\\u0007d\\u009be\\u2028f\n", out.toString());
    }

    @Test
    void onAColourTerminalOnlyTheConsolesOwnColoursPass() {
        Console console = console(true);
        console.println(console.style(Console.Style.GREEN, "+ x") + " " + console.value("\u001b[31mv") + " \u001b[2J");
        assertEquals("\u001b[32m+ x\u001b[0m \\u001b[31mv \\u001b[2J\n", out.toString());
        console.clearScreen();
        assertTrue(out.toString().endsWith("\u001b[H\u001b[2J"));
    }

    @Test
    void aValueIsScrubbedBeforeItIsEscapedSoNoEscapedFormLeaks() {
        secrets.register("pa|ss\tw`rd");
        Console console = console(false);
        assertEquals("rejected ********", "rejected " + console.value("pa|ss\tw`rd"));
        Markdown md = new Markdown(secrets);
        assertEquals("rejected \\*\\*\\*\\*\\*\\*\\*\\*", md.cell("rejected pa|ss\tw`rd"));
        assertEquals("`********`", md.code("pa|ss\tw`rd"));
        assertEquals("********", md.plain("pa|ss\tw`rd"));
    }

    @Test
    void markdownTextCannotHideOrLinkWhatFollows() {
        Markdown md = new Markdown(secrets);
        assertEquals("\\<!-- \\[x\\](http://e) \\*a\\* \\& b\\\\\\|", md.cell("<!-- [x](http://e) *a* & b\\|"));
        assertEquals("`a\\\\\\|b`", md.code("a\\|b"), "a backslash before a pipe cannot unescape it");
        assertEquals("```` a```b` ````", md.code("a```b`"));
        assertEquals("````diff\n+ ```\n````\n", Markdown.fenced("diff", "+ ```\n"));
    }
}
