package ccc.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repository-wide settings of ccc.yaml.
 *
 * @param ignoreKeys config keys (a trailing * makes a prefix) that no diff counts, besides the
 *     server keys ccc knows
 * @param digestStore a Vault KV path where ccc keeps its keyed digests of sensitive values when the
 *     cluster drops its digest key, or null
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
        String digestStore) {

    public static final String DEFAULT_API_URL = "https://api.confluent.cloud";

    /** Vault references for the Cloud API key and secret, for teams that keep no CI secrets. */
    public record CloudCredentials(String apiKeyReference, String apiSecretReference) {
    }

    public ProjectConfig {
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        ignoreKeys = List.copyOf(ignoreKeys);
    }

    /** Without ignore_keys and without a digest store. */
    public ProjectConfig(Path file, String namePrefix, String apiUrl, CloudCredentials credentials, Limits limits,
                         DlqSettings dlq, SensitiveMode sensitiveMode, String digestKeyReference,
                         Map<String, EnvironmentConfig> environments) {
        this(file, namePrefix, apiUrl, credentials, limits, dlq, sensitiveMode, digestKeyReference, environments,
                List.of(), null);
    }

    public boolean isManaged(String connectorName) {
        return connectorName != null && connectorName.startsWith(namePrefix);
    }
}
