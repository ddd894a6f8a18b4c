package ccc.client.vault;

import ccc.CccException;
import ccc.client.ApiException;
import ccc.client.ApiHttp;
import ccc.client.ApiHttp.Retry;
import ccc.client.HttpSettings;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;

/**
 * HTTP to Vault (and to the GitHub Actions token endpoint) over {@link ApiHttp}: OkHttp with the
 * timeouts of {@link HttpSettings}, Failsafe retries, no redirects.
 *
 * <p><b>Why not the driver's transport.</b> vault-java-driver 6.2.1 sends every request through
 * {@code io.github.jopenlibs.vault.rest.Rest#send}, which only knows {@code java.net.http.HttpClient}
 * ({@code Rest#getClient}): once that client has run, the JVM exits about 300 ms after ccc's last line
 * (measured: 320 ms, against 10 ms with OkHttp). Its retry loop, {@code OperationsBase#retry}, retries
 * every exception at a fixed interval with no overall deadline (6 attempts of a 30 s read timeout: the
 * 188 s a hung Vault took), cannot be stopped ({@code OperationsBase#sleep} catches the interrupt and
 * prints its stack trace), and repeats a refused login ({@code Auth#loginByAppRole} throws on every
 * non-200, 400 included). On 5xx it throws a {@code VaultException} whose only copy of Vault's answer
 * is its message text ({@code "...\nResponse body: " + body}, e.g. {@code Logical#read}).
 *
 * <p><b>Time.</b> Each attempt is bounded by the connect and read timeouts; one operation (a read, a
 * login, the token request), retries included, by a deadline: connect plus read timeout, the
 * time one slow attempt may take anyway. No retry starts after it, and the attempt under way when it
 * comes is cut short.
 */
final class VaultHttp {

    /** An answer: its status, its JSON (null when empty or not JSON), and the requests it took. */
    record Answer(int status, String contentType, JsonNode json, int attempts) {
    }

    /**
     * No answer at all: refused, unknown host, TLS, or nothing within the deadline. The message says
     * which ("connection refused", "no answer within 40 s"...).
     */
    static final class Unanswered extends Exception {

        private final int attempts;
        private final boolean timedOut;

        Unanswered(String problem, IOException cause, int attempts, boolean timedOut) {
            super(problem, cause);
            this.attempts = attempts;
            this.timedOut = timedOut;
        }

        int attempts() {
            return attempts;
        }

        boolean timedOut() {
            return timedOut;
        }
    }

    static final String UNAVAILABLE = " Vault answers 503 when it is sealed, in maintenance or without an"
            + " active node: try again later, or ask the Vault operators.";
    private static final int MAX_SERVER_TEXT = 400;

    private final VaultEndpoint endpoint;
    private final HttpSettings settings;
    private final SecretRegistry scrubber;
    private final ApiHttp api;
    private final Duration deadline;

