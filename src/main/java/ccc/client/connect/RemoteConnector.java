package ccc.client.connect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One connector as the cluster reports it: config as returned (sensitive values masked by Cloud),
 * type, id and status. {@code id} is null where the service has none (self-managed Connect).
 */
public record RemoteConnector(String name, String id, String type, Map<String, String> config,
                              ConnectorStatus status) {

    public RemoteConnector {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    public String state() {
        return status == null ? null : status.state();
    }
}
