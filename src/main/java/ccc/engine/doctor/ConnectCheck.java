package ccc.engine.doctor;

import ccc.config.DesiredConnector;
import ccc.engine.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * connect-reachable: the Connect API answers with this session's credentials; plugin-offered: it offers the
 * connector's class (on a self-managed worker also by its short names, as Kafka Connect accepts them).
 */
final class ConnectCheck {

    static final String REACHABLE = "connect-reachable";
    static final String OFFERED = "plugin-offered";

    private final EnvironmentFacts facts;

    ConnectCheck(EnvironmentFacts facts) {
        this.facts = facts;
    }

    /** Why the class cannot be asked anything, or null when it can. */
    String unavailable(DesiredConnector connector) {
        Fact<Set<String>> plugins = facts.plugins();
        if (!plugins.known()) {
            return "the Connect API could not be reached (see " + REACHABLE + ")";
        }
        String connectorClass = connector.connectorClass();
        return connectorClass != null && offered(connectorClass, plugins.value()) ? null
                : "the class is not offered (see " + OFFERED + ")";
    }

    List<CheckResult> run(DesiredConnector connector) {
        List<CheckResult> results = new ArrayList<>();
        Fact<Set<String>> plugins = facts.plugins();
        if (!plugins.known()) {
            results.add(CheckResult.failed(REACHABLE, facts.location(), plugins.why()));
            results.add(CheckResult.notRun(OFFERED, String.valueOf(connector.connectorClass()),
                    "the Connect API could not be reached"));
            return results;
        }
        results.add(CheckResult.passed(REACHABLE, facts.location(), plugins.value().size() + " connector classes offered"));
        String connectorClass = connector.connectorClass();
        if (connectorClass == null) {
            results.add(CheckResult.failed(OFFERED, "connector.class", "the config has no connector.class"));
        } else if (offered(connectorClass, plugins.value())) {
            results.add(CheckResult.passed(OFFERED, connectorClass, "offered"));
        } else {
            results.add(CheckResult.failed(OFFERED, connectorClass, "the cluster does not offer " + connectorClass
                    + Suggestions.closest(connectorClass, List.copyOf(plugins.value())) + " Fix connector.class in "
                    + connector.jsonFile() + ", or install the plugin"));
        }
        return results;
    }

    /** The class itself, or on a self-managed worker its simple name, with or without "Connector". */
    static boolean offered(String connectorClass, Set<String> plugins) {
        for (String plugin : plugins) {
            String simple = plugin.substring(plugin.lastIndexOf('.') + 1);
            if (plugin.equals(connectorClass) || simple.equals(connectorClass)
                    || (simple.endsWith("Connector") && simple.substring(0, simple.length() - "Connector".length())
                    .equals(connectorClass))) {
                return true;
            }
        }
        return false;
    }
}
