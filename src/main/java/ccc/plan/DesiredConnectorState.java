package ccc.plan;

import ccc.config.DeclaredState;
import java.util.Map;
import java.util.Set;

/**
 * A connector as the plan engine sees the repository's wish: the final non-sensitive config, and
 * for each sensitive key only a keyed digest of its value, never the value.
 */
public record DesiredConnectorState(String name, String directory, Map<String, String> config,
                                    Map<String, String> sensitiveDigests, DeclaredState state) {

    public DesiredConnectorState {
        config = Map.copyOf(config);
        sensitiveDigests = Map.copyOf(sensitiveDigests);
    }

    public Set<String> sensitiveKeys() {
        return sensitiveDigests.keySet();
    }
}
