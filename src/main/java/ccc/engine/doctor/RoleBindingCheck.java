package ccc.engine.doctor;

import ccc.client.iam.RoleBinding;
import ccc.config.ConnectorKind;
import ccc.engine.doctor.Grants.Access;
import ccc.engine.doctor.Grants.Kind;
import ccc.engine.doctor.Grants.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * role-binding: the connector's service account holds DeveloperRead on each topic a sink reads and on its
 * consumer group ({@code connect-lcc-<id>}, or a prefix binding that covers it), DeveloperWrite on each topic a
 * source writes and on the DLQ topic, and read (a sink) or write (a source, which registers its schemas) on the
 * subjects of its schema formats. Prefix bindings count. For a missing grant: the binding to create.
 */
final class RoleBindingCheck {

    static final String ID = "role-binding";
    /** The consumer group of a sink is this plus the connector's id. */
    static final String GROUP_PREFIX = "connect-";

    private final EnvironmentFacts facts;
    private Grants grants;
    private String unavailable;

    RoleBindingCheck(EnvironmentFacts facts) {
        this.facts = facts;
    }

    /**
     * @param serviceAccountId the account's sa- id, or null when it is not known (the service-account check says why)
     * @param authMode         kafka.auth.mode: only SERVICE_ACCOUNT grants can be checked
     * @param connectorId      lcc-... when the connector exists in the cluster, else null
     * @param idUnknown        why the connector's id could not be read, or null
     */
    List<CheckResult> run(String connector, ConnectorNeeds needs, String serviceAccountId, String authMode,
                          String connectorId, String idUnknown) {
        if (!facts.prerequisites().hasIam()) {
            return List.of();
        }
        if (authMode != null && !authMode.equals("SERVICE_ACCOUNT")) {
            return List.of(CheckResult.notRun(ID, "kafka.auth.mode " + authMode, "the grants of an API key's owner are "
                    + "not checked; with kafka.auth.mode SERVICE_ACCOUNT and a service_account they are"));
        }
        List<CheckResult> results = new ArrayList<>();
        String principal = "User:" + serviceAccountId;
        String why = serviceAccountId == null ? "the service account is not known (see service-account)" : grants();
        boolean sink = needs.kind() == ConnectorKind.SINK;
        Access data = sink ? Access.READ : Access.WRITE;
        for (String topic : sink ? needs.topicsRead() : needs.topicsWritten()) {
            results.add(check(connector, principal, data, Resource.of(Kind.TOPIC, topic), why));
        }
        if (needs.topicsRegex() != null) {
            results.add(CheckResult.notRun(ID, "DeveloperRead on topics matching " + needs.topicsRegex(), "ccc cannot "
                    + "check regex topics precisely: grant DeveloperRead on a prefix that covers every topic it matches"));
        }
        if (needs.topicPrefix() != null) {
            results.add(check(connector, principal, Access.WRITE, new Resource(Kind.TOPIC, needs.topicPrefix(), true), why));
        }
        if (sink) {
            results.add(group(connector, principal, connectorId, idUnknown, why));
        }
        if (needs.dlqTopic() != null) {
            results.add(check(connector, principal, Access.WRITE, Resource.of(Kind.TOPIC, needs.dlqTopic()), why));
        }
        for (String subject : needs.subjects()) {
            CheckResult result = check(connector, principal, data, Resource.of(Kind.SUBJECT, subject), why);
            if (result.status() == CheckStatus.FAILED && !grants.knowsSchemaRegistry()) {
                result = new CheckResult(result.check(), result.subject(), result.status(), result.hint()
                        + "; set schema_registry_cluster_id for the environment in ccc.yaml (or SCHEMA_REGISTRY_ID) "
                        + "to have <lsrc-id> filled in", result.fix());
            }
            results.add(result);
        }
        return results;
    }

    /** The sink's consumer group: exact once the connector exists, before that only a prefix binding can be seen. */
    private CheckResult group(String connector, String principal, String connectorId, String idUnknown, String why) {
        if (connectorId != null) {
            return check(connector, principal, Access.READ, Resource.of(Kind.GROUP, GROUP_PREFIX + connectorId), why);
        }
        Resource groups = new Resource(Kind.GROUP, GROUP_PREFIX + "lcc-", true);
        String subject = "DeveloperRead on group " + GROUP_PREFIX + "lcc-<id>";
        if (why != null) {
            return CheckResult.notRun(ID, subject, why);
        }
        RoleBinding binding = grants.covering(principal, Access.READ, groups);
        if (binding != null) {
            return CheckResult.passed(ID, subject, "granted by " + describe(binding));
        }
        String notYet = idUnknown != null ? "the connector's id could not be read (" + idUnknown + ")"
                : "the connector does not exist yet";
        return CheckResult.notRun(ID, subject, notYet + ", so its consumer group connect-lcc-<id> is not known: "
                + "after the first apply, 'ccc doctor' names the exact binding to create; or grant the prefix binding "
                + "below now", grants.fix(connector, principal, Access.READ, groups));
    }

    private CheckResult check(String connector, String principal, Access access, Resource resource, String why) {
        String subject = access.role + " on " + resource.describe();
        if (why != null) {
            return CheckResult.notRun(ID, subject, why);
        }
        RoleBinding binding = grants.covering(principal, access, resource);
        if (binding != null) {
            return CheckResult.passed(ID, subject, "granted by " + describe(binding));
        }
        return CheckResult.failed(ID, subject, principal + " holds no role binding that allows it: create this one",
                grants.fix(connector, principal, access, resource));
    }

    private static String describe(RoleBinding binding) {
        String crn = binding.crnPattern();
        return binding.roleName() + " on " + crn.substring(crn.lastIndexOf('/') + 1)
                + (binding.id().isEmpty() ? "" : " (" + binding.id() + ")");
    }

    /** Reads the environment's bindings once; null when they are known, else why not. */
    private String grants() {
        if (grants == null && unavailable == null) {
            Fact<String> crn = facts.environmentCrn();
            Fact<List<RoleBinding>> bindings = crn.known() ? facts.roleBindings() : null;
            if (!crn.known()) {
                unavailable = "the environment's CRN could not be read: " + crn.why();
            } else if (!bindings.known()) {
                unavailable = "the role bindings could not be listed: " + bindings.why();
            } else {
                grants = new Grants(crn.value(), facts.prerequisites().kafkaClusterId(),
                        facts.prerequisites().schemaRegistryClusterId(), bindings.value());
            }
        }
        return unavailable;
    }
}
