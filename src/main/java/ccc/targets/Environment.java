package ccc.targets;

import java.util.Map;

/** The process environment as sessions read it: a blank variable counts as unset. */
record Environment(Map<String, String> variables) {

    static final String API_KEY = "CONFLUENT_CLOUD_API_KEY";
    static final String API_SECRET = "CONFLUENT_CLOUD_API_SECRET";
    static final String API_URL = "CONFLUENT_CLOUD_API_URL";
    static final String DIGEST_KEY = "CCC_DIGEST_KEY";
    // The data plane, with the names the Terraform provider reads.
    static final String KAFKA_REST_ENDPOINT = "KAFKA_REST_ENDPOINT";
    static final String KAFKA_API_KEY = "KAFKA_API_KEY";
    static final String KAFKA_API_SECRET = "KAFKA_API_SECRET";
    static final String SCHEMA_REGISTRY_REST_ENDPOINT = "SCHEMA_REGISTRY_REST_ENDPOINT";
    static final String SCHEMA_REGISTRY_API_KEY = "SCHEMA_REGISTRY_API_KEY";
    static final String SCHEMA_REGISTRY_API_SECRET = "SCHEMA_REGISTRY_API_SECRET";
    static final String SCHEMA_REGISTRY_ID = "SCHEMA_REGISTRY_ID";

    Environment {
        variables = Map.copyOf(variables);
    }

    Map<String, String> asMap() {
        return variables;
    }

    String get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
