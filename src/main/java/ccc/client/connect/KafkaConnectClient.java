package ccc.client.connect;

import ccc.client.ApiException;
import ccc.client.ApiHttp;
import ccc.client.ApiHttp.Retry;
import ccc.client.HttpSettings;
import ccc.client.Poll;
import ccc.plan.RunState;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/**
 * A self-managed Kafka Connect worker's REST API (the migration source, a local sandbox), e.g.
 * {@code http://localhost:8083}. Connectors there have no id.
 *
 * <p>Offsets (KIP-875, Kafka 3.6+) can only change while a connector is STOPPED, and the change is
 * synchronous. {@link #patchOffsets} and {@link #resetOffsets} therefore note the connector's
 * state, stop it (PUT /stop) and wait until it reports STOPPED with no tasks, apply the change, and
 * put it back: RUNNING (or FAILED, whose target is running) is resumed, PAUSED is paused again,
 * STOPPED stays STOPPED. The state is put back even when the change failed.
 * {@link #offsetRequestStatus} reports the outcome of the last such change made by this client.
 *
 * <p>{@link #create} with offsets creates the connector STOPPED ({@code "initial_state":
 * "STOPPED"}, KIP-980, Kafka 3.7+), sets its offsets and resumes it, so it never runs from the
 * start. If the offsets cannot be set the connector is left STOPPED and the error says so. A worker
 * that ignores {@code initial_state} starts the connector at once; it is then stopped as soon as
 * it is seen running, its offsets set and resumed (it may have processed records in between).
 */
public final class KafkaConnectClient extends AbstractConnectClient {

    private static final Duration DEFAULT_STATE_TIMEOUT = Duration.ofSeconds(60);

    private final Duration stateTimeout;
    private final Map<String, OffsetRequestStatus> lastOffsetChange = new ConcurrentHashMap<>();

    public KafkaConnectClient(String baseUrl, HttpSettings http, SecretRegistry secrets) {
        this(baseUrl, null, null, http, secrets);
    }

    /** With HTTP Basic credentials for a worker that requires them (null for none). */
    public KafkaConnectClient(String baseUrl, String username, String password, HttpSettings http,
                              SecretRegistry secrets) {
        this(baseUrl, username, password, http, secrets, DEFAULT_STATE_TIMEOUT);
    }

    /** {@code stateTimeout}: how long to wait for a connector to reach a state (STOPPED) it was asked for. */
    public KafkaConnectClient(String baseUrl, String username, String password, HttpSettings http,
                              SecretRegistry secrets, Duration stateTimeout) {
        this(baseUrl, username, password, http, secrets, stateTimeout, null);
    }

    /** {@code unreachableHint}: what to check when the worker does not answer (where its URL is set). */
    public KafkaConnectClient(String baseUrl, String username, String password, HttpSettings http,
                              SecretRegistry secrets, Duration stateTimeout, String unreachableHint) {
        super(base(baseUrl), new ApiHttp(http, register(secrets, password),
                username == null ? null : Credentials.basic(username, password == null ? "" : password),
                "The Kafka Connect worker at " + baseUrl + " refused the request: check its REST authentication.",
                unreachableHint));
        this.stateTimeout = stateTimeout;
    }

    private static HttpUrl base(String baseUrl) {
        HttpUrl url = HttpUrl.parse(baseUrl == null ? "" : baseUrl);
        if (url == null) {
            throw ccc.CccException.usage("Kafka Connect URL '" + baseUrl + "' is not an http(s) URL.");
        }
        return url;
    }

    private static SecretRegistry register(SecretRegistry secrets, String password) {
        secrets.register(password);
        return secrets;
    }

    /** The repeated form of {@code expand} that the Kafka Connect REST API reads. */
    @Override
    protected HttpUrl listUrl() {
        return url("connectors").addQueryParameter("expand", "info").addQueryParameter("expand", "status").build();
    }

    @Override
    protected String idOf(JsonNode entry) {
        return null;
    }

    @Override
    public void create(String name, Map<String, String> config, List<ConnectorOffsets.Entry> offsets,
                       Set<String> sensitiveKeys) {
        String operation = "Create connector '" + name + "'";
        ObjectNode body = createBody(operation, name, config, sensitiveKeys);
        if (offsets == null || offsets.isEmpty()) {
            createConnector(operation, name, body);
            return;
        }
        body.put("initial_state", RunState.STOPPED.name());
        try {
            createConnector(operation, name, body);
        } catch (ApiException e) {
            if (e.serverMessage() != null && e.serverMessage().contains("initial_state")) {
                throw e.within(operation, "creating a connector with offsets needs Kafka Connect 3.7 or later: "
                        + "KIP-980 initial_state");
            }
            throw e;
        }
        ConnectorStatus created = await(name, status -> status != null && status.state() != null
                && status.runState() != RunState.UNASSIGNED, "to start");
        if (!created.connector().is(RunState.STOPPED)) {
            stop(name); // the worker ignored initial_state
            awaitStopped(name);
        }
        try {
            alterOffsets(name, offsets);
        } catch (ApiException e) {
            lastOffsetChange.put(name, OffsetRequestStatus.failed(e.getMessage()));
            throw e.within(operation, "the connector was created and is left STOPPED so that it does not start"
                    + " from scratch; set its offsets, or delete it, before resuming it");
        }
        resume(name);
    }

