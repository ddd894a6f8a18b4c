package ccc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ccc.config.DeclaredState;
import ccc.config.DesiredConnector;
import ccc.config.Template;
import ccc.plan.ActualConnectorState;
import ccc.secret.SecretRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {

    @Test
    void plainSecretsFromASelfManagedWorkerAreMaskedBeforeAnythingIsPrinted() {
        DesiredConnector desired = new DesiredConnector("peve-a", "dir", "local",
                Map.of("connector.class", "JdbcSink"), Map.of("connection.password", Template.literal("x")),
                DeclaredState.RUNNING, null, Path.of("a.json"), Path.of("a.yaml"));
        ActualConnectorState actual = new ActualConnectorState("peve-a", null, Map.of(
                "connector.class", "JdbcSink",
                "connection.password", "declared-secret-1",
                "old.api.secret", "removed-secret-22",
                "ssl.key", "removed-key-333",
                "masked.password", "********",
                "topics", "orders-topic"), "RUNNING");
        SecretRegistry registry = new SecretRegistry();
        ActualConnectorState safe = PlanBuilder.protectSecrets(List.of(actual), List.of(desired), registry).get(0);
        assertEquals("******** ******** ******** orders-topic ********",
                registry.scrub("declared-secret-1 removed-secret-22 removed-key-333 orders-topic ********"));
        assertEquals("********", safe.config().get("connection.password"));
        assertEquals("********", safe.config().get("old.api.secret"));
        assertEquals("orders-topic", safe.config().get("topics"));
        assertEquals("{connection.password=********}", registry.scrub("{connection.password=whatever-it-was}"));
    }

    @Test
    void aSecretLookingKeyDeclaredNonSensitiveStaysComparable() {
        DesiredConnector desired = new DesiredConnector("peve-a", "dir", "local",
                Map.of("connector.class", "X", "ssl.key", "plain-value"), Map.of(),
                DeclaredState.RUNNING, null, Path.of("a.json"), Path.of("a.yaml"));
        ActualConnectorState actual = new ActualConnectorState("peve-a", null,
                Map.of("connector.class", "X", "ssl.key", "old-plain-value"), "RUNNING");
        ActualConnectorState safe = PlanBuilder.protectSecrets(List.of(actual), List.of(desired),
                new SecretRegistry()).get(0);
        assertEquals("old-plain-value", safe.config().get("ssl.key"));
    }

    @Test
    void aServerKeyIsNeverASecretBecauseOfItsName() {
        ActualConnectorState actual = new ActualConnectorState("peve-a", null, Map.of(
                "connector.class", "AzureBlobSink",
                "valid.kafka.api.key", "true",
                "schema.registry.url", "https://psrc-1.westeurope.azure.confluent.cloud",
                "old.api.secret", "true"), "RUNNING");
        SecretRegistry registry = new SecretRegistry();
        ActualConnectorState safe = PlanBuilder.protectSecrets(List.of(actual), List.of(), registry).get(0);
        assertEquals("true", safe.config().get("valid.kafka.api.key"));
        assertEquals("********", safe.config().get("old.api.secret"), "an undeclared secret-like key stays masked");
        assertEquals("{\"valid.kafka.api.key\": \"true\", \"errors.log.enable\": \"true\"}",
                registry.scrub("{\"valid.kafka.api.key\": \"true\", \"errors.log.enable\": \"true\"}"));
    }

    @Test
    void aLiteralSensitiveValueOfTheRepositoryIsScrubbedWhereverItIsEchoed() {
        DesiredConnector desired = new DesiredConnector("peve-a", "dir", "dev",
                Map.of("connector.class", "PostgresSource"),
                Map.of("connection.password", Template.literal("repo-literal-s3cret"),
                        "connection.user", Template.literal("true")),
                DeclaredState.RUNNING, null, Path.of("a.json"), Path.of("a.yaml"));
        SecretRegistry registry = new SecretRegistry();
        PlanBuilder.protectSecrets(List.of(), List.of(desired), registry);
        assertEquals("FATAL: authentication failed for user with ******** (sensitive: true)",
                registry.scrub("FATAL: authentication failed for user with repo-literal-s3cret (sensitive: true)"));
    }

    @Test
    void plainSecretsAWorkerReturnsUnderKeysNoRepositoryDeclaresAreMaskedByKeyOrValue() {
        ActualConnectorState actual = new ActualConnectorState("peve-a", null, Map.of(
                "connector.class", "JdbcSink",
                "consumer.override.sasl.jaas.config", "PlainLoginModule required username=\"u\" password=\"CANARYjaas42\";",
                "value.converter.basic.auth.user.info", "sr-user:CANARYsr99",
                "topics", "orders-topic"), "RUNNING");
        SecretRegistry registry = new SecretRegistry();
        ActualConnectorState safe = PlanBuilder.protectSecrets(List.of(actual), List.of(), registry).get(0);
        assertEquals(SecretRegistry.MASK, safe.config().get("consumer.override.sasl.jaas.config"));
        assertEquals(SecretRegistry.MASK, safe.config().get("value.converter.basic.auth.user.info"));
        assertEquals("orders-topic", safe.config().get("topics"));
        org.junit.jupiter.api.Assertions.assertFalse(registry.scrub("echo: sr-user:CANARYsr99").contains("CANARY"),
                "the value joins the scrubber, for traces that echo it");
    }
}
