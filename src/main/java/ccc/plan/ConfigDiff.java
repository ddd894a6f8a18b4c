package ccc.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compares a desired config with the one the cluster returned: server-added keys are ignored,
 * values compared as strings, a masked value is never a difference, and sensitive values are
 * compared by keyed digest only.
 */
public final class ConfigDiff {

    private static final Pattern MASKED = Pattern.compile("^\\*{2,}$");
    private static final Set<String> SERVER_KEYS = Set.of("cloud.environment", "cloud.provider", "kafka.endpoint",
            "kafka.region", "kafka.max.partition.validation.disable", "name", "connector.class",
            SensitiveDigest.CONFIG_KEY);

    private ConfigDiff() {
    }

    public static boolean isMasked(String value) {
        return value != null && MASKED.matcher(value).matches();
    }

    /** Keys the server adds or ccc owns, which never count as a difference. */
    public static boolean isIgnored(String key) {
        return SERVER_KEYS.contains(key) || key.startsWith("config.internal.");
    }

    public static List<Change> diff(DesiredConnectorState desired, ActualConnectorState actual, PlanOptions options) {
        List<Change> changes = new ArrayList<>();
        Map<String, String> actualConfig = actual.config();
        Set<String> keys = new TreeSet<>(desired.config().keySet());
        keys.addAll(desired.sensitiveKeys());
        keys.addAll(actualConfig.keySet());
        Map<String, String> actualDigests = SensitiveDigest.decode(actualConfig.get(SensitiveDigest.CONFIG_KEY));
        for (String key : keys) {
            if (isIgnored(key)) {
                continue;
            }
            String before = actualConfig.get(key);
            if (desired.sensitiveKeys().contains(key)) {
                if (sensitiveChanged(key, before, desired.sensitiveDigests().get(key), actualDigests, options)) {
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
                changes.add(Change.sensitive(key));
            } else {
                changes.add(Change.of(key, before, null));
            }
        }
        return changes;
    }

    private static boolean sensitiveChanged(String key, String before, String desiredDigest,
                                            Map<String, String> actualDigests, PlanOptions options) {
        if (before == null) {
            return true;
        }
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
