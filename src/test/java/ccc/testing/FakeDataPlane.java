package ccc.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;

/**
 * A cluster's Kafka REST v3 endpoint (topics, paged as the API pages with {@code metadata.next}) and a Schema
 * Registry ({@code GET /subjects}), each accepting only its own API key, as Confluent Cloud's do.
 */
public final class FakeDataPlane extends Dispatcher implements AutoCloseable {

    public static final String KAFKA_KEY = "KAFKAKEY1";
    public static final String REGISTRY_KEY = "SRKEY1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final String kafkaSecret;
    private final String registrySecret;
    public final Set<String> topics = Collections.synchronizedSet(new TreeSet<>());
    public final Set<String> subjects = Collections.synchronizedSet(new TreeSet<>());
    public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    public volatile int topicPageSize = 100;
    public volatile String clusterId = FakeConfluentCloud.CLUSTER;

    public FakeDataPlane(String kafkaSecret, String registrySecret) throws IOException {
        this.kafkaSecret = kafkaSecret;
        this.registrySecret = registrySecret;
        server.setDispatcher(this);
        server.start();
    }

    public String url() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** The variables that give ccc both API keys. */
    public Map<String, String> keys() {
        return Map.of("KAFKA_API_KEY", KAFKA_KEY, "KAFKA_API_SECRET", kafkaSecret,
                "SCHEMA_REGISTRY_API_KEY", REGISTRY_KEY, "SCHEMA_REGISTRY_API_SECRET", registrySecret);
    }

    public long count(String prefix) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.startsWith(prefix)).count();
        }
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        requests.add(request.getMethod() + " " + request.getTarget());
        String authorization = request.getHeaders().get("Authorization");
        if (path.equals("/subjects")) {
            if (!Credentials.basic(REGISTRY_KEY, registrySecret).equals(authorization)) {
                return error(401, "Unauthorized");
            }
            ArrayNode list = JSON.createArrayNode();
            new TreeSet<>(subjects).forEach(list::add);
            return json(200, list.toString());
        }
        if (!Credentials.basic(KAFKA_KEY, kafkaSecret).equals(authorization)) {
            return error(401, "Unauthorized");
        }
        if (path.equals("/kafka/v3/clusters")) {
            return json(200, "{\"kind\": \"KafkaClusterList\", \"metadata\": {}, \"data\": [{\"cluster_id\": \""
                    + clusterId + "\"}]}");
        }
        String topicsPath = "/kafka/v3/clusters/" + clusterId + "/topics";
        if (!path.equals(topicsPath)) {
            return error(404, "no such cluster or path " + path);
        }
        List<String> all = new ArrayList<>(new TreeSet<>(topics));
        String token = request.getUrl().queryParameter("page_token");
        int from = token == null ? 0 : Integer.parseInt(token);
        int to = Math.min(all.size(), from + topicPageSize);
        ObjectNode page = JSON.createObjectNode();
        page.put("kind", "KafkaTopicList");
        ObjectNode metadata = page.putObject("metadata");
        metadata.put("self", request.getUrl().toString());
        if (to < all.size()) {
            metadata.put("next", server.url(topicsPath + "?page_token=" + to).toString());
        } else {
            metadata.putNull("next");
        }
        ArrayNode data = page.putArray("data");
        for (String topic : all.subList(from, to)) {
            ObjectNode node = data.addObject();
            node.put("kind", "KafkaTopic");
            node.put("cluster_id", clusterId);
            node.put("topic_name", topic);
            node.put("is_internal", false);
            node.put("replication_factor", 3);
            node.put("partitions_count", 6);
        }
        return json(200, page.toString());
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse error(int code, String message) {
        return json(code, "{\"error_code\": " + code + ", \"message\": \"" + message + "\"}");
    }
}
