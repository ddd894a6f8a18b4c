package ccc.engine;

import ccc.CccException;
import ccc.client.connect.RemoteConnector;
import ccc.target.Session;
import ccc.config.DesiredConnector;
import ccc.config.ProjectConfig;
import ccc.config.VaultReference;
import ccc.config.Workspace;
import ccc.plan.ActualConnectorState;
import ccc.plan.DesiredConnectorState;
import ccc.plan.Plan;
import ccc.plan.PlanOptions;
import ccc.plan.Planner;
import ccc.plan.ConfigDiff;
import ccc.plan.SensitiveDigest;
import ccc.secret.SecretRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The data flow of {@code plan} and {@code apply}: the repository's connectors, the cluster's
 * connectors (one list call), secrets and service accounts resolved only for what is selected,
 * then the pure plan engine.
 */
public final class PlanBuilder {

    private PlanBuilder() {
    }

    /** Key names that hold secrets in the plugins the bank uses; only ever used to mask more, never less. */
    private static final Pattern SECRET_LIKE_KEY =
            Pattern.compile("(?i).*(password|secret|token|credential|private|\\.key)$");
    /**
     * Keys Confluent Cloud adds to every connector (../shared/docs/confluent-cloud-api.md): never
     * secret because of their name ({@code valid.kafka.api.key} holds "true").
     */
    private static final Set<String> SERVER_KEYS = Set.of("cloud.environment", "cloud.provider", "connector.crn",
            "kafka.endpoint", "kafka.region", "kafka.dedicated", "kafka.max.partition.validation.disable",
            "kafka.user.id", "schema.registry.url", "valid.kafka.api.key", "confluent.custom.plugin.type",
            "confluent.resource.connector.tier", "name", "connector.class");
    private static final String SERVER_KEY_PREFIX = "config.internal.";

    public static PlannedRun build(Workspace workspace, String environment, PlanRequest request,
                                   Session access, SecretRegistry registry) {
        ProjectConfig config = workspace.config();
        List<DesiredConnector> all = workspace.connectors(environment);
        Set<String> selected = new LinkedHashSet<>();
        request.names().forEach(name -> selected.add(workspace.connectorName(environment, name)));

        List<ActualConnectorState> actual = new ArrayList<>();
        if (!request.offline()) {
            for (RemoteConnector connector : access.connect().list().values()) {
                actual.add(toActual(connector));
            }
        }
        actual = protectSecrets(actual, all, registry);
        for (String name : selected) {
            boolean known = all.stream().anyMatch(c -> c.name().equals(name))
                    || actual.stream().anyMatch(c -> c.name().equals(name) && config.isManaged(name));
            if (!known) {
                List<String> candidates = new ArrayList<>(all.stream().map(DesiredConnector::name).toList());
                actual.stream().map(ActualConnectorState::name).filter(config::isManaged).forEach(candidates::add);
                throw new CccException("no connector named '" + name + "' in " + environment
                        + " (neither in the repository nor, under the prefix " + config.namePrefix()
                        + ", in the cluster)" + Suggestions.closest(name, candidates));
            }
        }
        List<DesiredConnector> chosen = selected.isEmpty() ? all
                : all.stream().filter(c -> selected.contains(c.name())).toList();

        List<VaultReference> references = DesiredStateResolver.vaultReferences(chosen);
        Map<VaultReference, String> secrets = references.isEmpty() ? Map.of() : access.secrets(references);
        Map<String, String> accountIds = new HashMap<>();
        UnaryOperator<String> digest = access.digest();
        DesiredStateResolver resolver = new DesiredStateResolver(secrets,
                name -> accountIds.computeIfAbsent(name, access::serviceAccountId), digest, config.sensitiveMode());
        Map<String, ResolvedConnector> resolved = new LinkedHashMap<>();
        for (ResolvedConnector connector : resolver.resolve(chosen)) {
            resolved.put(connector.name(), connector);
        }

        int outside = (int) actual.stream().filter(c -> !config.isManaged(c.name())).count();
        PlanOptions options = new PlanOptions(config.namePrefix(), config.sensitiveMode(), config.limits(),
                request.allowOffsetLoss(), request.prune(), selected, digest, outside,
                all.stream().map(DesiredConnector::name).collect(java.util.stream.Collectors.toSet()));
        List<DesiredConnectorState> planned = resolved.values().stream().map(ResolvedConnector::planned).toList();
        Plan plan = Planner.plan(environment, planned, actual, options);
        return new PlannedRun(plan, resolved, desiredFingerprint(planned, digest), access.location(), digest);
    }

