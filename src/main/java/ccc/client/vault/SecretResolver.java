package ccc.client.vault;

import ccc.CccException;
import ccc.config.ProjectConfig;
import ccc.config.Template;
import ccc.config.VaultReference;
import ccc.secret.SecretRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns {@code ${vault:<path>#<key>}} references into their values. Every path is read once (the
 * source is asked once per distinct path), every reference is attempted, and all failures are
 * reported together in one {@link CccException}. Each value is registered in the
 * {@link SecretRegistry} as soon as it is known, so that nothing printed afterwards can show it;
 * error messages name paths and keys, never values.
 */
public final class SecretResolver {

    private final SecretSource source;
    private final SecretRegistry registry;

    public SecretResolver(SecretSource source, SecretRegistry registry) {
        this.source = Objects.requireNonNull(source, "source");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * The value of every reference (duplicates allowed, resolved once), in the order given.
     *
     * @throws CccException naming every reference that failed: a missing key lists the keys that do
     *                      exist at that path; a path Vault refused or lacks is reported once for
     *                      all its references; a failure of Vault itself (unreachable, login) ends
     *                      the resolution and is reported with what failed before it
     */
    public Map<VaultReference, String> resolve(Collection<VaultReference> references) {
        Map<String, Set<VaultReference>> byPath = new LinkedHashMap<>();
        for (VaultReference reference : references) {
            Objects.requireNonNull(reference, "reference");
            byPath.computeIfAbsent(reference.path(), p -> new LinkedHashSet<>()).add(reference);
        }
        Map<VaultReference, String> resolved = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Set<VaultReference>> entry : byPath.entrySet()) {
            Map<String, String> secret;
            try {
                secret = source.read(entry.getKey());
            } catch (VaultPathException e) {
                failures.add(referenceList(entry.getValue()) + ": " + e.getMessage());
                continue;
            } catch (CccException e) {
                if (failures.isEmpty()) {
                    throw e;
                }
                failures.add(e.getMessage());
                throw combined(failures, e);
            }
            for (VaultReference reference : entry.getValue()) {
                String value = secret.get(reference.key());
                if (value == null) {
                    failures.add(missingKey(reference, secret.keySet()));
                } else {
                    registry.register(value);
                    resolved.put(reference, value);
                }
            }
        }
        if (!failures.isEmpty()) {
            throw combined(failures, null);
        }
        return Collections.unmodifiableMap(resolved);
    }

    /** The value of one reference; see {@link #resolve(Collection)}. */
    public String resolve(VaultReference reference) {
        return resolve(List.of(reference)).get(reference);
    }

    /**
     * The Confluent Cloud API key and secret that ccc.yaml's {@code confluent.credentials} point
     * at, both registered as secrets. Both references are resolved, and both failures reported.
     */
    public CloudApiCredentials cloudCredentials(ProjectConfig.CloudCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        VaultReference key = parseReference(credentials.apiKeyReference(), "confluent.credentials.api_key");
        VaultReference secret = parseReference(credentials.apiSecretReference(), "confluent.credentials.api_secret");
        Map<VaultReference, String> values = resolve(List.of(key, secret));
        return new CloudApiCredentials(values.get(key), values.get(secret));
    }

    /**
     * The single reference of a text such as {@code ${vault:secret/ccloud#api_key}} (as ccc.yaml
     * holds for {@code confluent.credentials} and {@code sensitive.digest_key}).
     *
     * @param where names the setting in the error message, e.g. "confluent.credentials.api_key"
     * @throws CccException when the text is not exactly one Vault reference
     */
    public static VaultReference parseReference(String text, String where) {
        String hint = where + " must be exactly one Vault reference, ${vault:<path>#<key>}";
        if (text == null || text.isBlank()) {
            throw new CccException(hint + ", and it is empty.");
        }
        try {
            Template template = Template.parse(text.trim());
            if (template.segments().size() == 1 && template.vaultReferences().size() == 1) {
                return template.vaultReferences().get(0);
            }
        } catch (Template.SyntaxError e) {
            throw new CccException(hint + ": " + e.getMessage() + ".");
        }
        // Not echoed: a value that is not a reference may be a secret pasted in by mistake.
        throw new CccException(hint + "; it is something else.");
    }

    private static String missingKey(VaultReference reference, Set<String> existing) {
        String keys = existing.isEmpty()
                ? "the secret there has no keys at all"
                : "keys there: " + String.join(", ", new TreeSet<>(existing));
        return reference.path() + "#" + reference.key() + ": Vault has the secret " + reference.path()
                + " but no key '" + reference.key() + "' in it; " + keys + ".";
    }

    private static String referenceList(Set<VaultReference> references) {
        List<String> names = new ArrayList<>();
        for (VaultReference reference : references) {
            names.add(reference.path() + "#" + reference.key());
        }
        return String.join(", ", names);
    }

    private static CccException combined(List<String> failures, CccException cause) {
        if (failures.size() == 1) {
            return new CccException(failures.get(0), cause);
        }
        StringBuilder message = new StringBuilder(failures.size() + " problems resolving Vault references:");
        for (String failure : failures) {
            message.append("\n  - ").append(failure);
        }
        return new CccException(message.toString(), cause);
    }
}
