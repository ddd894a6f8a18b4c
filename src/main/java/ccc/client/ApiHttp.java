package ccc.client;

import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The HTTP plumbing every API client shares: an OkHttp client with the timeouts of
 * {@link HttpSettings} (one connection pool for the whole process), JSON bodies, Failsafe retries, and server errors turned into scrubbed
 * {@link ApiException}s. It knows nothing of any particular API.
 *
 * <p>Retries (Failsafe, at most {@link HttpSettings#maxAttempts()} attempts in all):
 * <ul>
 *   <li>{@link Retry#REPEATABLE}: 429, 502, 503, 504 and I/O failures (refused connection, reset,
 *       timeout). For GET, PUT, PATCH, DELETE, and for a POST whose caller checks, before repeating
 *       it, whether an earlier attempt took effect.</li>
 *   <li>{@link Retry#UNPROCESSED_ONLY}: only what proves the server did not act: 429, and a
 *       connection that could not be opened (refused, no route, unknown host). For a POST that
 *       cannot be checked afterwards.</li>
 * </ul>
 * The wait before a retry is the response's {@code Retry-After} (seconds or an HTTP date) when it
 * has one, taken as is; otherwise exponential backoff from {@link HttpSettings#initialBackoff()},
 * doubling, capped at {@link HttpSettings#maxBackoff()}, with "equal jitter" (half of it random).
 * A {@code Retry-After} longer than {@link #maxRetryAfter()} is not waited for: the 429 is reported.
 */
public final class ApiHttp {

    /** Which failures may be retried. */
    public enum Retry {
        REPEATABLE, UNPROCESSED_ONLY
    }

    /** One HTTP answer, its body read whole. */
    public record Response(int code, String body, String retryAfter, String contentType) {

        public boolean isSuccessful() {
            return code >= 200 && code < 300;
        }
    }

    /** One attempt of a call; {@code attempt} counts from 1. */
    @FunctionalInterface
    public interface Attempt {
        Response run(int attempt) throws IOException;
    }

    /**
     * The one OkHttp client of the process, made on first use: every {@link ApiHttp} derives its own
     * from it ({@link OkHttpClient#newBuilder()}: its timeouts), sharing its connection pool and
     * dispatcher, so that Connect, IAM and Vault on one host share connections and the threads OkHttp
     * starts are started once. Those threads are daemons: the JVM exits at once after the last line.
     */
    private static final class Shared {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder()
                // Every retry decision is made here, knowing whether the call is safe to repeat.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    private static final MediaType JSON = MediaType.get("application/json");
    /** A message the server composed: kept long enough to be useful. */
    static final int MAX_MESSAGE = 2000;
    /** A body that is not the API's JSON error (a proxy's page, plain text): only its start. */
    static final int MAX_RAW = 300;
    private static final Duration RETRY_AFTER_FLOOR = Duration.ofSeconds(60);

    private final OkHttpClient client;
    private final HttpSettings settings;
    private final SecretRegistry secrets;
    private final String authorization;
    private final String unauthorizedHint;
    private final String unreachableHint;
    // Offsets are typed JSON: a decimal the service returns must not be rounded through a double.
    private final ObjectMapper mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final RetryPolicy<Response> repeatable;
    private final RetryPolicy<Response> unprocessedOnly;

    /**
     * @param authorization    the Authorization header value, or null to send none
     * @param unauthorizedHint advice appended to a 401, or null for {@link ApiException}'s default
     */
    public ApiHttp(HttpSettings settings, SecretRegistry secrets, String authorization, String unauthorizedHint) {
        this(settings, secrets, authorization, unauthorizedHint, null);
    }

    /** @param unreachableHint what to check when no answer comes (the setting that names the address), or null */
    public ApiHttp(HttpSettings settings, SecretRegistry secrets, String authorization, String unauthorizedHint,
                   String unreachableHint) {
        this.unreachableHint = unreachableHint;
        this.settings = settings;
        this.secrets = secrets;
        this.authorization = authorization;
        this.unauthorizedHint = unauthorizedHint;
        this.client = Shared.CLIENT.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .build();
        this.repeatable = policy(Retry.REPEATABLE);
        this.unprocessedOnly = policy(Retry.UNPROCESSED_ONLY);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public HttpSettings settings() {
        return settings;
    }

    /** The longest {@code Retry-After} waited for: the larger of a minute and the maximum backoff. */
    public Duration maxRetryAfter() {
        return settings.maxBackoff().compareTo(RETRY_AFTER_FLOOR) > 0 ? settings.maxBackoff() : RETRY_AFTER_FLOOR;
    }

    /** Every secret this run knows, masked. */
    public String scrub(String text) {
        return secrets.scrub(text);
    }

    /** Remembers secret values so that anything printed later, error or not, masks them. */
    public void registerSecrets(Iterable<String> values) {
        for (String value : values) {
            secrets.register(value);
        }
    }

    /** One request, sent once. HTTP errors are returned; only a transport failure throws. */
    public Response exchange(String method, HttpUrl url, JsonNode body) throws IOException {
        return exchange(method, url, body, Map.of(), null);
    }

    /**
     * As {@link #exchange(String, HttpUrl, JsonNode)}, with extra request headers, and with
     * {@code timeout} (unless null) bounding the whole call (connecting, sending, reading) even where
     * the connect and read timeouts would each allow more.
     */
    public Response exchange(String method, HttpUrl url, JsonNode body, Map<String, String> headers,
                             Duration timeout) throws IOException {
        RequestBody requestBody;
        if (body != null) {
            requestBody = RequestBody.create(mapper.writeValueAsBytes(body), JSON);
        } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            requestBody = RequestBody.EMPTY;
        } else {
            requestBody = null;
        }
        Request.Builder request = new Request.Builder().url(url).method(method, requestBody)
                .header("Accept", "application/json")
                .header("User-Agent", "ccc");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        Call call = client.newCall(request.build());
        if (timeout != null) {
            call.timeout().timeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        }
        try (okhttp3.Response response = call.execute()) {
            return new Response(response.code(), response.body().string(), response.header("Retry-After"),
                    response.header("Content-Type"));
        }
    }

    /** Sends one request with retries and returns the last answer, error or not. */
    public Response send(String operation, Retry retry, String method, HttpUrl url, JsonNode body) {
        return send(operation, retry, attempt -> exchange(method, url, body));
    }

    /**
     * Runs {@code attempt} under the retry policy and returns the last answer, error or not. A
     * transport failure that outlives the retries becomes an {@link ApiException} with status 0.
     */
    public Response send(String operation, Retry retry, Attempt attempt) {
        return send(operation, retry, null, attempt);
    }

    /**
     * As {@link #send(String, Retry, Attempt)}, and no retry starts once {@code maxDuration} (unless
     * null) has passed since the first attempt began, whatever attempts remain; a backoff is cut
     * short to end by then. The attempts themselves are bounded by their own timeouts.
     */
    public Response send(String operation, Retry retry, Duration maxDuration, Attempt attempt) {
        RetryPolicy<Response> policy = retry == Retry.REPEATABLE ? repeatable : unprocessedOnly;
        if (maxDuration != null) {
            policy = RetryPolicy.builder(policy.getConfig()).withMaxDuration(maxDuration).build();
        }
        AtomicInteger attempts = new AtomicInteger();
        try {
            return Failsafe.with(policy).get(() -> attempt.run(attempts.incrementAndGet()));
        } catch (FailsafeException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new ApiException(operation, "interrupted while waiting to retry", cause);
            }
            if (cause instanceof IOException io) {
                throw transportFailure(operation, io, attempts.get());
            }
            throw new ApiException(operation, scrub(String.valueOf(cause)), cause);
        }
    }

    /** Sends with retries and returns the JSON of a 2xx answer (missing when empty); throws on any other. */
    public JsonNode call(String operation, Retry retry, String method, HttpUrl url, JsonNode body) {
        Response response = send(operation, retry, method, url, body);
        if (!response.isSuccessful()) {
            throw error(operation, response);
        }
        return json(operation, response);
    }

    /** The JSON of a successful answer; a body that is not JSON is reported, not thrown raw. */
    public JsonNode json(String operation, Response response) {
        if (response.body() == null || response.body().isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ApiException(operation, response.code(), "the answer is not JSON: " + rawExcerpt(response));
        }
    }

    /** The error an unsuccessful answer stands for, its server message scrubbed and bounded. */
    public ApiException error(String operation, Response response) {
        String message = serverMessage(response);
        if (response.code() == 429 && response.retryAfter() != null) {
            message = (message.isEmpty() ? "" : message + " ") + "(Retry-After: " + response.retryAfter().strip() + ")";
        }
        return new ApiException(operation, response.code(), message,
                response.code() == 401 ? unauthorizedHint : null);
    }

    /**
     * The server's own words: {@code {"error":{"code","message"}}}, {@code {"error_code","message"}}
     * or {@code {"errors":[{"status","detail"}]}}; anything else is shown as a short excerpt.
     * Scrubbed before it is cut, so that a cut never leaves part of a secret.
     */
    String serverMessage(Response response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return "";
        }
        String extracted = null;
        try {
            extracted = extractMessage(mapper.readTree(body));
        } catch (JsonProcessingException e) {
            // not JSON: fall through to the excerpt
        }
        if (extracted != null && !extracted.isBlank()) {
            return truncate(scrub(extracted).strip(), MAX_MESSAGE);
        }
        return rawExcerpt(response);
    }

    private static String extractMessage(JsonNode json) {
        if (json == null || !json.isObject()) {
            return null;
        }
        JsonNode error = json.get("error");
        if (error != null && error.isObject() && error.hasNonNull("message")) {
            return error.get("message").asText();
        }
        if (error != null && error.isTextual()) {
            return error.asText();
        }
        JsonNode errors = json.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode each : errors) {
                for (String field : List.of("detail", "title", "message")) {
                    if (each.hasNonNull(field) && !each.get(field).asText().isBlank()) {
                        parts.add(each.get(field).asText());
                        break;
                    }
                }
            }
            if (!parts.isEmpty()) {
                return String.join("; ", parts);
            }
        }
        if (json.hasNonNull("message")) {
            return json.get("message").asText();
        }
        return null;
    }

    private String rawExcerpt(Response response) {
        String text = scrub(response.body());
        boolean html = (response.contentType() != null && response.contentType().toLowerCase(Locale.ROOT).contains("html"))
                || text.stripLeading().startsWith("<");
        if (html) {
            text = text.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]*>", " ");
        }
        return truncate(text.replaceAll("\\s+", " ").strip(), MAX_RAW);
    }

    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "… (" + (text.length() - end) + " more characters)";
    }

    private ApiException transportFailure(String operation, IOException e, int attempts) {
        String where = " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)");
        String problem;
        if (e instanceof SocketTimeoutException) {
            problem = "no answer in time (connect timeout " + settings.connectTimeout().toMillis() + " ms, read timeout "
                    + settings.readTimeout().toMillis() + " ms)";
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            problem = "cannot connect: " + e.getMessage();
        } else if (e instanceof UnknownHostException) {
            problem = "unknown host: " + e.getMessage();
        } else if (e instanceof InterruptedIOException) {
            problem = "timed out: " + e.getMessage();
        } else {
            problem = "connection failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        boolean unanswered = e instanceof SocketTimeoutException || e instanceof ConnectException
                || e instanceof NoRouteToHostException || e instanceof UnknownHostException;
        return new ApiException(operation, scrub(problem + where)
                + (unanswered && unreachableHint != null ? ". " + unreachableHint : ""), e);
    }

    private RetryPolicy<Response> policy(Retry retry) {
        return RetryPolicy.<Response>builder()
                .handleIf((response, failure) -> failure != null
                        ? retryableFailure(retry, failure)
                        : response != null && retryableStatus(retry, response.code()))
                .abortIf((response, failure) -> response != null && response.code() == 429
                        && retryAfter(response) != null && retryAfter(response).compareTo(maxRetryAfter()) > 0)
                .withMaxAttempts(Math.max(1, settings.maxAttempts()))
                .withDelayFn(context -> delay(context.getLastResult(), context.getAttemptCount()))
                .build();
    }

    private static boolean retryableStatus(Retry retry, int code) {
        return code == 429 || retry == Retry.REPEATABLE && (code == 502 || code == 503 || code == 504);
    }

    private static boolean retryableFailure(Retry retry, Throwable failure) {
        if (!(failure instanceof IOException)) {
            return false;
        }
        return retry == Retry.REPEATABLE || failure instanceof ConnectException
                || failure instanceof NoRouteToHostException || failure instanceof UnknownHostException;
    }

    /** Retry-After when the answer has one, else backoff with equal jitter. */
    private Duration delay(Response last, int attemptsSoFar) {
        Duration retryAfter = last == null ? null : retryAfter(last);
        if (retryAfter != null) {
            return retryAfter;
        }
        long initial = Math.max(1, settings.initialBackoff().toMillis());
        long max = Math.max(initial, settings.maxBackoff().toMillis());
        int doublings = Math.min(Math.max(0, attemptsSoFar - 1), 30);
        long base = Math.min(max, initial << doublings);
        long half = base / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(base - half + 1));
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(Response response) {
        String value = response.retryAfter();
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        try {
            long seconds = Long.parseLong(value);
            return Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
