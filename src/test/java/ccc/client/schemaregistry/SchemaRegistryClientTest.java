package ccc.client.schemaregistry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.client.ApiException;
import ccc.secret.SecretRegistry;
import ccc.testing.MockServerTest;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientTest extends MockServerTest {


    private SchemaRegistryClient client() {
        return new SchemaRegistryClient(server.url("/").toString(), "SRKEY", "sr-secret-55120", FAST,
                new SecretRegistry());
    }

    @Test
    void listsEverySubjectWithTheRegistryKey() throws Exception {
        server.enqueue(json(200, "[\"orders-value\", \"orders-key\", \"payments-value\"]"));
        assertEquals(Set.of("orders-value", "orders-key", "payments-value"), client().subjects());
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("/subjects", request.getTarget());
        assertEquals(Credentials.basic("SRKEY", "sr-secret-55120"), request.getHeaders().get("Authorization"));
    }

    @Test
    void anAnswerThatIsNotAListIsAnError() {
        server.enqueue(json(200, "{\"subjects\": []}"));
        assertTrue(assertThrows(ApiException.class, client()::subjects).getMessage().contains("list of subject names"));
    }

    @Test
    void aRefusedKeyNamesTheRegistryVariables() {
        server.enqueue(json(401, "{\"error_code\": 401, \"message\": \"Unauthorized\"}"));
        assertTrue(assertThrows(ApiException.class, client()::subjects).getMessage()
                .contains("SCHEMA_REGISTRY_API_KEY"));
    }
}
