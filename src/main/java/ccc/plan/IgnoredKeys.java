package ccc.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Config keys a diff never counts: those Confluent Cloud adds to every connector it returns (the
 * Terraform provider ignores the same list), ccc's own bookkeeping, and what ccc.yaml's
 * {@code ignore_keys} adds (an entry ending in {@code *} is a prefix), because the server's list
 * grows over time.
 */
public record IgnoredKeys(Set<String> keys, List<String> prefixes) {

    private static final List<String> SERVER_KEYS = List.of("cloud.environment", "cloud.provider", "connector.crn",
            "kafka.endpoint", "kafka.region", "kafka.dedicated", "kafka.max.partition.validation.disable",
            "kafka.user.id", "schema.registry.url", "valid.kafka.api.key", "confluent.custom.plugin.type",
            "confluent.resource.connector.tier", "name", "connector.class", "config.internal.*");

    public static final IgnoredKeys DEFAULT = of(List.of());

    public IgnoredKeys {
        keys = Set.copyOf(keys);
        prefixes = List.copyOf(prefixes);
    }

    /** The server's keys, ccc's digest key, and the given entries of ccc.yaml. */
    public static IgnoredKeys of(List<String> configured) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> prefixes = new ArrayList<>();
        List<String> all = new ArrayList<>(SERVER_KEYS);
        all.add(SensitiveDigest.CONFIG_KEY);
        all.addAll(configured);
        for (String entry : all) {
            if (entry.endsWith("*")) {
                prefixes.add(entry.substring(0, entry.length() - 1));
            } else {
                keys.add(entry);
            }
        }
        return new IgnoredKeys(keys, prefixes);
    }

    public boolean ignores(String key) {
        return keys.contains(key) || prefixes.stream().anyMatch(key::startsWith);
    }
}
