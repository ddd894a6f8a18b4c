package ccc.config;

import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A connector as the policies of ccc.yaml see it, the same for {@code validate} (the rendered files) and
 * {@code plan} (the desired state it plans): the JSON document
 * <pre>{"name", "directory", "environment", "kind": "sink"|"source", "class", "status": "RUNNING"|"PAUSED",
 *  "config": {key: value as a string; a sensitive value is hidden},
 *  "numbers": {key: the value as a number, for non-sensitive values that are numbers}}</pre>
 *
 * @param sensitiveKeys keys whose values are secret: the document says they are set, never what they hold
 */
public record PolicySubject(String name, String directory, String environment, Map<String, String> config,
                            Set<String> sensitiveKeys, DeclaredState state) {

    private static final Pattern NUMBER = Pattern.compile("\\s*-?[0-9]+(\\.[0-9]+)?\\s*");

    public PolicySubject {
        config = Map.copyOf(config);
        sensitiveKeys = Set.copyOf(sensitiveKeys);
    }

    /** The subject of a connector rendered from the repository. */
    public static PolicySubject of(DesiredConnector connector) {
        return new PolicySubject(connector.name(), connector.directory(), connector.environment(), connector.config(),
                connector.sensitive().keySet(), connector.state());
    }

    public ConnectorKind kind() {
        return ConnectorKind.of(config);
    }

    public JsonNode document() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", name);
        root.put("directory", directory);
        root.put("environment", environment);
        root.put("kind", kind().id());
        root.put("class", config.getOrDefault("connector.class", ""));
        root.put("status", state == null ? DeclaredState.RUNNING.name() : state.name());
        ObjectNode values = root.putObject("config");
        ObjectNode numbers = root.putObject("numbers");
        Map<String, String> sorted = new TreeMap<>(config);
        sensitiveKeys.forEach(key -> sorted.put(key, SecretRegistry.MASK));
        sorted.forEach((key, value) -> {
            values.put(key, value);
            if (!sensitiveKeys.contains(key) && NUMBER.matcher(value).matches()) {
                numbers.put(key, new BigDecimal(value.trim()));
            }
        });
        return root;
    }
}
