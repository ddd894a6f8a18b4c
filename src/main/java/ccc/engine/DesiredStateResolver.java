package ccc.engine;

import ccc.CccException;
import ccc.config.DesiredConnector;
import ccc.config.Template;
import ccc.config.VaultReference;
import ccc.plan.DesiredConnectorState;
import ccc.plan.SensitiveDigest;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Turns rendered connectors into what the plan engine compares and what apply sends: secrets
 * filled in, the service account's id set, and the keyed digest of the sensitive values added.
 * A Vault secret that cannot be used as it is (too trivial to protect, or a JSON object where a
 * string belongs) is an error naming its reference, before anything is planned or printed.
 */
public final class DesiredStateResolver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<VaultReference, String> secrets;
    private final Function<String, String> serviceAccountIds;
    private final UnaryOperator<String> digest;
    private final boolean keepDigestInConfig;

    /**
     * @param secrets every Vault reference of the connectors, resolved
     * @param serviceAccountIds display name (or sa- id) → sa- id
     * @param keepDigestInConfig write ccc's keyed digests of the sensitive values into the config
     *     (a cluster that masks secrets; one that returns them in plain text needs none)
     */
    public DesiredStateResolver(Map<VaultReference, String> secrets, Function<String, String> serviceAccountIds,
                                UnaryOperator<String> digest, boolean keepDigestInConfig) {
        this.secrets = Map.copyOf(secrets);
        this.serviceAccountIds = serviceAccountIds;
        this.digest = digest;
        this.keepDigestInConfig = keepDigestInConfig;
    }

    /** Every Vault reference of the connectors, once each, in the order they first appear. */
    public static List<VaultReference> vaultReferences(List<DesiredConnector> connectors) {
        Set<VaultReference> references = new LinkedHashSet<>();
        for (DesiredConnector connector : connectors) {
            for (Template template : connector.sensitive().values()) {
                references.addAll(template.vaultReferences());
            }
        }
        return List.copyOf(references);
    }

    /** @throws CccException naming every Vault secret of these connectors that cannot be used */
    public List<ResolvedConnector> resolve(List<DesiredConnector> connectors) {
        checkSecrets(connectors, secrets);
        return connectors.stream().map(this::resolveChecked).toList();
    }

    /** @throws CccException naming every Vault secret of this connector that cannot be used */
    public ResolvedConnector resolve(DesiredConnector connector) {
        checkSecrets(List.of(connector), secrets);
        return resolveChecked(connector);
    }

    /**
     * A Vault value ccc must not send: one too trivial for the scrubber to mask (see
     * {@link SecretRegistry#isTrivial}; it would be printed in clear, so it is almost certainly a
     * mistake), or a JSON object or list, which the Vault client hands over as its compact JSON text.
     * Only that exact compact form counts: JSON text stored as a string (a pretty-printed key file)
     * is sent as it is. Messages name references and keys, never values.
     *
     * @param secrets the connectors' Vault references, resolved
     * @throws CccException naming every reference whose value cannot be used, and where it is used
     */
    public static void checkSecrets(List<DesiredConnector> connectors, Map<VaultReference, String> secrets) {
        Map<VaultReference, List<String>> usedBy = new LinkedHashMap<>();
        for (DesiredConnector connector : connectors) {
            connector.sensitive().forEach((key, template) -> template.vaultReferences().forEach(reference ->
                    usedBy.computeIfAbsent(reference, r -> new ArrayList<>()).add(key + " of " + connector.name())));
        }
        List<String> problems = new ArrayList<>();
        usedBy.forEach((reference, uses) -> {
            String why = unusable(secrets.get(reference));
            if (why != null) {
                problems.add(reference + " (" + String.join(", ", uses) + ") " + why);
            }
        });
        if (problems.size() == 1) {
            throw new CccException(problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new CccException(problems.size() + " Vault secrets cannot be used:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    private static String unusable(String value) {
        // Empty is an offline plan's placeholder (and an empty secret has nothing to leak).
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (SecretRegistry.isTrivial(value)) {
            return "resolved to a value too short or too common to protect (under 4 characters, a boolean, null,"
                    + " or a number of up to 6 digits): ccc could not mask it wherever it is echoed. This is"
                    + " almost certainly not the real secret: fix the secret in Vault.";
        }
        String structure = jsonStructure(value);
        if (structure != null) {
            return "holds a JSON " + structure + ", not a string: ccc would send the " + structure
                    + "'s JSON text as the value. Point the reference at a key whose value is a string, or"
                    + " store the JSON text itself as a string in Vault.";
        }
        return null;
    }

    /** "object" or "list" when the value is exactly the compact JSON text of one, else null. */
    private static String jsonStructure(String value) {
        if (!value.startsWith("{") && !value.startsWith("[")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(value);
            if (node == null || !node.isContainerNode() || !node.toString().equals(value)) {
                return null;
            }
            return node.isObject() ? "object" : "list";
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private ResolvedConnector resolveChecked(DesiredConnector connector) {
        Map<String, String> config = new LinkedHashMap<>(connector.config());
        if (connector.needsServiceAccountLookup()) {
            config.put(DesiredConnector.SERVICE_ACCOUNT_KEY, serviceAccountIds.apply(connector.serviceAccount()));
        }
        Map<String, String> visible = new LinkedHashMap<>(config);
        Map<String, String> digests = new LinkedHashMap<>();
        for (Map.Entry<String, Template> entry : connector.sensitive().entrySet()) {
            String value = entry.getValue().resolve(secrets::get);
            config.put(entry.getKey(), value);
            digests.put(entry.getKey(), SensitiveDigest.of(digest, entry.getKey(), value));
        }
        if (keepDigestInConfig && !digests.isEmpty()) {
            config.put(SensitiveDigest.CONFIG_KEY, SensitiveDigest.encode(digests));
        }
        config.put("name", connector.name());
        DesiredConnectorState planned = new DesiredConnectorState(connector.name(), connector.directory(), visible,
                digests, connector.state());
        return new ResolvedConnector(connector, config, planned);
    }
}
