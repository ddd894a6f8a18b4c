package ccc.target;

import java.util.Map;

/** The process environment as sessions read it: a blank variable counts as unset. */
record Environment(Map<String, String> variables) {

    static final String API_KEY = "CONFLUENT_CLOUD_API_KEY";
    static final String API_SECRET = "CONFLUENT_CLOUD_API_SECRET";
    static final String API_URL = "CONFLUENT_CLOUD_API_URL";
    static final String DIGEST_KEY = "CCC_DIGEST_KEY";

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
