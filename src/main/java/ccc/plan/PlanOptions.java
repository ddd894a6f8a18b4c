package ccc.plan;

import ccc.config.Limits;
import ccc.config.Policies;
import ccc.config.SensitiveMode;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the plan engine needs besides the two states.
 *
 * @param selected connector names the plan is limited to (empty: all)
 * @param digest the keyed digest of a plain sensitive value, for clusters that return secrets
 *     unmasked (self-managed Connect) and for comparing with ccc's digest key
 * @param connectorsOutsideScope how many connectors of the cluster are outside the managed prefix,
 *     for the per-cluster limit
 * @param declaredNames every connector the repository declares in this environment, selected or
 *     not: a connector missing from it is leaving, and a selected create may be its rename
 * @param ignoredKeys keys no diff counts (the server's own, ccc.yaml's ignore_keys)
 * @param resendSecrets update every selected connector that has sensitive keys, re-sending them: the
 *     way to push a secret rotated in Vault where the cluster keeps no digest to compare
 * @param carryOffsets carry a rename out as a move, the old connector's offsets carried to the new
 *     one (--carry-offsets), and complete a move an earlier apply left half done
 * @param policies the standards of ccc.yaml, checked again on every change the plan makes
 */
public record PlanOptions(String namePrefix, SensitiveMode sensitiveMode, Limits limits, boolean allowOffsetLoss,
                          boolean prune, Set<String> selected, UnaryOperator<String> digest,
                          int connectorsOutsideScope, Set<String> declaredNames, IgnoredKeys ignoredKeys,
                          boolean resendSecrets, boolean carryOffsets, Policies policies) {

    public PlanOptions {
        selected = Set.copyOf(selected);
        declaredNames = Set.copyOf(declaredNames);
        policies = policies == null ? Policies.NONE : policies;
    }

    /** Without --carry-offsets and without policies. */
    public PlanOptions(String namePrefix, SensitiveMode sensitiveMode, Limits limits, boolean allowOffsetLoss,
                       boolean prune, Set<String> selected, UnaryOperator<String> digest, int connectorsOutsideScope,
                       Set<String> declaredNames, IgnoredKeys ignoredKeys, boolean resendSecrets) {
        this(namePrefix, sensitiveMode, limits, allowOffsetLoss, prune, selected, digest, connectorsOutsideScope,
                declaredNames, ignoredKeys, resendSecrets, false, Policies.NONE);
    }

    /** With only the built-in ignored keys. */
    public PlanOptions(String namePrefix, SensitiveMode sensitiveMode, Limits limits, boolean allowOffsetLoss,
                       boolean prune, Set<String> selected, UnaryOperator<String> digest, int connectorsOutsideScope,
                       Set<String> declaredNames) {
        this(namePrefix, sensitiveMode, limits, allowOffsetLoss, prune, selected, digest, connectorsOutsideScope,
                declaredNames, IgnoredKeys.DEFAULT, false, false, Policies.NONE);
    }

    /** The same options with --carry-offsets on or off. */
    public PlanOptions carryingOffsets(boolean carry) {
        return new PlanOptions(namePrefix, sensitiveMode, limits, allowOffsetLoss, prune, selected, digest,
                connectorsOutsideScope, declaredNames, ignoredKeys, resendSecrets, carry, policies);
    }

    public boolean isSelected(String name) {
        return selected.isEmpty() || selected.contains(name);
    }
}
