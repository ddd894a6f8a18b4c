package ccc.engine.doctor;

import ccc.CccException;
import ccc.config.DesiredConnector;
import ccc.config.Template;
import ccc.config.VaultReference;
import ccc.engine.DesiredStateResolver;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** vault-reference: every {@code ${vault:...}} of the connector resolves, to a value ccc can send and mask. */
final class VaultReferenceCheck {

    static final String ID = "vault-reference";

    private VaultReferenceCheck() {
    }

    static Set<VaultReference> references(DesiredConnector connector) {
        Set<VaultReference> references = new LinkedHashSet<>();
        for (Template template : connector.sensitive().values()) {
            references.addAll(template.vaultReferences());
        }
        return references;
    }

    static List<CheckResult> run(DesiredConnector connector, Map<VaultReference, Fact<String>> secrets) {
        List<CheckResult> results = new ArrayList<>();
        for (VaultReference reference : references(connector)) {
            Fact<String> secret = secrets.get(reference);
            if (secret == null || !secret.known()) {
                results.add(CheckResult.failed(ID, reference.toString(), secret == null ? "not read" : secret.why()));
                continue;
            }
            try {
                DesiredStateResolver.checkSecrets(List.of(connector), Map.of(reference, secret.value()));
                results.add(CheckResult.passed(ID, reference.toString(), "resolves"));
            } catch (CccException unusable) {
                results.add(CheckResult.failed(ID, reference.toString(), unusable.getMessage()));
            }
        }
        return results;
    }
}
