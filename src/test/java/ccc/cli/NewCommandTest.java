package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Cli;
import ccc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {

    @TempDir
    Path tmp;

    private Path root;

    @BeforeEach
    void copyExample() {
        root = Repo.copyExample(tmp.resolve("connectors"));
    }

    private Cli.Result ccc(String... args) {
        return Cli.run(args);
    }

    private List<String> files(String directory) throws IOException {
        try (Stream<Path> list = Files.list(root.resolve(directory))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theDefaultNameFollowsEachEnvironmentsOwnPrefix() throws IOException {
        Path yaml = root.resolve("ccc.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("    environment_id: env-cert42\n",
                "    environment_id: env-cert42\n    name_prefix: peve-cert-\n"));
        Cli.Result result = ccc("new", "ccloud-orders-sink-01", "--class", "AzureBlobSink", "--env", "dev,cert",
                "--root", root.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(Files.readString(root.resolve("ccloud-orders-sink-01/cert-ccloud-orders-sink-01.json"))
                .contains("\"peve-cert-orders-sink-01\""));
        assertTrue(Files.readString(root.resolve("ccloud-orders-sink-01/dev-ccloud-orders-sink-01.json"))
                .contains("\"peve-orders-sink-01\""));
    }

    @Test
    void scaffoldsEveryEnvironmentAndValidatesAtOnce() throws IOException {
        Cli.Result result = ccc("new", "ccloud-orders-sink-01", "--class", "AzureBlobSink", "--root", root.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of("cert-ccloud-orders-sink-01.json", "cert-vars.yaml", "dev-ccloud-orders-sink-01.json",
                "dev-vars.yaml", "local-ccloud-orders-sink-01.json", "local-vars.yaml",
                "prod-ccloud-orders-sink-01.json", "prod-vars.yaml"), files("ccloud-orders-sink-01"));
        assertTrue(result.out().contains("created " + root.resolve("ccloud-orders-sink-01/dev-ccloud-orders-sink-01.json")),
                result.out());

        // Valid at once, with a warning for each placeholder left to fill in (they would fail only at apply).
        Cli.Result validate = ccc("validate", "--root", root.toString());
        assertEquals(0, validate.exitCode(), validate::toString);
        assertTrue(validate.out().endsWith("Valid: 3 connectors in 4 environments (12 configs), 7 warnings.\n"),
                validate.out());
        assertTrue(validate.out().contains("warning: " + root.resolve("ccloud-orders-sink-01/dev-vars.yaml")
                + ":3:1 (/service_account): 'service_account' is still the placeholder 'SA_CHANGE_ME'\n"), validate.out());
        assertTrue(validate.out().contains("warning: " + root.resolve("ccloud-orders-sink-01/local-vars.yaml")
                + ":4:1 (/topic): 'topic' is still the placeholder 'change-me'\n"), validate.out());
        assertTrue(result.out().contains("every change-me and SA_CHANGE_ME"), result.out());
        for (String env : List.of("dev", "cert", "prod", "local")) {
            Path vars = root.resolve("ccloud-orders-sink-01/" + env + "-vars.yaml");
            Files.writeString(vars, Files.readString(vars).replace("SA_CHANGE_ME", "SA_PEVE_ORDERS")
                    .replace("change-me", "orders"));
        }
        Cli.Result filled = ccc("validate", "--root", root.toString());
        assertEquals("Valid: 3 connectors in 4 environments (12 configs).\n", filled.out(), "no warnings once filled in");

        String local = Repo.read(root.resolve("ccloud-orders-sink-01/local-ccloud-orders-sink-01.json"));
        assertTrue(local.contains("\"connector.class\" : \"org.apache.kafka.connect.file.FileStreamSinkConnector\""),
                local);
        assertTrue(local.contains("\"errors.deadletterqueue.topic.replication.factor\" : \"1\""), local);

        Cli.Result render = ccc("render", "--root", root.toString(), "--env", "dev", "ccloud-orders-sink-01");
        assertEquals(0, render.exitCode(), render::toString);
        assertTrue(render.out().startsWith("# peve-orders-sink-01\n"), render.out());
        assertTrue(render.out().contains("type: sink"), render.out());
        assertTrue(render.out().contains("errors.deadletterqueue.topic.name = orders-dlq"), render.out());
    }

    @Test
    void sourceOnSelectedEnvironments() throws IOException {
        Cli.Result result = ccc("new", "ccloud-orders-datagen-01", "--class", "DatagenSource", "--env", "dev,local",
                "--root", root.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of("dev-ccloud-orders-datagen-01.json", "dev-vars.yaml",
                "local-ccloud-orders-datagen-01.json", "local-vars.yaml"), files("ccloud-orders-datagen-01"));
        String dev = Repo.read(root.resolve("ccloud-orders-datagen-01/dev-ccloud-orders-datagen-01.json"));
        assertTrue(dev.contains("\"kafka.topic\""), dev);
        assertTrue(dev.contains("\"kafka.auth.mode\""), dev);
        String local = Repo.read(root.resolve("ccloud-orders-datagen-01/local-ccloud-orders-datagen-01.json"));
        assertFalse(local.contains("kafka.auth.mode"), local);
        // DatagenSource exists only on Confluent Cloud: on the Kafka Connect worker, Kafka's file source.
        assertTrue(local.contains("\"connector.class\" : \"org.apache.kafka.connect.file.FileStreamSourceConnector\""),
                local);
        assertTrue(local.contains("\"file\" : \"${file}\""), local);
        String localVars = Repo.read(root.resolve("ccloud-orders-datagen-01/local-vars.yaml"));
        assertFalse(localVars.contains("service_account"), localVars);
        assertTrue(localVars.contains("stands in for DatagenSource"), localVars);
        assertTrue(localVars.contains("file: .ccc/sandbox/ccloud-orders-datagen-01.txt"), localVars);
        Cli.Result validate = ccc("validate", "--root", root.toString());
        assertEquals(0, validate.exitCode(), validate::toString);
        assertTrue(validate.out().endsWith("Valid: 3 connectors in 4 environments (10 configs), 3 warnings.\n"),
                validate.out());
    }

    @Test
    void explicitTypeAndName() {
        Cli.Result result = ccc("new", "orders-mirror", "--class", "com.example.Mirror", "--type", "sink",
                "--name", "peve-mirror-01", "--env", "dev", "--root", root.toString());
        assertEquals(0, result.exitCode(), result::toString);
        String json = Repo.read(root.resolve("orders-mirror/dev-orders-mirror.json"));
        assertTrue(json.contains("\"name\" : \"peve-mirror-01\"") || json.contains("\"name\": \"peve-mirror-01\""), json);
        assertTrue(json.contains("\"topics\""), json);
        assertEquals(0, ccc("validate", "--root", root.toString()).exitCode());
    }

    @Test
    void aJavaClassNameIsKeptOnAKafkaConnectWorker() {
        Cli.Result result = ccc("new", "orders-mirror", "--class", "com.example.MirrorSink", "--env", "local",
                "--root", root.toString());
        assertEquals(0, result.exitCode(), result::toString);
        String json = Repo.read(root.resolve("orders-mirror/local-orders-mirror.json"));
        assertTrue(json.contains("\"connector.class\" : \"com.example.MirrorSink\""), json);
        assertFalse(json.contains("file"), json);
    }

    @Test
    void refusesToOverwriteAndLeavesFilesAlone() {
        assertEquals(0, ccc("new", "ccloud-orders-sink-01", "--class", "AzureBlobSink", "--root", root.toString())
                .exitCode());
        Path vars = root.resolve("ccloud-orders-sink-01/dev-vars.yaml");
        Repo.write(root, "ccloud-orders-sink-01/dev-vars.yaml", "edited: by hand\n");
        Cli.Result again = ccc("new", "ccloud-orders-sink-01", "--class", "DatagenSource", "--root", root.toString());
        assertEquals(1, again.exitCode(), again::toString);
        assertTrue(again.err().contains("refusing to overwrite"), again.err());
        assertTrue(again.err().contains(vars.toString()), again.err());
        assertEquals("edited: by hand\n", Repo.read(vars));
    }

    @Test
    void refusesAnExistingConnectorOfTheExample() {
        Path json = root.resolve("ccloud-datagen-source-connector-01/dev-ccloud-datagen-source-connector-01.json");
        String before = Repo.read(json);
        Cli.Result result = ccc("new", "ccloud-datagen-source-connector-01", "--class", "DatagenSource",
                "--root", root.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertEquals(before, Repo.read(json));
    }

    @Test
    void unknownEnvironmentIsAUsageError() {
        Cli.Result result = ccc("new", "ccloud-x", "--class", "DatagenSource", "--env", "qa", "--root", root.toString());
        assertEquals(64, result.exitCode(), result::toString);
        assertTrue(result.err().contains("unknown environment 'qa'"), result.err());
        assertFalse(Files.exists(root.resolve("ccloud-x")));
    }

    @Test
    void nameOutsideThePrefixIsAnError() {
        Cli.Result result = ccc("new", "ccloud-x", "--class", "DatagenSource", "--name", "other-x",
                "--root", root.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("outside dev's managed prefix 'peve-'"), result.err());
        assertFalse(Files.exists(root.resolve("ccloud-x")));
    }

    @Test
    void badDirectoryNameIsAUsageError() {
        Cli.Result result = ccc("new", "Bad/Dir", "--class", "DatagenSource", "--root", root.toString());
        assertEquals(64, result.exitCode(), result::toString);
        assertTrue(result.err().contains("must be a plain lower-case name"), result.err());
    }

    @Test
    void missingClassIsAUsageError() {
        Cli.Result result = ccc("new", "ccloud-x", "--root", root.toString());
        assertEquals(64, result.exitCode(), result::toString);
        assertTrue(result.err().contains("--class"), result.err());
    }

    @Test
    void brokenCccYamlIsAnError() {
        Repo.write(root, "ccc.yaml", "managed: {}\n");
        Cli.Result result = ccc("new", "ccloud-x", "--class", "DatagenSource", "--root", root.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("cannot scaffold"), result.err());
        assertTrue(result.err().contains("ccc.yaml"), result.err());
    }
}
