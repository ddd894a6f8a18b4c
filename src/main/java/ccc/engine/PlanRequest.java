package ccc.engine;

import java.util.List;

/**
 * What the user asked a plan for: some connectors (or all), and which safety rules to lift.
 *
 * @param carryOffsets --carry-offsets: renames become moves that carry the old connector's offsets
 */
public record PlanRequest(List<String> names, boolean prune, boolean allowOffsetLoss, boolean offline,
                          boolean resendSecrets, boolean carryOffsets) {

    public PlanRequest {
        names = List.copyOf(names);
    }

    public PlanRequest(List<String> names, boolean prune, boolean allowOffsetLoss, boolean offline,
                       boolean resendSecrets) {
        this(names, prune, allowOffsetLoss, offline, resendSecrets, false);
    }

    public PlanRequest(List<String> names, boolean prune, boolean allowOffsetLoss, boolean offline) {
        this(names, prune, allowOffsetLoss, offline, false);
    }
}
