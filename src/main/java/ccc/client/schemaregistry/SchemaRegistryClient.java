package ccc.client.schemaregistry;

import ccc.CccException;
import ccc.client.ApiException;
import ccc.client.ApiHttp;
import ccc.client.HttpSettings;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/** A Schema Registry's REST API (Confluent Cloud's, with a Schema Registry API key, or a self-managed one). */
public final class SchemaRegistryClient {

    private final ApiHttp http;
    private final HttpUrl base;

    /** @param apiKey null for a registry that wants no authentication */
    public SchemaRegistryClient(String url, String apiKey, String apiSecret, HttpSettings settings,
                                SecretRegistry secrets) {
        HttpUrl root = HttpUrl.parse(url == null ? "" : url);
        if (root == null) {
            throw CccException.usage("Schema Registry URL '" + url + "' is not an http(s) URL.");
        }
        secrets.register(apiSecret);
        this.base = root;
        this.http = new ApiHttp(settings, secrets, apiKey == null ? null : Credentials.basic(apiKey, apiSecret),
                "Check SCHEMA_REGISTRY_API_KEY and SCHEMA_REGISTRY_API_SECRET (or schema_registry_credentials in "
                        + "ccc.yaml): they must be an API key of this Schema Registry.");
    }

    /** Every subject that has a schema registered ({@code GET /subjects}: one JSON list of names). */
    public Set<String> subjects() {
        String operation = "listing Schema Registry subjects";
        JsonNode list = http.call(operation, ApiHttp.Retry.REPEATABLE, "GET",
                base.newBuilder().addPathSegment("subjects").build(), null);
        if (!list.isArray()) {
            throw new ApiException(operation, 200, "unexpected answer: expected a list of subject names");
        }
        Set<String> subjects = new TreeSet<>();
        list.forEach(subject -> subjects.add(subject.asText()));
        return Collections.unmodifiableSet(subjects);
    }
}
