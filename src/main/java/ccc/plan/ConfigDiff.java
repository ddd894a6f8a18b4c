package ccc.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ccc.config.SensitiveMode;
import ccc.secret.Masks;

/**
 * Compares a desired config with the one the cluster returned: server-added keys are ignored,
 * values compared as strings, a masked value is never a difference, and sensitive values are
 * compared by keyed digest only.
 */
public final class ConfigDiff {

    private ConfigDiff() {
    }

    private static boolean isMasked(String value) {
        return Masks.isMasked(value);
    }

    /**
     * The changed keys, and the sensitive keys whose change cannot be told: masked by the cluster,
     * with no digest of ccc's to compare (the cluster dropped it, or never got one).
     */
    public record Diff(List<Change> changes, List<String> unverifiable) {
    }

    public static Diff diff(DesiredConnectorState desired, ActualConnectorState actual, PlanOptions options) {
        List<Change> changes = new ArrayList<>();
        List<String> unverifiable = new ArrayList<>();
        Map<String, String> actualConfig = actual.config();
        Set<String> keys = new TreeSet<>(desired.config().keySet());
        keys.addAll(desired.sensitiveKeys());
        keys.addAll(actualConfig.keySet());
        Map<String, String> actualDigests = SensitiveDigest.decode(actualConfig.get(SensitiveDigest.CONFIG_KEY));
        for (String key : keys) {
            if (options.ignoredKeys().ignores(key)) {
                continue;
            }
            String before = actualConfig.get(key);
            if (desired.sensitiveKeys().contains(key)) {
                if (options.sensitiveMode() == SensitiveMode.DIGEST && isMasked(before)
                        && !actualDigests.containsKey(key)) {
                    unverifiable.add(key);
                } else if (before == null) {
                    changes.add(Change.sensitive(key, Change.Kind.ADDED));
                } else if (sensitiveChanged(key, before, desired.sensitiveDigests().get(key), actualDigests, options)) {
                    changes.add(Change.sensitive(key));
                }
            } else if (desired.config().containsKey(key)) {
                String after = desired.config().get(key);
                if (before == null) {
                    changes.add(Change.of(key, null, after));
                } else if (!isMasked(before) && !before.equals(after)) {
                    changes.add(Change.of(key, before, after));
                }
            } else if (isMasked(before) || actualDigests.containsKey(key)) {
                // A key that ccc's digest lists was declared sensitive when it was applied.
                changes.add(Change.sensitive(key, Change.Kind.REMOVED));
            } else {
                changes.add(Change.of(key, before, null));
            }
        }
        return new Diff(changes, unverifiable);
    }

    private static boolean sensitiveChanged(String key, String before, String desiredDigest,
                                            Map<String, String> actualDigests, PlanOptions options) {
        return switch (options.sensitiveMode()) {
            case IGNORE -> false;
            case RESEND -> true;
            case DIGEST -> {
                String actualDigest = isMasked(before)
                        ? actualDigests.get(key)
                        : SensitiveDigest.of(options.digest(), key, before);
                yield !desiredDigest.equals(actualDigest);
            }
        };
    }
}
