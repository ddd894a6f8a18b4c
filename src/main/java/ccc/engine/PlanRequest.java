package ccc.engine;

import java.util.List;

/** What the user asked a plan for: some connectors (or all), and which safety rules to lift. */
public record PlanRequest(List<String> names, boolean prune, boolean allowOffsetLoss, boolean offline,
                          boolean resendSecrets) {

    public PlanRequest {
        names = List.copyOf(names);
    }

    public PlanRequest(List<String> names, boolean prune, boolean allowOffsetLoss, boolean offline) {
        this(names, prune, allowOffsetLoss, offline, false);
    }
}
