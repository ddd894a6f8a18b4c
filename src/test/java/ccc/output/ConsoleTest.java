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
    void colourOnlyWhenEnabled() {
        assertEquals("x", console(false).style(Console.Style.RED, "x"));
        assertEquals("\u001b[31mx\u001b[0m", console(true).style(Console.Style.RED, "x"));
    }

    @Test
    void summaryPluralsAndScope() {
        Problem error = Problem.error(Path.of("f"), Location.NONE, "e", "");
        Problem warning = Problem.warning(Path.of("f"), Location.NONE, "w", "");
        assertEquals("Valid: 1 connector in dev.", ProblemReport.summary(List.of(), 1, List.of("dev")));
        assertEquals("Valid: 2 connectors in dev, prod, 2 warnings.",
                ProblemReport.summary(List.of(warning, warning), 2, List.of("dev", "prod")));
        assertEquals("1 error, 1 warning (0 connectors in no environment rendered).",
                ProblemReport.summary(List.of(error, warning), 0, List.of()));
        assertEquals("2 errors, 0 warnings (3 connectors in dev rendered).",
                ProblemReport.summary(List.of(error, error), 3, List.of("dev")));
    }

    @Test
    void markdownEscapesTableCells() {
        assertEquals("a\\|b c", Markdown.cell("a|b\nc"));
        assertEquals("`a'b`", Markdown.code("a`b"));
        assertEquals("", Markdown.code(""));
        assertEquals("| h |\n|---|\n| v |\n", Markdown.table(List.of("h"), List.of(List.of("v"))));
    }
}
