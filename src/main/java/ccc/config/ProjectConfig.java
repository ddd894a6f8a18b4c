package ccc.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The repository-wide settings of ccc.yaml. */
public record ProjectConfig(
        Path file,
        String namePrefix,
        String apiUrl,
        CloudCredentials credentials,
        Limits limits,
        DlqSettings dlq,
        SensitiveMode sensitiveMode,
        String digestKeyReference,
        Map<String, EnvironmentConfig> environments) {

    public static final String DEFAULT_API_URL = "https://api.confluent.cloud";

    /** Vault references for the Cloud API key and secret, for teams that keep no CI secrets. */
    public record CloudCredentials(String apiKeyReference, String apiSecretReference) {
    }

    public ProjectConfig {
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    }

    public boolean isManaged(String connectorName) {
        return connectorName != null && connectorName.startsWith(namePrefix);
    }
}
