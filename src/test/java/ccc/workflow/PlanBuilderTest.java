package ccc.workflow;

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
        PlanBuilder.registerPlainSecrets(List.of(actual), List.of(desired), registry);
        assertEquals("******** ******** ******** orders-topic ********",
                registry.scrub("declared-secret-1 removed-secret-22 removed-key-333 orders-topic ********"));
    }
}
