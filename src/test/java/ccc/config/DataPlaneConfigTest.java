package ccc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Repo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka REST and Schema Registry settings of an environment, which {@code ccc doctor} reads. */
class DataPlaneConfigTest {

    @TempDir
    Path root;

    private ProjectConfigLoader.Result load(String environmentKeys) {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML + environmentKeys);
        return ProjectConfigLoader.load(root);
    }

    @Test
    void everyKeyIsRead() {
        ProjectConfigLoader.Result result = load("""
                    kafka_rest_url: https://pkc-12345.westeurope.azure.confluent.cloud:443/
                    kafka_credentials:
                      api_key: ${vault:secret/peve/kafka#api_key}
                      api_secret: ${vault:secret/peve/kafka#api_secret}
                    schema_registry_url: https://psrc-12345.westeurope.azure.confluent.cloud
                    schema_registry_cluster_id: lsrc-abc12
                    schema_registry_credentials:
                      api_key: ${vault:secret/peve/sr#api_key}
                      api_secret: ${vault:secret/peve/sr#api_secret}
                """);
        assertEquals(List.of(), result.problems());
        assertEquals(new DataPlane("https://pkc-12345.westeurope.azure.confluent.cloud:443",
                new DataPlane.Credentials("${vault:secret/peve/kafka#api_key}", "${vault:secret/peve/kafka#api_secret}"),
                "https://psrc-12345.westeurope.azure.confluent.cloud",
                new DataPlane.Credentials("${vault:secret/peve/sr#api_key}", "${vault:secret/peve/sr#api_secret}"),
                "lsrc-abc12"), result.config().environments().get("dev").dataPlane());
    }

    @Test
    void everyKeyIsOptional() {
        ProjectConfigLoader.Result result = load("");
        assertEquals(List.of(), result.problems());
        assertEquals(DataPlane.NONE, result.config().environments().get("dev").dataPlane());
    }

    @Test
    void mistakesAreLocatedAndEachReported() {
        ProjectConfigLoader.Result result = load("""
                    kafka_rest_url: pkc-12345.westeurope.azure.confluent.cloud:443
                    kafka_credentials:
                      api_key: PLAINKEY
                      api_secret: ${vault:secret/peve/kafka#api_secret}
                      password: x
                    schema_registry_cluster_id: psrc-12345
                    schema_registry_credentials:
                      api_key: ${vault:secret/peve/sr#api_key}
                """);
        assertNull(result.config());
        List<String> where = result.problems().stream().map(p -> p.location().pointer() + ": " + p.message()).toList();
        assertEquals(5, where.size(), where.toString());
        assertTrue(where.get(0).startsWith("/environments/dev/kafka_rest_url: "), where.toString());
        assertTrue(where.stream().anyMatch(p -> p.startsWith("/environments/dev/kafka_credentials/password")), where.toString());
        assertTrue(where.stream().anyMatch(p -> p.startsWith("/environments/dev/kafka_credentials/api_key: expected exactly one Vault reference")),
                where.toString());
        assertTrue(where.stream().anyMatch(p -> p.contains("'psrc-12345' is not a Schema Registry id")), where.toString());
        assertTrue(where.stream().anyMatch(p -> p.startsWith("/environments/dev/schema_registry_credentials: 'api_secret' is missing")),
                where.toString());
        result.problems().forEach(problem -> assertTrue(problem.location().line() > 0, problem.where()));
    }

    @Test
    void aSelfManagedWorkerMayNameARestProxyAndARegistry() {
        Repo.write(root, "ccc.yaml", """
                managed:
                  name_prefix: peve-
                environments:
                  local:
                    target: kafka-connect
                    connect_url: http://localhost:8083
                    kafka_rest_url: http://localhost:8082
                    schema_registry_url: http://localhost:8081
                """);
        ProjectConfig config = ProjectConfigLoader.load(root).config();
        assertNotNull(config);
        assertEquals("http://localhost:8082", config.environments().get("local").dataPlane().kafkaRestUrl());
        assertEquals("http://localhost:8081", config.environments().get("local").dataPlane().schemaRegistryUrl());
    }
}
