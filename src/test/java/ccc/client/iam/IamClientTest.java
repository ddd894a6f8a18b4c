package ccc.client.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.CccException;
import ccc.client.HttpSettings;
import ccc.secret.SecretRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IamClientTest {

    private static final String PATH = "/iam/v2/service-accounts";
    private static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 2,
            Duration.ofMillis(10), Duration.ofMillis(50));

    private MockWebServer server;
    private MockWebServer other;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        other = new MockWebServer();
        other.start();
    }

    @AfterEach
    void stop() {
        server.close();
        other.close();
    }

    /** The configured API URL, as "localhost" so that 127.0.0.1 is another host. */
    private HttpUrl api() {
        return server.url("/").newBuilder().host("localhost").build();
    }

    private IamClient client() {
        return new IamClient(api().toString(), "KEY123", "iam-secret-0451", FAST, new SecretRegistry());
    }

    private static MockResponse page(String data, String next) {
        String metadata = next == null ? "{}" : "{\"next\": \"" + next + "\"}";
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"data\": [" + data + "], \"metadata\": " + metadata + "}").build();
    }

    private static String account(int n) {
        return "{\"id\": \"sa-" + n + "\", \"display_name\": \"SA_" + n + "\"}";
    }

    private String link(String query) {
        return api().newBuilder().encodedPath(PATH).encodedQuery(query).build().toString();
    }

    /** Answers every request with the page for its number (1, 2, ...). */
    private static Dispatcher pages(IntFunction<MockResponse> page) {
        AtomicInteger count = new AtomicInteger();
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return page.apply(count.incrementAndGet());
            }
        };
    }

    private CccException failure() {
        return assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(CccException.class, () -> client().idOf("SA_1")));
    }

    @Test
    void followsNextPagesOnTheConfiguredOrigin() throws Exception {
        server.enqueue(page(account(1), link("page_size=100&page_token=t2")));
        server.enqueue(page(account(2), null));
        assertEquals("sa-2", client().idOf("SA_2"));
        assertEquals(PATH + "?page_size=100", server.takeRequest(1, TimeUnit.SECONDS).getTarget());
        RecordedRequest second = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals(PATH + "?page_size=100&page_token=t2", second.getTarget());
        assertEquals(Credentials.basic("KEY123", "iam-secret-0451"), second.getHeaders().get("Authorization"));
    }

    @Test
    void aRelativeNextLinkIsResolvedAgainstTheApi() {
        server.enqueue(page(account(1), PATH + "?page_size=100&page_token=t2"));
        server.enqueue(page(account(2), null));
        assertEquals("sa-2", client().idOf("SA_2"));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aNextLinkToAnotherHostIsAnErrorAndNothingIsSentThere() {
        HttpUrl elsewhere = other.url(PATH).newBuilder().host("127.0.0.1").addQueryParameter("page_token", "t2").build();
        server.enqueue(page(account(1), elsewhere.toString()));
        other.enqueue(page(account(2), null));
        CccException error = failure();
        assertEquals(0, other.getRequestCount(), "the API key went to another host");
        assertEquals(1, server.getRequestCount());
        assertTrue(error.getMessage().contains("127.0.0.1:" + other.getPort()), error.getMessage());
        assertTrue(error.getMessage().contains("localhost:" + server.getPort()), error.getMessage());
        assertFalse(error.getMessage().contains("vars file"), "not blamed on the vars file: " + error.getMessage());
    }

    @Test
    void aNextLinkToAnotherPortOfTheSameHostIsAnError() {
        server.enqueue(page(account(1), other.url(PATH).newBuilder().host("localhost").build().toString()));
        CccException error = failure();
        assertEquals(0, other.getRequestCount());
        assertTrue(error.getMessage().contains("localhost:" + other.getPort()), error.getMessage());
    }

    @Test
    void aNextLinkThatDropsToAnotherSchemeIsAnError() {
        server.enqueue(page(account(1), link("page_token=t2").replace("http://", "https://")));
        CccException error = failure();
        assertEquals(1, server.getRequestCount());
        assertTrue(error.getMessage().contains("https://localhost:" + server.getPort()), error.getMessage());
    }

    @Test
    void aNextLinkThatIsNotAUrlIsAnError() {
        server.enqueue(page(account(1), "ftp:// nowhere"));
        assertTrue(failure().getMessage().contains("not a URL"));
    }

    @Test
    void aRepeatedPageLinkStopsAtOnce() {
        String loop = link("page_size=100&page_token=same");
        server.setDispatcher(pages(n -> page(account(n), loop)));
        CccException error = failure();
        assertEquals(2, server.getRequestCount());
        assertTrue(error.getMessage().contains("repeat"), error.getMessage());
        assertFalse(error.getMessage().contains("vars file"), error.getMessage());
    }

    @Test
    void aPageIdenticalToThePreviousOneStopsAtOnce() {
        server.setDispatcher(pages(n -> page(account(7), link("page_token=t" + (n + 1)))));
        CccException error = failure();
        assertEquals(2, server.getRequestCount());
        assertTrue(error.getMessage().contains("same page"), error.getMessage());
    }

    @Test
    void pagingIsBoundedAndSaysSoRatherThanBlamingTheVarsFile() {
        server.setDispatcher(pages(n -> page(account(1000 + n), link("page_token=t" + (n + 1)))));
        CccException error = failure();
        assertEquals(IamClient.MAX_PAGES, server.getRequestCount());
        assertTrue(error.getMessage().contains(IamClient.MAX_PAGES + " pages"), error.getMessage());
        assertFalse(error.getMessage().contains("vars file"), error.getMessage());
    }

    @Test
    void emptyPagesWithANextLinkEndAtTheSecond() {
        server.setDispatcher(pages(n -> page("", link("page_token=t" + (n + 1)))));
        failure();
        assertEquals(2, server.getRequestCount());
    }
}
