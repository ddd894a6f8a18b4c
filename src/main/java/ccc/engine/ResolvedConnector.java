package ccc.engine;

import ccc.config.DesiredConnector;
import ccc.plan.DesiredConnectorState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A desired connector with its secrets and service account resolved: {@code config} is exactly
 * what apply sends (it holds secrets and is never printed); {@code planned} is what the plan
 * engine sees (digests instead of secrets).
 */
public record ResolvedConnector(DesiredConnector source, Map<String, String> config, DesiredConnectorState planned) {

    public ResolvedConnector {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    public String name() {
        return source.name();
    }

    public Set<String> sensitiveKeys() {
        return source.sensitive().keySet();
    }
}
