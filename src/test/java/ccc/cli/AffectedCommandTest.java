package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.output.Json;
import ccc.testing.Cli;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ccc affected: which environments a change touches, from git's list of changed paths. */
class AffectedCommandTest {

    @TempDir
    Path checkout;
    Path root;

    @BeforeEach
    void example() {
        root = Repo.copyExample(checkout.resolve("connectors"));
    }

    Cli.Result affected(String changed, String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "affected";
        args[1] = "--root";
        args[2] = root.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return Cli.run(Map.of(), changed, args);
    }

    @Test
    void connectorFilesTouchTheirEnvironmentInTheOrderGiven() {
        String changed = """
                README.md
                %1$s/ccloud-datagen-source-connector-01/prod-vars.yaml
                %1$s/ccloud-azure-blob-storage-sink-connector-01/dev-ccloud-azure-blob-storage-sink-connector-01.json
                %1$s/ccloud-gone-01/cert-ccloud-gone-01.json
                %1$s/ccloud-datagen-source-connector-01/local-vars.yaml
                %1$s/ccloud-datagen-source-connector-01/notes.md
                """.formatted(root);
        Cli.Result result = affected(changed, "--env", "dev,cert,prod", "--files-from", "-");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("dev\ncert\nprod\n", result.out(), "a deleted connector's file still names its environment; "
                + "local is not among those asked for");
    }

    @Test
    void cccYamlTouchesEveryEnvironmentAndOtherFilesNone() throws Exception {
        Cli.Result everything = affected(root + "/ccc.yaml\n", "--env", "prod,dev", "--files-from", "-",
                "--output", "json");
        JsonNode json = Json.MAPPER.readTree(everything.out());
        assertEquals("[\"prod\",\"dev\"]", json.get("environments").toString());
        assertEquals(root + "/ccc.yaml", json.at("/files/dev/0").asText());

        Cli.Result nothing = affected("docs/x.md\n" + root + "/README.md\n", "--env", "dev", "--files-from", "-",
                "--output", "json");
        assertEquals("[]", Json.MAPPER.readTree(nothing.out()).get("environments").toString(), nothing::toString);
    }

    @Test
    void allListsEveryEnvironmentGivenAndUnknownOnesAreUsageErrors() {
        assertEquals("dev\ncert\nprod\n", affected("", "--env", "dev", "--env", "cert,prod", "--all").out());
        Cli.Result unknown = affected("", "--env", "dev,staging", "--all");
        assertEquals(64, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("unknown environment 'staging'; ccc.yaml declares dev, cert, prod, local"),
                unknown::toString);
        assertEquals(64, affected("", "--env", "dev").exitCode(), "--files-from or --all is required");
    }
}
