package ccc.targets;

import ccc.CccException;
import ccc.client.connect.ConnectClient;
import ccc.config.VaultReference;
import ccc.plan.SensitiveDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code --offline}: an empty cluster, no Vault and no IAM. Secrets stay unresolved (only their
 * presence shows in a plan) and service accounts keep their display names.
 */
public final class OfflineSession implements Session {

    @Override
    public String location() {
        return "offline: against an empty cluster";
    }

    @Override
    public ConnectClient connect() {
        throw new CccException("an offline plan cannot be applied; run 'ccc plan' without --offline");
    }

    @Override
    public Map<VaultReference, String> secrets(List<VaultReference> references) {
        Map<VaultReference, String> placeholders = new LinkedHashMap<>();
        references.forEach(reference -> placeholders.put(reference, ""));
        return placeholders;
    }

    @Override
    public String serviceAccountId(String displayNameOrId) {
        return displayNameOrId.startsWith("sa-") ? displayNameOrId : "<id of " + displayNameOrId + ">";
    }

    @Override
    public Prerequisites prerequisites() {
        throw new CccException("prerequisites cannot be checked offline; run 'ccc doctor' with credentials");
    }

    @Override
    public UnaryOperator<String> digest() {
        return SensitiveDigest.hmac("ccc offline plan".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean dropsUndefinedKeys() {
        return false;
    }

    @Override
    public boolean returnsPlainSecrets() {
        return false;
    }
}
