package ccc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.secret.SecretRegistry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

class ApiHttpTest {

    private static ApiHttp.Response withRetryAfter(String value) {
        return new ApiHttp.Response(429, "", value, null);
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertEquals(Duration.ofSeconds(7), ApiHttp.retryAfter(withRetryAfter(" 7 ")));
        assertEquals(Duration.ZERO, ApiHttp.retryAfter(withRetryAfter("-3")));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        Duration wait = ApiHttp.retryAfter(withRetryAfter(inTenSeconds));
        assertTrue(wait.compareTo(Duration.ofSeconds(8)) > 0 && wait.compareTo(Duration.ofSeconds(11)) <= 0, wait.toString());
        assertNull(ApiHttp.retryAfter(withRetryAfter("soon")));
        assertNull(ApiHttp.retryAfter(withRetryAfter(null)));
    }

    @Test
    void theRetryAfterCeilingIsAtLeastAMinute() {
        ApiHttp http = new ApiHttp(new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 3,
                Duration.ofMillis(10), Duration.ofMillis(50)), new SecretRegistry(), null, null);
        assertEquals(Duration.ofSeconds(60), http.maxRetryAfter());
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        String text = "ab\uD83D\uDE00cd";
        assertEquals("ab… (4 more characters)", ApiHttp.truncate(text, 3));
        assertEquals("short", ApiHttp.truncate("short", 10));
    }

    @Test
    void aSecretIsMaskedBeforeTheMessageIsCut() {
        SecretRegistry secrets = new SecretRegistry();
        secrets.register("0123456789SECRET");
        ApiHttp http = new ApiHttp(HttpSettings.DEFAULT, secrets, null, null);
        String body = "x".repeat(ApiHttp.MAX_RAW - 5) + "0123456789SECRET and more";

        String message = http.serverMessage(new ApiHttp.Response(400, body, null, "text/plain"));

        assertTrue(!message.contains("01234"), message);
    }

    @Test
    void extraHeadersAreSentAndACallTimeoutCutsAStalledAnswerShort() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().body("{}").build());
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
            server.start();
            ApiHttp http = new ApiHttp(new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), 1,
                    Duration.ofMillis(1), Duration.ofMillis(1)), new SecretRegistry(), null, null);

            http.exchange("GET", server.url("/a"), null, Map.of("X-Extra", "yes"), null);
            assertEquals("yes", server.takeRequest().getHeaders().get("X-Extra"));

            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(InterruptedIOException.class,
                    () -> http.exchange("GET", server.url("/b"), null, Map.of(), Duration.ofMillis(200))),
                    "the 200 ms call timeout, not the 30 s read timeout, ends the call");
        }
    }

    @Test
    void noRetryStartsAfterTheMaximumDuration() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            for (int i = 0; i < 10; i++) {
                server.enqueue(new MockResponse.Builder().code(503).build());
            }
            server.start();
            // Backoffs of 100 to 200 ms (equal jitter), cut short to end at 250 ms. Without the maximum duration
            // the ten allowed attempts would take at least 9 x 100 ms; how many start before 250 ms depends on
            // how the cut-short backoffs fall, so what is checked is that retrying stops near the maximum.
            ApiHttp http = new ApiHttp(new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 10,
                    Duration.ofMillis(200), Duration.ofMillis(200)), new SecretRegistry(), null, null);

            long started = System.nanoTime();
            ApiHttp.Response last = http.send("get", ApiHttp.Retry.REPEATABLE, Duration.ofMillis(250),
                    attempt -> http.exchange("GET", server.url("/"), null));
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertEquals(503, last.code());
            assertTrue(server.getRequestCount() < 10, "attempts: " + server.getRequestCount());
            assertTrue(millis < 850, "retried for " + millis + " ms, past the 250 ms maximum");
        }
    }
}
