package ccc.engine;

import ccc.CccException;
import ccc.plan.ActionType;
import ccc.plan.ActualConnectorState;
import ccc.plan.DesiredConnectorState;
import ccc.plan.SensitiveDigest;
import ccc.targets.DigestStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * ccc's keyed digests of sensitive values kept outside the cluster (sensitive.digest_store), for a
 * cluster that drops the digest key ccc writes into a config: read before planning and given to
 * the plan as if the cluster had kept them; written after an apply for what it changed.
 */
public record DigestBook(DigestStore store, Map<String, String> kept) {

    public DigestBook {
        kept = Map.copyOf(kept);
    }

    public static DigestBook read(DigestStore store) {
        return new DigestBook(store, store.read());
    }

    /** Each connector the cluster keeps no digest for gets the one kept in the store. */
    public List<ActualConnectorState> fillIn(List<ActualConnectorState> actual) {
        List<ActualConnectorState> filled = new ArrayList<>();
        for (ActualConnectorState connector : actual) {
            String digests = kept.get(connector.name());
            if (digests == null || connector.config().containsKey(SensitiveDigest.CONFIG_KEY)) {
                filled.add(connector);
                continue;
            }
            Map<String, String> config = new TreeMap<>(connector.config());
            config.put(SensitiveDigest.CONFIG_KEY, digests);
            filled.add(connector.withConfig(config));
        }
        return filled;
    }

    /**
     * Records the digests of every connector the apply created, updated or replaced, and forgets the
     * deleted ones. A failure to write is returned as a warning: the apply itself succeeded, and the
     * next plan re-sends what it cannot verify.
     */
    public Optional<String> record(List<Outcome> outcomes, Map<String, ResolvedConnector> desired) {
        Map<String, String> next = new TreeMap<>(kept);
        for (Outcome outcome : outcomes) {
            if (!outcome.ok()) {
                continue;
            }
            if (outcome.action() == ActionType.DELETE) {
                next.remove(outcome.connector());
                continue;
            }
            ResolvedConnector connector = desired.get(outcome.connector());
            DesiredConnectorState planned = connector == null ? null : connector.planned();
            if (planned != null && !planned.sensitiveDigests().isEmpty()) {
                next.put(outcome.connector(), SensitiveDigest.encode(planned.sensitiveDigests()));
            }
        }
        if (next.equals(kept)) {
            return Optional.empty();
        }
        try {
            store.write(next);
            return Optional.empty();
        } catch (CccException e) {
            return Optional.of("the keyed digests could not be kept at " + store.location() + ": " + e.getMessage()
                    + " The next plan cannot tell whether those secrets changed; grant the CI role write on that path.");
        }
    }
}