    /** PUT /connectors/{name}/stop → 204: tasks shut down, config kept (KIP-875). */
    public void stop(String name) {
        http.call("Stop connector '" + name + "'", Retry.REPEATABLE, "PUT", connectorUrl(name, "stop"), null);
    }

    /**
     * PUT /stop (KIP-875, Kafka 3.5+); a worker too old to know it (404 or 405 for a connector that
     * exists) is asked to pause instead.
     */
    @Override
    public RunState stopOrPause(String name) {
        try {
            stop(name);
            return RunState.STOPPED;
        } catch (ApiException e) {
            if ((e.status() != 404 && e.status() != 405) || statusIfPresent(name) == null) {
                throw e;
            }
            pause(name);
            return RunState.PAUSED;
        }
    }

    @Override
    public boolean stopsForOffsets() {
        return true;
    }

    /** Synchronous: stop, PATCH /connectors/{name}/offsets, restore the prior state. */
    @Override
    public OffsetRequest patchOffsets(String name, List<ConnectorOffsets.Entry> offsets) {
        whileStopped(name, () -> alterOffsets(name, offsets));
        return OffsetRequest.SYNCHRONOUS;
    }

    /** Synchronous: stop, DELETE /connectors/{name}/offsets, restore the prior state. */
    @Override
    public OffsetRequest resetOffsets(String name) {
        whileStopped(name, () -> {
            http.call("Reset offsets of connector '" + name + "'", Retry.REPEATABLE, "DELETE",
                    connectorUrl(name, "offsets"), null);
            lastOffsetChange.put(name, OffsetRequestStatus.applied());
        });
        return OffsetRequest.SYNCHRONOUS;
    }

    /**
     * The outcome of this client's last offsets change for the connector: APPLIED or FAILED, as
     * the change is synchronous. A 404 {@link ApiException} when this client made none.
     */
    @Override
    public OffsetRequestStatus offsetRequestStatus(String name) {
        OffsetRequestStatus last = lastOffsetChange.get(name);
        if (last == null) {
            throw new ApiException("Read offsets request status of connector '" + name + "'", 404,
                    "no offsets change was made for this connector by this run", "");
        }
        return last;
    }

    private void alterOffsets(String name, List<ConnectorOffsets.Entry> offsets) {
        ObjectNode body = mapper.createObjectNode();
        body.set("offsets", offsetsJson(offsets));
        http.call("Change offsets of connector '" + name + "'", Retry.REPEATABLE, "PATCH",
                connectorUrl(name, "offsets"), body);
        lastOffsetChange.put(name, OffsetRequestStatus.applied());
    }

    private void whileStopped(String name, Runnable change) {
        String prior = status(name).state();
        boolean wasStopped = RunState.of(prior) == RunState.STOPPED;
        ApiException failure = null;
        try {
            if (!wasStopped) {
                stop(name);
                awaitStopped(name);
            }
            change.run();
        } catch (ApiException e) {
            failure = e;
            lastOffsetChange.put(name, OffsetRequestStatus.failed(e.getMessage()));
            throw e;
        } finally {
            if (!wasStopped) {
                restore(name, prior, failure);
            }
        }
    }

    /** Back to the state before the offsets change: PAUSED is paused again, anything else resumed. */
    private void restore(String name, String prior, ApiException failure) {
        try {
            if (RunState.of(prior) == RunState.PAUSED) {
                pause(name);
            } else {
                resume(name);
            }
        } catch (ApiException restore) {
            if (failure != null) {
                failure.addSuppressed(restore);
                return;
            }
            throw restore.within("Restore state of connector '" + name + "'",
                    "its offsets were changed, but it is left STOPPED instead of " + prior);
        }
    }

    private void awaitStopped(String name) {
        await(name, status -> status != null && status.connector() != null && status.connector().is(RunState.STOPPED)
                && status.tasks().isEmpty(), "to stop");
    }

    /** Polls the status (a 404 counts as not yet) until {@code reached}, for at most the state timeout. */
    private ConnectorStatus await(String name, Predicate<ConnectorStatus> reached, String what) {
        Duration interval = clamp(http.settings().initialBackoff(), Duration.ofMillis(20), Duration.ofSeconds(1));
        ConnectorStatus last = new Poll(stateTimeout, interval).until(() -> statusIfPresent(name), reached);
        if (!reached.test(last)) {
            throw new ApiException("Wait for connector '" + name + "' " + what, "still "
                    + (last == null ? "not found" : last.state() + " with " + last.tasks().size() + " task(s)")
                    + " after " + (stateTimeout.toMillis() % 1000 == 0 ? stateTimeout.toSeconds() + " s"
                    : stateTimeout.toMillis() + " ms"), null);
        }
        return last;
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }
}
