package ccc.client.connect;

import java.util.List;
import java.util.Map;

/**
 * The Connect REST API of one cluster, Confluent Cloud's or a self-managed worker's. Calls throw
 * {@link ccc.client.ApiException} with the status and the server's (scrubbed) message.
 */
public interface ConnectClient {

    /** Every connector of the cluster in one request, keyed by name. */
    Map<String, RemoteConnector> list();

    ConnectorStatus status(String name);

    /** Creates a connector; {@code offsets} may be empty (start from scratch). */
    void create(String name, Map<String, String> config, List<ConnectorOffsets.Entry> offsets);

    /** Replaces the whole config in place; offsets are kept. */
    void updateConfig(String name, Map<String, String> config);

    void delete(String name);

    void pause(String name);

    void resume(String name);

    /** Restarts the connector, and its tasks with {@code includeTasks} (only failed ones with {@code onlyFailed}). */
    void restart(String name, boolean includeTasks, boolean onlyFailed);

    ValidationResult validate(String plugin, Map<String, String> config);

    ConnectorOffsets offsets(String name);

    /** Asks to move offsets to the given positions (PATCH semantics). */
    void patchOffsets(String name, List<ConnectorOffsets.Entry> offsets);

    /** Asks to reset offsets: the connector starts from scratch. */
    void resetOffsets(String name);

    OffsetRequestStatus offsetRequestStatus(String name);
}
