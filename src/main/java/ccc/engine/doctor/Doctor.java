package ccc.engine.doctor;

import ccc.config.ConnectorKind;
import ccc.config.DesiredConnector;
import ccc.config.VaultReference;
import ccc.engine.DesiredStateResolver;
import ccc.plan.SensitiveDigest;
import ccc.targets.Session;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ccc doctor}: every prerequisite of each connector, checked before it matters. Per connector: its Vault
 * references, the Connect API and the class, the plugin's validate call, its service account, its role
 * bindings, its topics and DLQ topic, its subjects. What the environment holds (service accounts, role bindings,
 * topics, subjects, plugins, connector ids) is read once for all connectors, and only when a check needs it; the
 * validate call is made once per connector, since its answer depends on the config.
 */
public final class Doctor {

    private static final String AUTH_MODE = "kafka.auth.mode";

    private Doctor() {
    }

    public static DoctorRun check(String environment, List<DesiredConnector> connectors, Session session) {
        EnvironmentFacts facts = new EnvironmentFacts(session);
        List<VaultReference> references = DesiredStateResolver.vaultReferences(connectors);
        Map<VaultReference, Fact<String>> secrets = facts.secrets(references);
        ServiceAccountCheck serviceAccounts = new ServiceAccountCheck(facts);
        ConnectCheck connect = new ConnectCheck(facts);
        ValidateCheck validate = new ValidateCheck(facts, session.dropsUndefinedKeys());
        RoleBindingCheck roleBindings = new RoleBindingCheck(facts);
        TopicCheck topics = new TopicCheck(facts);
        SubjectCheck subjects = new SubjectCheck(facts);

        List<ConnectorChecks> results = new ArrayList<>();
        for (DesiredConnector connector : connectors) {
            List<CheckResult> checks = new ArrayList<>(VaultReferenceCheck.run(connector, secrets));
            ServiceAccountCheck.Outcome account = serviceAccounts.run(connector);
            checks.addAll(connect.run(connector));
            String incomplete = incomplete(checks, account);
            String unavailable = connect.unavailable(connector);
            Map<String, String> config = unavailable == null && incomplete == null
                    ? sendable(connector, secrets, account.id()) : null;
            checks.addAll(validate.run(connector, config, unavailable != null ? unavailable : incomplete));
            if (account.result() != null) {
                checks.add(account.result());
            }
            ConnectorNeeds needs = ConnectorNeeds.of(connector.config());
            if (account.result() != null || connector.config().containsKey(AUTH_MODE)) {
                Fact<Map<String, String>> ids = needs.kind() == ConnectorKind.SINK ? facts.connectorIds()
                        : new Fact<>(Map.of(), null);
                checks.addAll(roleBindings.run(connector.name(), needs, account.id(), connector.config().get(AUTH_MODE),
                        ids.known() ? ids.value().get(connector.name()) : null, ids.why()));
            }
            checks.addAll(topics.run(needs));
            checks.addAll(subjects.run(needs, needs.schemaType()));
            results.add(new ConnectorChecks(connector.name(), checks));
        }
        return new DoctorRun(environment, session.location(), results);
    }

    /** Why the config apply would send cannot be put together, or null when it can. */
    private static String incomplete(List<CheckResult> checks, ServiceAccountCheck.Outcome account) {
        if (checks.stream().anyMatch(c -> c.check().equals(VaultReferenceCheck.ID) && c.status() != CheckStatus.PASSED)) {
            return "a Vault reference of the connector does not resolve (see " + VaultReferenceCheck.ID + ")";
        }
        if (account.result() != null && account.id() == null) {
            return "the service account's id is not known (see " + ServiceAccountCheck.ID + ")";
        }
        return null;
    }

    /** The config as apply would send it (without ccc's digest key, which is no key of any class). */
    private static Map<String, String> sendable(DesiredConnector connector, Map<VaultReference, Fact<String>> secrets,
                                                String serviceAccountId) {
        Map<VaultReference, String> values = new HashMap<>();
        secrets.forEach((reference, secret) -> {
            if (secret.known()) {
                values.put(reference, secret.value());
            }
        });
        DesiredStateResolver resolver = new DesiredStateResolver(values, name -> serviceAccountId,
                SensitiveDigest.hmac("ccc doctor".getBytes(StandardCharsets.UTF_8)), false);
        return resolver.resolve(connector).config();
    }
}
