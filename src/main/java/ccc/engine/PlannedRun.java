package ccc.engine;

import ccc.client.connect.ConnectorStatus;
import ccc.plan.Plan;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A computed plan with what apply needs to carry it out.
 *
 * @param keyedDigest the environment's keyed digest, which authenticates a saved plan
 * @param observed each connector's status when the plan was made
 * @param digestBook the digests kept outside the cluster, where ccc.yaml names a store
 */
public record PlannedRun(Plan plan, Map<String, ResolvedConnector> desired, String desiredFingerprint, String location,
                         UnaryOperator<String> keyedDigest, Map<String, ConnectorStatus> observed,
                         Optional<DigestBook> digestBook) {

    public PlannedRun {
        desired = Map.copyOf(desired);
        observed = Map.copyOf(observed);
    }
}
