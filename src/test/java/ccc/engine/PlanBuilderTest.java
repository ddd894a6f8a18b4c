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
}
