package ccc.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connector as the repository declares it for one environment, after merging the JSON with its
 * vars: non-sensitive values are final; sensitive ones may still hold Vault references.
 *
 * @param serviceAccount the reserved var {@code service_account} (a display name or an sa- id),
 *     or null; it becomes {@code kafka.service.account.id} once resolved
 */
public record DesiredConnector(
        String name,
        String directory,
        String environment,
        Map<String, String> config,
        Map<String, Template> sensitive,
        DeclaredState state,
        String serviceAccount,
        Path jsonFile,
        Path varsFile) {

    public static final String SERVICE_ACCOUNT_KEY = "kafka.service.account.id";

    public DesiredConnector {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        sensitive = Collections.unmodifiableMap(new LinkedHashMap<>(sensitive));
    }

    public String connectorClass() {
        return config.get("connector.class");
    }

    public ConnectorKind kind() {
        return ConnectorKind.of(config);
    }

    /** True when the service account must still be looked up by display name. */
    public boolean needsServiceAccountLookup() {
        return serviceAccount != null && !config.containsKey(SERVICE_ACCOUNT_KEY);
    }

    /** The same connector without the given keys (keys its class does not define, for one). */
    public DesiredConnector withoutKeys(java.util.Set<String> keys) {
        Map<String, String> kept = new LinkedHashMap<>(config);
        Map<String, Template> keptSensitive = new LinkedHashMap<>(sensitive);
        kept.keySet().removeAll(keys);
        keptSensitive.keySet().removeAll(keys);
        return new DesiredConnector(name, directory, environment, kept, keptSensitive, state, serviceAccount,
                jsonFile, varsFile);
    }

    public DesiredConnector withConfigEntry(String key, String value) {
        Map<String, String> merged = new LinkedHashMap<>(config);
        merged.put(key, value);
        return new DesiredConnector(name, directory, environment, merged, sensitive, state, serviceAccount,
                jsonFile, varsFile);
    }
}
