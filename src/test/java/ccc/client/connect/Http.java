package ccc.client.connect;

import ccc.client.HttpSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import mockwebserver3.MockResponse;

/** Small helpers shared by the client tests. */
final class Http {

    /** Fast retries so that the suite stays quick: 3 attempts, 10-50 ms backoff, 2 s read timeout. */
    static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 3,
            Duration.ofMillis(10), Duration.ofMillis(50));

    private Http() {
    }

    static HttpSettings withReadTimeout(Duration readTimeout, int maxAttempts) {
        return new HttpSettings(Duration.ofSeconds(1), readTimeout, maxAttempts, Duration.ofMillis(10),
                Duration.ofMillis(50));
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse empty(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    /** A port nothing listens on (bound, read, released). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** JSON with single quotes for readability in tests. */
    static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
