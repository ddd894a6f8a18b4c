package ccc.client.kafkarest;

import ccc.CccException;
import ccc.client.ApiHttp;
import ccc.client.HttpSettings;
import ccc.client.Pager;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/**
 * The Kafka REST API v3 of one cluster ({@code {rest}/kafka/v3/clusters/{cluster}/...}): Confluent Cloud's
 * REST endpoint, with a Kafka API key of that cluster (not a Cloud API key), or a REST proxy in front of a
 * self-managed cluster. Lists are paged as IAM's are, and followed only as safely (see {@link Pager}).
 */
public final class KafkaRestClient {

    /** 100 pages: far more than a cluster's topic list, which Confluent Cloud answers in one page. */
    static final int MAX_PAGES = 100;

    private final ApiHttp http;
    private final HttpUrl base;
    private final String clusterId;
    private final Pager pager;

    /**
     * @param clusterId the cluster (lkc-...), or null to ask the endpoint, which must then serve exactly one
     * @param apiKey    null for an endpoint that wants no authentication (a local REST proxy)
     */
    public KafkaRestClient(String restUrl, String clusterId, String apiKey, String apiSecret, HttpSettings settings,
                           SecretRegistry secrets) {
        HttpUrl root = HttpUrl.parse(restUrl == null ? "" : restUrl);
        if (root == null) {
            throw CccException.usage("Kafka REST URL '" + restUrl + "' is not an http(s) URL.");
        }
        secrets.register(apiSecret);
        this.base = root;
        this.clusterId = clusterId;
        this.http = new ApiHttp(settings, secrets, apiKey == null ? null : Credentials.basic(apiKey, apiSecret),
                "Check KAFKA_API_KEY and KAFKA_API_SECRET (or kafka_credentials in ccc.yaml): they must be an API key of "
                        + "the Kafka cluster" + (clusterId == null ? "" : " " + clusterId) + ", not a Cloud API key.");
        this.pager = new Pager(http, root, "the Kafka REST API", "Check kafka_rest_url in ccc.yaml (or "
                + "KAFKA_REST_ENDPOINT) and any proxy in front of it.");
    }

    /** The name of every topic of the cluster, internal ones included, in one paged read. */
    public Set<String> topics() {
        String cluster = clusterId();
        HttpUrl first = base.newBuilder().addPathSegments("kafka/v3/clusters").addPathSegment(cluster)
                .addPathSegment("topics").build();
        Set<String> names = new TreeSet<>();
        for (JsonNode topic : pager.all("listing the topics of " + cluster, first, MAX_PAGES, "")) {
            String name = topic.path("topic_name").asText("");
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return Collections.unmodifiableSet(names);
    }

    private String clusterId() {
        if (clusterId != null) {
            return clusterId;
        }
        String operation = "listing the clusters of " + base;
        JsonNode data = http.call(operation, ApiHttp.Retry.REPEATABLE, "GET",
                base.newBuilder().addPathSegments("kafka/v3/clusters").build(), null).path("data");
        List<String> ids = new ArrayList<>();
        data.forEach(cluster -> ids.add(cluster.path("cluster_id").asText()));
        if (ids.size() != 1) {
            throw new CccException(operation + ": expected one Kafka cluster, found " + ids.size() + " " + ids
                    + "; set kafka_cluster_id for the environment in ccc.yaml.");
        }
        return ids.get(0);
    }
}
