package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.engine.migration.ClassMappings;
import ccc.output.Json;
import ccc.testing.Cli;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ccc import for Confluent Cloud, from a worker that answers its list call like a self-managed
 * one (plain-text secrets included): classes mapped, keys renamed or left out and listed, secrets
 * only as Vault references, files that validate, nothing overwritten.
 */
class ImportCommandTest {

    static final String ACCOUNT_KEY = "canary-blob-key-Lp93Xa";
    static final String DB_PASSWORD = "canary-db-pass-Qw82Zr";
    static final String MONGO_PASSWORD = "canary-mongo-pw-Tt51Ke";
    static final String WORKER_PASSWORD = "canary-worker-pw-Hh40Yc";

    @TempDir
    Path root;
    MockWebServer worker;
    volatile String authorization;

    @BeforeEach
    void setUp() throws Exception {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML);
        ObjectNode list = Json.MAPPER.createObjectNode();
        connector(list, "orders-blob-sink", "sink", "RUNNING", Map.of(
                "connector.class", "io.confluent.connect.azure.blob.AzureBlobStorageSinkConnector",
                "topics", "orders", "azblob.account.name", "stpevedev01", "azblob.account.key", ACCOUNT_KEY,
                "azblob.container.name", "landing", "format.class",
                "io.confluent.connect.azure.blob.format.avro.AvroFormat", "partitioner.class",
                "io.confluent.connect.storage.partitioner.TimeBasedPartitioner", "partition.duration.ms", "3600000",
                "value.converter", "io.confluent.connect.avro.AvroConverter",
                "value.converter.schema.registry.url", "http://sr:8081"));
        connector(list, "Sales JDBC", "source", "PAUSED", Map.of(
                "connector.class", "io.confluent.connect.jdbc.JdbcSourceConnector",
                "connection.url", "jdbc:postgresql://db.example.com:5432/sales?user=etl&password=" + DB_PASSWORD,
                "table.whitelist", "orders", "mode", "incrementing", "incrementing.column.name", "id",
                "topic.prefix", "pg-", "consumer.override.max.poll.records", "10", "tasks.max", "1"));
        connector(list, "mongo-sink", "sink", "RUNNING", Map.of(
                "connector.class", "com.mongodb.kafka.connect.MongoSinkConnector", "topics", "events",
                "connection.uri", "mongodb+srv://app:" + MONGO_PASSWORD + "@cluster0.abc.mongodb.net/admin",
                "database", "shop", "collection", "events", "errors.log.enable", "true"));
        connector(list, "pg-cdc", "source", "RUNNING", Map.of(
                "connector.class", "io.debezium.connector.postgresql.PostgresConnector",
                "database.hostname", "db.example.com", "database.dbname", "sales", "database.user", "cdc",
                "database.password", "${file:/opt/secrets.properties:pg}", "database.server.name", "pg",
                "database.history.kafka.topic", "history"));
        String body = list.toString();
        worker = new MockWebServer();
        worker.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                authorization = request.getHeaders().get("Authorization");
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body)
                        .build();
            }
        });
        worker.start();
    }

    @AfterEach
    void tearDown() {
        worker.close();
    }

    static void connector(ObjectNode list, String name, String type, String state, Map<String, String> config) {
        ObjectNode entry = list.putObject(name);
        ObjectNode info = entry.putObject("info");
        info.put("name", name);
        info.put("type", type);
        ObjectNode values = info.putObject("config");
        values.put("name", name);
        config.forEach(values::put);
        ObjectNode status = entry.putObject("status");
        status.put("name", name);
        status.putObject("connector").put("state", state).put("worker_id", "w1");
        status.putArray("tasks");
        status.put("type", type);
    }

    Cli.Result ccc(String... args) {
        Cli.Result result = Cli.run(Map.of("CONNECT_PASSWORD", WORKER_PASSWORD), "",
                Stream.concat(Stream.of(args), Stream.of("--root", root.toString())).toArray(String[]::new));
        for (String canary : List.of(ACCOUNT_KEY, DB_PASSWORD, MONGO_PASSWORD, WORKER_PASSWORD)) {
            assertFalse(result.all().contains(canary), "a secret was printed:\n" + result);
        }
        return result;
    }

    JsonNode json(String relative) throws Exception {
        return Json.MAPPER.readTree(Repo.read(root.resolve(relative)));
    }

    String url() {
        return worker.url("/").toString();
    }

    @Test
    void importsForConfluentCloudWithTheClassMappingAndSecretsInVault() throws Exception {
        Cli.Result imported = ccc("import", "--from", url(), "--env", "dev", "--from-user", "ops",
                "--from-password-env", "CONNECT_PASSWORD", "--output", "json");
        assertEquals(0, imported.exitCode(), imported.toString());
        assertEquals(okhttp3.Credentials.basic("ops", WORKER_PASSWORD), authorization);
        JsonNode report = Json.MAPPER.readTree(imported.out());
        assertTrue(report.path("valid").asBoolean(), imported.toString());
        assertEquals(4, report.path("connectors").size());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Repo.read(file);
                for (String canary : List.of(ACCOUNT_KEY, DB_PASSWORD, MONGO_PASSWORD, WORKER_PASSWORD)) {
                    assertFalse(text.contains(canary), "a secret was written to " + file);
                }
            }
        }

        JsonNode blob = json("ccloud-orders-blob-sink/dev-ccloud-orders-blob-sink.json");
        assertEquals("peve-orders-blob-sink", blob.path("name").asText());
        JsonNode plain = blob.path("config_nonsensitive");
        assertEquals("AzureBlobSink", plain.path("connector.class").asText());
        assertEquals("AVRO", plain.path("output.data.format").asText());
        assertEquals("AVRO", plain.path("input.data.format").asText());
        assertEquals("TimeBasedPartitioner", plain.path("partitioner.class").asText());
        assertEquals("HOURLY", plain.path("time.interval").asText());
        assertEquals("SERVICE_ACCOUNT", plain.path("kafka.auth.mode").asText());
        assertFalse(plain.has("value.converter.schema.registry.url") || plain.has("format.class"), plain.toString());
        assertEquals("${vault:secret/peve/orders-blob-sink#azblob_account_key}",
                blob.path("config_sensitive").path("azblob.account.key").asText());
        assertTrue(blob.path("config_sensitive").has("azblob.account.name"), "a PASSWORD key of AzureBlobSink");
        String vars = Repo.read(root.resolve("ccloud-orders-blob-sink/dev-vars.yaml"));
        assertTrue(vars.contains("service_account: SA_CHANGE_ME"), vars);
        assertTrue(vars.contains("secret/peve/orders-blob-sink#azblob_account_key  <- azblob.account.key"), vars);

        JsonNode jdbc = json("ccloud-sales-jdbc/dev-ccloud-sales-jdbc.json").path("config_nonsensitive");
        assertEquals("PostgresSource", jdbc.path("connector.class").asText());
        assertEquals("db.example.com", jdbc.path("connection.host").asText());
        assertEquals("5432", jdbc.path("connection.port").asText());
        assertEquals("sales", jdbc.path("db.name").asText());
        assertEquals("etl", jdbc.path("connection.user").asText());
        assertFalse(jdbc.has("connection.url") || jdbc.has("consumer.override.max.poll.records"), jdbc.toString());
        assertEquals("${vault:secret/peve/sales-jdbc#connection_password}",
                json("ccloud-sales-jdbc/dev-ccloud-sales-jdbc.json").path("config_sensitive").path("connection.password")
                        .asText());
        assertTrue(Repo.read(root.resolve("ccloud-sales-jdbc/dev-vars.yaml")).contains("status: PAUSED"));

        JsonNode mongo = json("ccloud-mongo-sink/dev-ccloud-mongo-sink.json");
        assertEquals("MongoDbAtlasSink", mongo.path("config_nonsensitive").path("connector.class").asText());
        assertEquals("cluster0.abc.mongodb.net", mongo.path("config_nonsensitive").path("connection.host").asText());
        assertEquals("MONGODB_ATLAS", mongo.path("config_nonsensitive").path("mongodb.instance.type").asText());
        assertTrue(mongo.path("config_sensitive").has("connection.password"), mongo.toString());

        JsonNode cdc = json("ccloud-pg-cdc/dev-ccloud-pg-cdc.json");
        assertEquals("PostgresCdcSourceV2", cdc.path("config_nonsensitive").path("connector.class").asText());
        assertEquals("pg", cdc.path("config_nonsensitive").path("topic.prefix").asText());
        assertFalse(cdc.path("config_nonsensitive").has("database.history.kafka.topic"), cdc.toString());
        assertTrue(cdc.path("config_sensitive").path("database.password").asText().startsWith("${vault:"));

        JsonNode leftOut = null;
        for (JsonNode each : report.path("connectors")) {
            if (each.path("source").asText().equals("orders-blob-sink")) {
                leftOut = each.path("left_out");
            }
        }
        assertTrue(leftOut.toString().contains("value.converter.schema.registry.url"), leftOut.toString());
        assertEquals(0, Cli.run("validate", "--env", "dev", "--root", root.toString()).exitCode());

        Cli.Result text = ccc("import", "--from", url(), "--env", "dev", "mongo-sink");
        assertEquals(1, text.exitCode(), "never overwrites:\n" + text);
        assertTrue(text.out().contains("refusing to overwrite"), text.toString());
    }

    @Test
    void textNamesTheVaultPathsToFillAndAnUnknownNameGetsSuggestions() {
        Cli.Result text = ccc("import", "--from", url(), "--env", "dev", "orders-blob-sink");
        assertEquals(0, text.exitCode(), text.toString());
        String put = text.out().lines().filter(line -> line.contains("vault kv put")).findFirst().orElse("");
        assertTrue(put.startsWith("  vault kv put secret/peve/orders-blob-sink ") && put.contains(" azblob_account_name=...")
                && put.contains(" azblob_account_key=..."), text.toString());
        assertTrue(text.out().contains("- value.converter.schema.registry.url left out"), text.toString());
        assertTrue(text.out().contains("! azblob.account.key  <-  ${vault:secret/peve/orders-blob-sink#azblob_account_key}"),
                text.toString());
        Cli.Result unknown = ccc("import", "--from", url(), "--env", "dev", "orders-blob-snk");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("orders-blob-sink"), unknown.toString());
    }

    @Test
    void theReadmeTableListsEveryClassMapping() {
        String readme = Repo.read(Path.of("README.md"));
        for (ClassMappings.Mapping mapping : ClassMappings.ALL) {
            assertTrue(readme.contains("| `" + mapping.selfManaged() + "` | " + mapping.fullyManaged() + " |"),
                    "README's mapping table lacks " + mapping.selfManaged());
        }
    }
}
