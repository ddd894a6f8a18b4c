package ccc.engine.doctor;

import ccc.CccException;
import ccc.client.connect.ValidationResult;
import ccc.config.DesiredConnector;
import ccc.engine.Suggestions;
import ccc.plan.SensitiveDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * config-valid: the plugin's validate call accepts the config as apply would send it, each field error shown;
 * key-defined (where the service drops keys a class does not define, as Confluent Cloud does): every key is one
 * the class defines.
 */
final class ValidateCheck {

    static final String VALID = "config-valid";
    static final String DEFINED = "key-defined";

    private final EnvironmentFacts facts;
    private final boolean dropsUndefinedKeys;

    ValidateCheck(EnvironmentFacts facts, boolean dropsUndefinedKeys) {
        this.facts = facts;
        this.dropsUndefinedKeys = dropsUndefinedKeys;
    }

    /**
     * @param config       the config as apply would send it (secrets and service account resolved), or null
     * @param unavailable  why the class cannot be asked, or why the config cannot be complete; null when it can
     */
    List<CheckResult> run(DesiredConnector connector, Map<String, String> config, String unavailable) {
        String connectorClass = String.valueOf(connector.connectorClass());
        List<CheckResult> results = new ArrayList<>();
        if (unavailable != null) {
            results.add(CheckResult.notRun(VALID, connectorClass, unavailable));
            if (dropsUndefinedKeys) {
                results.add(CheckResult.notRun(DEFINED, connectorClass, unavailable));
            }
            return results;
        }
        ValidationResult answer;
        try {
            answer = facts.prerequisites().validate(connectorClass, config, connector.sensitive().keySet());
        } catch (CccException e) {
            results.add(CheckResult.notRun(VALID, connectorClass, e.getMessage()));
            if (dropsUndefinedKeys) {
                results.add(CheckResult.notRun(DEFINED, connectorClass, e.getMessage()));
            }
            return results;
        }
        results.addAll(fieldErrors(connector, answer));
        if (dropsUndefinedKeys) {
            results.addAll(undefinedKeys(connector, config, answer.definedKeys()));
        }
        return results;
    }

    private static List<CheckResult> fieldErrors(DesiredConnector connector, ValidationResult answer) {
        String connectorClass = connector.connectorClass();
        if (answer.valid()) {
            return List.of(CheckResult.passed(VALID, connectorClass, "the plugin's validate call accepts the config"));
        }
        List<CheckResult> results = new ArrayList<>();
        answer.errors().forEach((key, messages) -> results.add(CheckResult.failed(VALID,
                key.isEmpty() ? connectorClass : key, String.join("; ", messages) + " (" + connector.jsonFile() + ")")));
        if (results.isEmpty()) {
            results.add(CheckResult.failed(VALID, connectorClass, "the plugin's validate call counts " + answer.errorCount()
                    + " error" + (answer.errorCount() == 1 ? "" : "s") + " but names no key"));
        }
        return results;
    }

    private static List<CheckResult> undefinedKeys(DesiredConnector connector, Map<String, String> config,
                                                   Set<String> defined) {
        String connectorClass = connector.connectorClass();
        if (defined.isEmpty()) {
            return List.of(CheckResult.notRun(DEFINED, connectorClass, "the validate answer names no key of the class"));
        }
        Set<String> undefined = new TreeSet<>(config.keySet());
        undefined.removeAll(defined);
        undefined.removeAll(Set.of("name", "connector.class", SensitiveDigest.CONFIG_KEY));
        if (undefined.isEmpty()) {
            return List.of(CheckResult.passed(DEFINED, connectorClass, "every key is one " + connectorClass + " defines"));
        }
        List<CheckResult> results = new ArrayList<>();
        for (String key : undefined) {
            results.add(CheckResult.failed(DEFINED, key, "not a key of " + connectorClass + ": Confluent Cloud accepts "
                    + "it and drops it silently" + Suggestions.closest(key, List.copyOf(defined)) + " Remove it from "
                    + connector.jsonFile() + ", or fix its spelling"));
        }
        return results;
    }
}