    VaultHttp(VaultEndpoint endpoint, HttpSettings settings, SecretRegistry scrubber) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.scrubber = scrubber;
        this.api = new ApiHttp(settings, scrubber, null, null);
        this.deadline = settings.connectTimeout().plus(settings.readTimeout());
    }

    VaultEndpoint endpoint() {
        return endpoint;
    }

    ObjectNode object() {
        return api.mapper().createObjectNode();
    }

    /** GET {@code /v1/<apiPath>} with the token; 429, 502-504 and transport failures retried. */
    Answer get(String apiPath, String token) {
        return toVault("GET", apiPath, Map.of("X-Vault-Token", token), null, Retry.REPEATABLE);
    }

    /** POST {@code /v1/<apiPath>} with the token (a KV write): a write is repeatable, it sets the same data. */
    Answer write(String apiPath, JsonNode body, String token) {
        return toVault("POST", apiPath, Map.of("X-Vault-Token", token), body, Retry.REPEATABLE);
    }

    /** POST {@code /v1/<apiPath>} without a token (a login). */
    Answer post(String apiPath, JsonNode body, Retry retry) {
        return toVault("POST", apiPath, Map.of(), body, retry);
    }

    private Answer toVault(String method, String apiPath, Map<String, String> headers, JsonNode body, Retry retry) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("X-Vault-Request", "true");
        if (endpoint.namespace() != null) {
            all.put("X-Vault-Namespace", endpoint.namespace());
        }
        try {
            return send(method, endpoint.url(apiPath), all, body, retry);
        } catch (Unanswered e) {
            throw unreachable(e);
        }
    }

    /** One call to any URL, with retries, within the deadline. */
    Answer send(String method, HttpUrl url, Map<String, String> headers, JsonNode body, Retry retry)
            throws Unanswered {
        long end = System.nanoTime() + deadline.toNanos();
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<ApiHttp.Response> lastAnswer = new AtomicReference<>();
        AtomicReference<IOException> lastFailure = new AtomicReference<>();
        ApiHttp.Response response;
        try {
            response = api.send(method + " " + url.encodedPath(), retry, deadline, attempt -> {
                long left = end - System.nanoTime();
                if (left <= 0 && sent.get() > 0) { // the deadline came during a backoff: send nothing more
                    if (lastFailure.get() != null) {
                        throw lastFailure.get();
                    }
                    return lastAnswer.get();
                }
                sent.incrementAndGet();
                try {
                    ApiHttp.Response answer = api.exchange(method, url, body, headers,
                            Duration.ofNanos(Math.max(left, 1_000_000)));
                    lastAnswer.set(answer);
                    lastFailure.set(null);
                    return answer;
                } catch (IOException e) {
                    lastFailure.set(e);
                    throw e;
                }
            });
        } catch (ApiException e) {
            if (e.getCause() instanceof IOException io) {
                throw unanswered(io, sent.get());
            }
            throw e; // interrupted
        }
        return new Answer(response.code(), response.contentType(), parse(response.body()), sent.get());
    }

    /** The failure of Vault itself: no path can be read. */
    CccException unreachable(Unanswered e) {
        String attempts = e.attempts() + " attempt" + (e.attempts() == 1 ? "" : "s");
        String check = ": check " + endpoint.addressSource() + ", that this machine can reach it (VPN, firewall,"
                + " proxy)";
        if (e.timedOut()) {
            return new CccException("Vault at " + endpoint.address() + " did not answer within " + seconds(deadline)
                    + " (" + attempts + "; connect timeout " + seconds(settings.connectTimeout()) + ", read timeout "
                    + seconds(settings.readTimeout()) + ")" + check + ", and that Vault is not overloaded.",
                    e.getCause());
        }
        return new CccException("cannot reach Vault at " + endpoint.address() + " (" + e.getMessage() + ", " + attempts
                + ")" + check + " and, for https, that Java trusts Vault's certificate.", e.getCause());
    }

    private Unanswered unanswered(IOException failure, int attempts) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException) { // SocketTimeoutException, or the call timeout
                return new Unanswered("no answer within " + seconds(deadline), failure, attempts, true);
            }
            if (t instanceof UnknownHostException) {
                return new Unanswered("unknown host", failure, attempts, false);
            }
            if (t instanceof ConnectException) {
                return new Unanswered("connection refused", failure, attempts, false);
            }
            if (t instanceof NoRouteToHostException) {
                return new Unanswered("no route to host", failure, attempts, false);
            }
            if (t instanceof SSLException) {
                return new Unanswered("TLS failure: " + scrub(String.valueOf(t.getMessage())), failure, attempts, false);
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new Unanswered(root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + scrub(root.getMessage())), failure, attempts, false);
    }

    /** ": <Vault's errors>", scrubbed and shortened, or "" when Vault gave none. */
    String serverErrors(JsonNode body) {
        if (body == null) {
            return "";
        }
        List<String> texts = new ArrayList<>();
        body.path("errors").forEach(e -> {
            if (e.isTextual() && !e.asText().isBlank()) {
                texts.add(e.asText().trim());
            }
        });
        if (texts.isEmpty()) {
            return "";
        }
        String joined = scrub(String.join("; ", texts)).replaceAll("\\s+", " ");
        return ": " + (joined.length() > MAX_SERVER_TEXT ? joined.substring(0, MAX_SERVER_TEXT) + "..." : joined);
    }

    String scrub(String text) {
        return scrubber.scrub(text);
    }

    /** "on its only attempt", "on all 3 attempts". */
    static String onAttempts(int attempts) {
        return attempts <= 1 ? "on its only attempt" : "on all " + attempts + " attempts";
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return api.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return null; // never echo the parser's message: it quotes the body
        }
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
