package ccc.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repository-wide settings of ccc.yaml.
 *
 * @param namePrefix the global {@code managed.name_prefix}; an environment may have its own, so what is managed in
 *                   an environment is {@link #namePrefix(String)} / {@link #isManaged(String, String)}
 * @param ignoreKeys config keys (a trailing * makes a prefix) that no diff counts, besides the
 *     server keys ccc knows
 * @param digestStore a Vault KV path where ccc keeps its keyed digests of sensitive values when the
 *     cluster drops its digest key, or null
 * @param timeouts how long any remote may take to connect and to answer
 * @param policies the standards every connector must meet, checked by validate and plan
 */
public record ProjectConfig(
        Path file,
        String namePrefix,
        String apiUrl,
        CloudCredentials credentials,
        Limits limits,
        DlqSettings dlq,
        SensitiveMode sensitiveMode,
        String digestKeyReference,
        Map<String, EnvironmentConfig> environments,
        List<String> ignoreKeys,
        String digestStore,
        Timeouts timeouts,
        Policies policies) {

    public static final String DEFAULT_API_URL = "https://api.confluent.cloud";

    /** Vault references for the Cloud API key and secret, for teams that keep no CI secrets. */
    public record CloudCredentials(String apiKeyReference, String apiSecretReference) {
    }

    public ProjectConfig {
        Map<String, EnvironmentConfig> effective = new LinkedHashMap<>();
        for (Map.Entry<String, EnvironmentConfig> entry : environments.entrySet()) {
            EnvironmentConfig environment = entry.getValue();
            effective.put(entry.getKey(),
                    environment.namePrefix() == null ? environment.withNamePrefix(namePrefix) : environment);
        }
        environments = Collections.unmodifiableMap(effective);
        ignoreKeys = List.copyOf(ignoreKeys);
        timeouts = timeouts == null ? Timeouts.DEFAULT : timeouts;
        policies = policies == null ? Policies.NONE : policies;
    }

    /** Without timeouts and policies. */
    public ProjectConfig(Path file, String namePrefix, String apiUrl, CloudCredentials credentials, Limits limits,
                         DlqSettings dlq, SensitiveMode sensitiveMode, String digestKeyReference,
                         Map<String, EnvironmentConfig> environments, List<String> ignoreKeys, String digestStore) {
        this(file, namePrefix, apiUrl, credentials, limits, dlq, sensitiveMode, digestKeyReference, environments,
                ignoreKeys, digestStore, Timeouts.DEFAULT, Policies.NONE);
    }

    /** Without ignore_keys and without a digest store. */
    public ProjectConfig(Path file, String namePrefix, String apiUrl, CloudCredentials credentials, Limits limits,
                         DlqSettings dlq, SensitiveMode sensitiveMode, String digestKeyReference,
                         Map<String, EnvironmentConfig> environments) {
        this(file, namePrefix, apiUrl, credentials, limits, dlq, sensitiveMode, digestKeyReference, environments,
                List.of(), null, Timeouts.DEFAULT, Policies.NONE);
    }

    /** The prefix of the names ccc manages in this environment: its own name_prefix, else the global one. */
    public String namePrefix(String environment) {
        EnvironmentConfig config = environments.get(environment);
        return config == null ? namePrefix : config.namePrefix();
    }

    /** Whether ccc may touch this connector in this environment: its name starts with the environment's prefix. */
    public boolean isManaged(String environment, String connectorName) {
        return connectorName != null && connectorName.startsWith(namePrefix(environment));
    }

    /**
     * Whether the name starts with the global prefix. Where an environment is known, use
     * {@link #isManaged(String, String)}: an environment may have a prefix of its own.
     */
    public boolean isManaged(String connectorName) {
        return connectorName != null && connectorName.startsWith(namePrefix);
    }
}
