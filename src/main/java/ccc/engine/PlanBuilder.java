package ccc.engine;

import ccc.CccException;
import ccc.client.connect.ConnectorStatus;
import ccc.client.connect.RemoteConnector;
import ccc.client.connect.TaskState;
import ccc.client.iam.ServiceAccountException;
import ccc.plan.RunState;
import ccc.targets.Session;
import ccc.config.DesiredConnector;
import ccc.config.ProjectConfig;
import ccc.config.SensitiveMode;
import ccc.config.Workspace;
import ccc.plan.Action;
import ccc.plan.ActualConnectorState;
import ccc.plan.IgnoredKeys;
import ccc.plan.Notice;
import ccc.plan.DesiredConnectorState;
import ccc.plan.Plan;
import ccc.plan.PlanOptions;
import ccc.plan.Refusal;
import ccc.plan.RuleId;
import ccc.plan.Planner;
import ccc.plan.SensitiveDigest;
import ccc.secret.Masks;
import ccc.secret.SecretLikeness;
import ccc.secret.SecretRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
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


    public static PlannedRun build(Workspace workspace, String environment, PlanRequest request,
                                   Session access, SecretRegistry registry) {
        return build(workspace, environment, request, access, registry,
                request.offline() ? Map::of : () -> access.connect().list());
    }

    /** As {@link #build(Workspace, String, PlanRequest, Session, SecretRegistry)}, on a cluster already read. */
    static PlannedRun build(Workspace workspace, String environment, PlanRequest request, Session access,
                            SecretRegistry registry, Map<String, RemoteConnector> cluster) {
        return build(workspace, environment, request, access, registry, () -> cluster);
    }

    private static PlannedRun build(Workspace workspace, String environment, PlanRequest request, Session access,
                                    SecretRegistry registry, Supplier<Map<String, RemoteConnector>> list) {
        ProjectConfig config = workspace.config();
        List<DesiredConnector> all = workspace.connectors(environment);
        Set<String> selected = new LinkedHashSet<>();
        request.names().forEach(name -> selected.add(workspace.connectorName(environment, name)));
        List<DesiredConnector> chosen = selected.isEmpty() ? all
                : all.stream().filter(c -> selected.contains(c.name())).toList();
        PlanInputs inputs = PlanInputs.read(access, list, chosen, request.offline(), registry);
        Map<String, RemoteConnector> cluster = inputs.cluster();

        List<ActualConnectorState> actual = new ArrayList<>();
        Map<String, ConnectorStatus> observed = new HashMap<>();
        for (RemoteConnector connector : cluster.values()) {
            actual.add(toActual(connector));
            if (connector.status() != null) {
                observed.put(connector.name(), connector.status());
            }
        }
        Set<String> declared = new HashSet<>();
        all.forEach(connector -> declared.add(connector.name()));
        for (String name : selected) {
            boolean known = declared.contains(name)
                    || cluster.containsKey(name) && config.isManaged(environment, name);
            if (!known) {
                List<String> managed = actual.stream().map(ActualConnectorState::name)
                        .filter(n -> config.isManaged(environment, n)).toList();
                throw new CccException("no connector named '" + name + "' in " + environment
                        + " (neither in the repository nor, under the prefix " + config.namePrefix(environment)
                        + ", in the cluster)" + Suggestions.closestConnector(name, workspace, environment, managed));
            }
        }
        inputs.requireAll();
        Map<String, String> accountIds = new HashMap<>(inputs.accountIds());
        Map<String, String> missingAccounts = new HashMap<>(inputs.missingAccounts());
        UnaryOperator<String> digest = inputs.digest();
        DesiredStateResolver resolver = new DesiredStateResolver(inputs.secrets(),
                name -> accountIds.computeIfAbsent(name, n -> accountId(access, n, missingAccounts)), digest,
                config.sensitiveMode() == SensitiveMode.DIGEST && !access.returnsPlainSecrets());
        if (access.returnsPlainSecrets()) {
            actual = withDigestsOfPlainSecrets(actual, all, digest);
        }
        Optional<DigestBook> digestBook = inputs.digestBook();
        if (digestBook.isPresent()) {
            actual = digestBook.get().fillIn(actual);
        }
        actual = protectSecrets(actual, all, registry);
        Map<String, ResolvedConnector> resolved = new LinkedHashMap<>();
        for (ResolvedConnector connector : resolver.resolve(chosen)) {
            resolved.put(connector.name(), connector);
        }

        int outside = (int) actual.stream().filter(c -> !config.isManaged(environment, c.name())).count();
        PlanOptions options = new PlanOptions(config.namePrefix(environment), config.sensitiveMode(), config.limits(),
                request.allowOffsetLoss(), request.prune(), selected, digest, outside,
                all.stream().map(DesiredConnector::name).collect(java.util.stream.Collectors.toSet()),
                IgnoredKeys.of(config.ignoreKeys()), request.resendSecrets(), request.carryOffsets(), config.policies());
        Plan plan = Planner.plan(environment, planned(resolved), actual, options);
        List<Notice> notices = List.of();
        Map<String, List<String>> fieldErrors = Map.of();
        if (access.dropsUndefinedKeys() && plan.hasChanges()) {
            UndefinedKeys undefinedKeys = new UndefinedKeys(access.connect(), environment);
            List<ResolvedConnector> sent = new ArrayList<>();
            for (Action action : plan.changes()) {
                ResolvedConnector connector = resolved.get(action.connector());
                if (connector != null && !missingAccounts.containsKey(connector.source().serviceAccount())) {
                    sent.add(connector);
                }
            }
            undefinedKeys.of(sent).forEach((name, undefined) -> {
                if (!undefined.isEmpty()) {
                    resolved.put(name, resolver.resolve(resolved.get(name).source().withoutKeys(undefined)));
                }
            });
            notices = undefinedKeys.notices();
            fieldErrors = undefinedKeys.fieldErrors();
            plan = Planner.plan(environment, planned(resolved), actual, options);
        }
        plan = plan.withRefusals(prerequisites(plan, resolved, missingAccounts, fieldErrors, environment));
        List<DesiredConnectorState> planned = planned(resolved);
        return new PlannedRun(plan.withNotices(notices), resolved, desiredFingerprint(planned, digest),
                access.location(), digest, observed, digestBook);
    }

    /**
     * The account's sa- id, for a name {@link PlanInputs} did not read (none: it reads every account of the
     * planned connectors); one that is missing or ambiguous becomes a refusal (see {@link #prerequisites}).
     */
    private static String accountId(Session access, String name, Map<String, String> missing) {
        try {
            return access.serviceAccountId(name);
        } catch (ServiceAccountException e) {
            missing.put(name, e.getMessage());
            return "<unknown: " + name + ">";
        }
    }

    /**
     * The cheap prerequisites plan checks with what it already has, for the connectors it would send: a service
     * account that cannot be found, a config the plugin's validate call rejects. Each is a refusal: nothing is sent.
     */
    static List<Refusal> prerequisites(Plan plan, Map<String, ResolvedConnector> resolved,
                                       Map<String, String> missingAccounts, Map<String, List<String>> fieldErrors,
                                       String environment) {
        String override = "fix it, or run 'ccc doctor --env " + environment + "' for the full report";
        List<Refusal> refusals = new ArrayList<>();
        for (Action action : plan.changes()) {
            ResolvedConnector connector = resolved.get(action.connector());
            if (connector == null) {
                continue;
            }
            String account = missingAccounts.get(connector.source().serviceAccount());
            if (account != null) {
                refusals.add(new Refusal(action.connector(), RuleId.PREREQUISITE, action.connector() + ": "
                        + account.replaceAll("\\.$", ""), override));
            }
            List<String> errors = fieldErrors.get(action.connector());
            if (errors != null) {
                refusals.add(new Refusal(action.connector(), RuleId.PREREQUISITE, action.connector() + ": the plugin's "
                        + "validate call rejects its config: " + String.join("; ", errors), override));
            }
        }
        return refusals;
    }

    private static List<DesiredConnectorState> planned(Map<String, ResolvedConnector> resolved) {
        return resolved.values().stream().map(ResolvedConnector::planned).toList();
    }

    /**
     * A self-managed worker returns secrets in plain text: their keyed digests (of this run's key)
     * stand in for the digest a cluster that masks them would keep, so that the plan compares them
     * like any other sensitive value, before {@link #protectSecrets} masks the values themselves.
     */
    static List<ActualConnectorState> withDigestsOfPlainSecrets(List<ActualConnectorState> actual,
                                                                List<DesiredConnector> desired,
                                                                UnaryOperator<String> digest) {
        Map<String, DesiredConnector> byName = new HashMap<>();
        desired.forEach(connector -> byName.put(connector.name(), connector));
        List<ActualConnectorState> result = new ArrayList<>();
        for (ActualConnectorState connector : actual) {
            DesiredConnector declared = byName.get(connector.name());
            Map<String, String> digests = new TreeMap<>();
            if (declared != null) {
                for (String key : declared.sensitive().keySet()) {
                    String value = connector.config().get(key);
                    if (value != null && !Masks.isMasked(value)) {
                        digests.put(key, SensitiveDigest.of(digest, key, value));
                    }
                }
            }
            if (digests.isEmpty()) {
                result.add(connector);
                continue;
            }
            Map<String, String> config = new TreeMap<>(connector.config());
            config.put(SensitiveDigest.CONFIG_KEY, SensitiveDigest.encode(digests));
            result.add(connector.withConfig(config));
        }
        return result;
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
        Set<String> sensitive = new HashSet<>();
        desired.forEach(connector -> sensitive.addAll(connector.sensitive().keySet()));
        desired.forEach(connector -> connector.sensitive().values().stream()
                .filter(template -> !template.hasVaultReferences() && template.variables().isEmpty())
                .forEach(template -> registry.register(template.text())));
        for (ActualConnectorState connector : actual) {
            connector.config().forEach((key, value) -> {
                if (Masks.isMasked(value)) {
                    sensitive.add(key);
                }
            });
            sensitive.addAll(SensitiveDigest.decode(connector.config().get(SensitiveDigest.CONFIG_KEY)).keySet());
        }
        sensitive.forEach(registry::registerKey);
        List<ActualConnectorState> protectedStates = new ArrayList<>();
        Map<String, DesiredConnector> byName = new HashMap<>();
        desired.forEach(connector -> byName.putIfAbsent(connector.name(), connector));
        for (ActualConnectorState connector : actual) {
            DesiredConnector declared = byName.get(connector.name());
            Map<String, String> config = new TreeMap<>();
            connector.config().forEach((key, value) -> {
                boolean declaredPlain = declared != null && declared.config().containsKey(key)
                        && !declared.sensitive().containsKey(key);
                boolean secret = !declaredPlain && (sensitive.contains(key) || secretByName(key, value));
                if (secret && !Masks.isMasked(value)) {
                    registry.register(value);
                    registry.registerKey(key);
                    config.put(key, SecretRegistry.MASK);
                } else {
                    config.put(key, value);
                }
            });
            protectedStates.add(connector.withConfig(config));
        }
        return protectedStates;
    }

    private static boolean secretByName(String key, String value) {
        // Keys the server adds are never secret because of their name: valid.kafka.api.key holds "true".
        return !IgnoredKeys.DEFAULT.ignores(key) && SecretLikeness.looksSecret(key, value);
    }

    public static ActualConnectorState toActual(RemoteConnector connector) {
        Map<String, String> config = new TreeMap<>();
        connector.config().forEach((key, value) -> {
            if (value != null) {
                config.put(key, Masks.canonical(value));
            }
        });
        return new ActualConnectorState(connector.name(), connector.id(), config, connector.state(),
                problemOf(connector.status()));
    }

    /** Why a connector does not run as it should, in one line; null when it does. */
    static String problemOf(ConnectorStatus status) {
        if (status == null) {
            return null;
        }
        RunState state = status.runState();
        if (state == RunState.FAILED || state == RunState.DEGRADED) {
            String trace = status.connector() == null ? null : status.connector().trace();
            return state + (trace == null || trace.isBlank() ? "" : ": " + StateWaiter.firstLine(trace));
        }
        for (TaskState task : status.tasks()) {
            if (task.runState() == RunState.FAILED
                    || (state == RunState.RUNNING && task.runState() == RunState.STOPPED)) {
                return state + ", but task " + task.id() + " is " + task.runState()
                        + (task.trace() == null || task.trace().isBlank() ? "" : ": " + StateWaiter.firstLine(task.trace()));
            }
        }
        return null;
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
