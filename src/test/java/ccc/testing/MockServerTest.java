package ccc.testing;

import ccc.client.HttpSettings;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A client test against one MockWebServer, started before and closed after each test, with fast retries. */
public abstract class MockServerTest {

    /** Fast retries so that the suite stays quick: 2 attempts, 10-50 ms backoff, 2 s read timeout. */
    protected static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 2,
            Duration.ofMillis(10), Duration.ofMillis(50));

    protected MockWebServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    protected static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }
}
