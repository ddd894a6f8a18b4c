package ccc.client.connect;

import ccc.plan.RunState;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Connect REST API of one cluster, Confluent Cloud's or a self-managed worker's. Calls throw
 * {@link ccc.client.ApiException} with the status and the server's (scrubbed) message.
 *
 * <p>Calls that send a config take {@code sensitiveKeys}: the keys whose values were declared
 * sensitive ({@code config_sensitive}). Their values are registered in the run's
 * {@link ccc.secret.SecretRegistry} before the request is sent, so a server message echoing the
 * config (and anything printed later) shows them masked. The overloads without it are for configs
 * that hold no sensitive value.
 */
public interface ConnectClient {

    /** Every connector of the cluster in one request, keyed by name. */
    Map<String, RemoteConnector> list();

    ConnectorStatus status(String name);

    /**
     * The status, or null while the connector cannot be found: a just-created connector answers
     * 404 for a moment on Cloud, so waiting code treats it as "not yet", not as gone.
     */
    default ConnectorStatus statusIfPresent(String name) {
        try {
            return status(name);
        } catch (ccc.client.ApiException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }

    /** Creates a connector; {@code offsets} may be empty (start from scratch). */
    void create(String name, Map<String, String> config, List<ConnectorOffsets.Entry> offsets,
                Set<String> sensitiveKeys);

    /** {@link #create(String, Map, List, Set)} for a config without sensitive values. */
    default void create(String name, Map<String, String> config, List<ConnectorOffsets.Entry> offsets) {
        create(name, config, offsets, Set.of());
    }

    /** Replaces the whole config in place; offsets are kept. */
    void updateConfig(String name, Map<String, String> config, Set<String> sensitiveKeys);

    /** {@link #updateConfig(String, Map, Set)} for a config without sensitive values. */
    default void updateConfig(String name, Map<String, String> config) {
        updateConfig(name, config, Set.of());
    }

    void delete(String name);

    void pause(String name);

    /**
     * Stops the connector where the service can (a self-managed worker, KIP-875: its tasks shut
     * down after committing, so the offsets read next are final and can be written), else pauses
     * it (Confluent Cloud has no stop). Returns the state to wait for: STOPPED or PAUSED. Either is
     * undone by {@link #resume}.
     */
    default RunState stopOrPause(String name) {
        pause(name);
        return RunState.PAUSED;
    }

    void resume(String name);

    /**
     * Whether {@link #restart} can restart only what FAILED: a self-managed worker can (KIP-745); on
     * Confluent Cloud restart is a preview endpoint with no documented parameters, so it cannot.
     */
    default boolean restartsOnlyFailed() {
        return true;
    }

    /** Restarts the connector, and its tasks with {@code includeTasks} (only failed ones with {@code onlyFailed}). */
    void restart(String name, boolean includeTasks, boolean onlyFailed);

    ValidationResult validate(String plugin, Map<String, String> config, Set<String> sensitiveKeys);

    /** The connector classes the cluster offers ({@code GET /connector-plugins}), as it names them. */
    Set<String> plugins();

    /** {@link #validate(String, Map, Set)} for a config without sensitive values. */
    default ValidationResult validate(String plugin, Map<String, String> config) {
        return validate(plugin, config, Set.of());
    }

    ConnectorOffsets offsets(String name);

    /**
     * Whether {@link #patchOffsets} and {@link #resetOffsets} stop a connector that is not stopped already and then
     * put it back in its state (a self-managed worker, KIP-875); false where the service moves them itself (Cloud).
     */
    default boolean stopsForOffsets() {
        return false;
    }

    /** Asks to move offsets to the given positions (PATCH semantics). */
    OffsetRequest patchOffsets(String name, List<ConnectorOffsets.Entry> offsets);

    /** Asks to reset offsets: the connector starts from scratch. */
    OffsetRequest resetOffsets(String name);

    OffsetRequestStatus offsetRequestStatus(String name);
}
