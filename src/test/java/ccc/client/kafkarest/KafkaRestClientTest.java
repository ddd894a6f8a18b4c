package ccc.client.kafkarest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.CccException;
import ccc.client.ApiException;
import ccc.secret.SecretRegistry;
import ccc.testing.MockServerTest;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import org.junit.jupiter.api.Test;

class KafkaRestClientTest extends MockServerTest {

    private static final String TOPICS = "/kafka/v3/clusters/lkc-xyz789/topics";

    private static String topic(String name) {
        return "{\"kind\": \"KafkaTopic\", \"cluster_id\": \"lkc-xyz789\", \"topic_name\": \"" + name
                + "\", \"is_internal\": false, \"partitions_count\": 6}";
    }

    private static String page(String next, String... topics) {
        return "{\"kind\": \"KafkaTopicList\", \"metadata\": {\"next\": " + (next == null ? "null" : "\"" + next + "\"")
                + "}, \"data\": [" + String.join(", ", java.util.Arrays.stream(topics).map(KafkaRestClientTest::topic)
                .toList()) + "]}";
    }

    @Test
    void readsEveryPageWithTheClusterApiKey() throws Exception {
        server.enqueue(json(200, page(server.url(TOPICS + "?page_token=2").toString(), "orders", "orders-dlq")));
        server.enqueue(json(200, page(null, "payments")));
        KafkaRestClient client = new KafkaRestClient(server.url("/").toString(), "lkc-xyz789", "KAFKAKEY",
                "kafka-secret-7781", FAST, new SecretRegistry());

        assertEquals(Set.of("orders", "orders-dlq", "payments"), client.topics());
        RecordedRequest first = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals(TOPICS, first.getTarget());
        assertEquals(Credentials.basic("KAFKAKEY", "kafka-secret-7781"), first.getHeaders().get("Authorization"));
        assertEquals(TOPICS + "?page_token=2", server.takeRequest(1, TimeUnit.SECONDS).getTarget());
    }

    @Test
    void aRepeatedPageStopsTheReadWithAnError() {
        String loop = server.url(TOPICS + "?page_token=same").toString();
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(200, page(loop, "t" + i)));
        }
        KafkaRestClient client = new KafkaRestClient(server.url("/").toString(), "lkc-xyz789", "K", "kafka-secret-7781",
                FAST, new SecretRegistry());
        CccException error = assertThrows(CccException.class, client::topics);
        assertTrue(error.getMessage().contains("repeats a page"), error.getMessage());
        assertTrue(error.getMessage().contains("kafka_rest_url"), error.getMessage());
    }

    @Test
    void aCloudKeyIsToldApartFromAClusterKey() {
        server.enqueue(json(401, "{\"error_code\": 401, \"message\": \"Unauthorized\"}"));
        KafkaRestClient client = new KafkaRestClient(server.url("/").toString(), "lkc-xyz789", "CLOUDKEY",
                "cloud-secret-7781", FAST, new SecretRegistry());
        ApiException error = assertThrows(ApiException.class, client::topics);
        assertEquals(401, error.status());
        assertTrue(error.getMessage().contains("KAFKA_API_KEY"), error.getMessage());
        assertFalse(error.getMessage().contains("CONFLUENT_CLOUD_API_KEY"), error.getMessage());
    }

    @Test
    void aRestProxyOfOneClusterNamesItAndNeedsNoKey() throws Exception {
        server.enqueue(json(200, "{\"data\": [{\"cluster_id\": \"local-cluster-1\"}]}"));
        server.enqueue(json(200, page(null, "orders")));
        KafkaRestClient client = new KafkaRestClient(server.url("/").toString(), null, null, null, FAST,
                new SecretRegistry());
        assertEquals(Set.of("orders"), client.topics());
        assertEquals("/kafka/v3/clusters", server.takeRequest(1, TimeUnit.SECONDS).getTarget());
        RecordedRequest topics = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("/kafka/v3/clusters/local-cluster-1/topics", topics.getTarget());
        assertNull(topics.getHeaders().get("Authorization"));
    }
}