    /**
     * Before anything about the cluster is planned or printed: every value that may be secret joins
     * the scrubber, and the plain-text secrets a self-managed worker returns are masked as Cloud
     * masks them (so neither a plan nor a saved plan's fingerprint carries them). A key counts as
     * secret when its connector declares it sensitive, when the cluster masks it, when ccc's digest
     * lists it, or, for a key the repository does not declare at all, when its name says so (never
     * for a key the server adds). A sensitive value the repository holds literally, not as a Vault
     * reference, joins the scrubber too: a trace may echo it in free text.
     */
    public static List<ActualConnectorState> protectSecrets(List<ActualConnectorState> actual,
                                                            List<DesiredConnector> desired, SecretRegistry registry) {
        Set<String> sensitive = new java.util.HashSet<>();
        desired.forEach(connector -> sensitive.addAll(connector.sensitive().keySet()));
        desired.forEach(connector -> connector.sensitive().values().stream()
                .filter(template -> !template.hasVaultReferences() && template.variables().isEmpty())
                .forEach(template -> registry.register(template.text())));
        for (ActualConnectorState connector : actual) {
            connector.config().forEach((key, value) -> {
                if (ConfigDiff.isMasked(value)) {
                    sensitive.add(key);
                }
            });
            sensitive.addAll(SensitiveDigest.decode(connector.config().get(SensitiveDigest.CONFIG_KEY)).keySet());
        }
        sensitive.forEach(registry::registerKey);
        List<ActualConnectorState> protectedStates = new ArrayList<>();
        for (ActualConnectorState connector : actual) {
            DesiredConnector declared = desired.stream().filter(d -> d.name().equals(connector.name()))
                    .findFirst().orElse(null);
            Map<String, String> config = new TreeMap<>();
            connector.config().forEach((key, value) -> {
                boolean declaredPlain = declared != null && declared.config().containsKey(key)
                        && !declared.sensitive().containsKey(key);
                boolean secret = !declaredPlain && (sensitive.contains(key) || secretByName(key));
                if (secret && !ConfigDiff.isMasked(value)) {
                    registry.register(value);
                    registry.registerKey(key);
                    config.put(key, SecretRegistry.MASK);
                } else {
                    config.put(key, value);
                }
            });
            protectedStates.add(new ActualConnectorState(connector.name(), connector.id(), config, connector.state()));
        }
        return protectedStates;
    }

    private static boolean secretByName(String key) {
        return !SERVER_KEYS.contains(key) && !key.startsWith(SERVER_KEY_PREFIX) && SECRET_LIKE_KEY.matcher(key).matches();
    }

    public static ActualConnectorState toActual(RemoteConnector connector) {
        Map<String, String> config = new TreeMap<>();
        connector.config().forEach((key, value) -> {
            if (value != null) {
                config.put(key, value);
            }
        });
        return new ActualConnectorState(connector.name(), connector.id(), config, connector.state());
    }

    /** A keyed digest of everything the plan compared on the repository's side. */
    static String desiredFingerprint(List<DesiredConnectorState> planned, UnaryOperator<String> digest) {
        StringBuilder canonical = new StringBuilder();
        for (DesiredConnectorState connector : planned) {
            canonical.append(connector.name()).append('\u0001').append(connector.state()).append('\u0001');
            new TreeMap<>(connector.config()).forEach((k, v) -> canonical.append(k).append('=').append(v).append('\u0002'));
            new TreeMap<>(connector.sensitiveDigests()).forEach((k, v) ->
                    canonical.append(k).append('#').append(v).append('\u0002'));
            canonical.append('\u0003');
        }
        return "hmac-sha256:" + digest.apply(canonical.toString());
    }
}
