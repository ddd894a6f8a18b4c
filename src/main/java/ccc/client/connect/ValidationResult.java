package ccc.client.connect;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PUT /connector-plugins/{plugin}/config/validate: 200 even when invalid; errors per key, and every
 * key the plugin defines ({@code configs[].definition.name}): a key outside that set is dropped by
 * Confluent Cloud.
 */
public record ValidationResult(int errorCount, Map<String, List<String>> errors, Set<String> definedKeys) {

    public ValidationResult {
        errors = Map.copyOf(errors);
        definedKeys = Set.copyOf(definedKeys);
    }

    public ValidationResult(int errorCount, Map<String, List<String>> errors) {
        this(errorCount, errors, Set.of());
    }

    public boolean valid() {
        return errorCount == 0;
    }
}
