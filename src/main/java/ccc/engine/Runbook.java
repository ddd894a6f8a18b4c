package ccc.engine;

import ccc.CccException;
import ccc.client.Poll;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.ConnectorOffsets;
import ccc.client.connect.ConnectorStatus;
import ccc.client.connect.OffsetRequest;
import ccc.client.connect.OffsetRequestStatus;
import ccc.client.connect.RemoteConnector;
import ccc.config.DeclaredState;
import ccc.plan.RunState;
import ccc.config.DesiredConnector;
import ccc.config.Workspace;
import ccc.secret.SecretRegistry;
import ccc.targets.Session;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The on-call use cases on one environment: read the cluster, pause, resume, restart, and move
 * offsets, each waiting for the state that follows it. They work even when some connector file is
 * broken (a night incident is no time to fix a typo first): only ccc.yaml must load.
 */
public final class Runbook {

    /** How a pause, resume or restart ended; {@code declared} is the repository's other wish, if any. */
    public record StateChange(String connector, DeclaredState wanted, StateWaiter.Result result,
                              Optional<DesiredConnector> declaredOtherwise) {
    }

    /**
     * How an offsets change ended: the offsets before and after, and the request's final status. {@code stoppedFrom}
     * is the state the connector was stopped from for the change and put back in (a self-managed worker), null when
     * it was not stopped; {@code stateAfter} its state once the change ended, null when unknown.
     */
    public record OffsetsMove(String connector, ConnectorOffsets before, ConnectorOffsets after,
                              OffsetRequestStatus status, boolean timedOut, String stoppedFrom, String stateAfter) {
    }

    private final Workspace workspace;
    private final String environment;
    private final Session session;
    private final SecretRegistry secrets;
    private final boolean anyName;
    private Map<String, RemoteConnector> lastRead = Map.of();

    /** @param anyName allow connectors outside the managed name prefix */
    public Runbook(Workspace workspace, String environment, Session session, SecretRegistry secrets, boolean anyName) {
        this.workspace = workspace;
        this.environment = environment;
        this.session = session;
        this.secrets = secrets;
        this.anyName = anyName;
    }

    public Session session() {
        return session;
    }

    private ConnectClient client() {
        return session.connect();
    }

    /**
     * Every connector of the cluster, in one request. What may be secret in them (declared sensitive
     * keys, sensitive values the repository holds literally, keys the cluster masks, plain-text
     * secrets of a self-managed worker) joins the scrubber first, because traces and errors can echo
     * a config back. Vault is not read: a Vault secret echoed without its key is not known here.
     */
    public Map<String, RemoteConnector> cluster() {
        Map<String, RemoteConnector> cluster = client().list();
        lastRead = cluster;
        PlanBuilder.protectSecrets(cluster.values().stream().map(PlanBuilder::toActual).toList(),
                workspace.connectors(environment), secrets);
        return cluster;
    }

    /**
     * Whether {@link #cluster()} knew every sensitive key the repository declares for the
     * environment: false when some connector file is broken, so that its connectors' traces are
     * scrubbed only of what the cluster itself masks.
     */
    public boolean knowsEverySensitiveKey() {
        return !workspace.hasErrors();
    }

    /** Connectors of the managed scope (all of them with anyName), as the cluster lists them. */
    public boolean inScope(String name) {
        return anyName || workspace.config().isManaged(environment, name);
    }

    /** Connector names (directory names are translated), each checked against the prefix and the cluster. */
    public List<String> resolveNames(List<String> requested, Map<String, RemoteConnector> cluster) {
        Set<String> names = new LinkedHashSet<>();
        requested.forEach(name -> names.add(workspace.connectorName(environment, name)));
        for (String name : names) {
            if (!cluster.containsKey(name)) {
                List<String> inScope = cluster.keySet().stream().filter(this::inScope).toList();
                throw new CccException("no connector named '" + name + "' in " + environment + " ("
                        + session.location() + ")" + Suggestions.closestConnector(name, workspace, environment, inScope));
            }
            if (!inScope(name)) {
                throw CccException.refused("'" + name + "' is outside the managed prefix '"
                        + workspace.config().namePrefix(environment) + "'; pass --any-name to act on another team's connector.");
            }
        }
        return List.copyOf(names);
    }

    /** Connectors the repository declares in this environment that the cluster does not have. */
    public List<String> missing(Map<String, RemoteConnector> cluster) {
        return workspace.connectors(environment).stream().map(DesiredConnector::name)
                .filter(name -> !cluster.containsKey(name)).toList();
    }

    public StateChange pause(String name, Wait waiting, Consumer<String> progress) {
        ConnectorStatus before = statusBefore(name);
        client().pause(name);
        return awaitState(name, DeclaredState.PAUSED, before, waiting, progress);
    }

    public StateChange resume(String name, Wait waiting, Consumer<String> progress) {
        ConnectorStatus before = statusBefore(name);
        client().resume(name);
        return awaitState(name, DeclaredState.RUNNING, before, waiting, progress);
    }

    /** Whether this environment can restart only what FAILED (Confluent Cloud cannot: it restarts the whole connector). */
    public boolean restartsOnlyFailed() {
        return client().restartsOnlyFailed();
    }

    /** Restarts the connector and its tasks ({@code failedOnly}: only what FAILED) and waits for RUNNING. */
    public StateChange restart(String name, boolean failedOnly, Wait waiting, Consumer<String> progress) {
        ConnectorStatus before = statusBefore(name);
        client().restart(name, true, failedOnly);
        return awaitState(name, DeclaredState.RUNNING, before, waiting, progress);
    }

    /** The status of the last cluster read: a failure it already showed is not blamed on the action. */
    private ConnectorStatus statusBefore(String name) {
        RemoteConnector read = lastRead.get(name);
        return read == null ? null : read.status();
    }

    private StateChange awaitState(String name, DeclaredState wanted, ConnectorStatus before, Wait waiting,
                                   Consumer<String> progress) {
        StateWaiter.Result result = new StateWaiter(client(), waiting.poll(), waiting.settle(), progress)
                .await(name, wanted, before);
        Optional<DesiredConnector> otherwise = declared(name).filter(d -> d.state() != wanted);
        return new StateChange(name, wanted, result, otherwise);
    }

    public ConnectorOffsets offsets(String name) {
        return client().offsets(name);
    }

    /**
     * The state a connector is in when moving its offsets will stop it and then put it back there (a self-managed
     * worker changes offsets only while a connector is STOPPED); empty where it is not touched (Confluent Cloud, or
     * a connector stopped already). From the last {@link #cluster()} read.
     */
    public Optional<String> stoppedForOffsets(String name) {
        RemoteConnector read = lastRead.get(name);
        if (!client().stopsForOffsets() || read == null || read.state() == null
                || RunState.of(read.state()) == RunState.STOPPED) {
            return Optional.empty();
        }
        return Optional.of(read.state());
    }

    /** Moves the offsets to the given positions and waits for the request to end. */
    public OffsetsMove setOffsets(String name, List<ConnectorOffsets.Entry> offsets, ConnectorOffsets before,
                                  Poll waiting) {
        return awaitOffsets(name, client().patchOffsets(name, offsets), before, waiting);
    }

    /** Resets the offsets (the connector starts from scratch) and waits for the request to end. */
    public OffsetsMove resetOffsets(String name, ConnectorOffsets before, Poll waiting) {
        return awaitOffsets(name, client().resetOffsets(name), before, waiting);
    }

    /**
     * Polls the request status until it describes this request (the status is the latest request's,
     * which may still be an earlier one) and is final.
     */
    private OffsetsMove awaitOffsets(String name, OffsetRequest request, ConnectorOffsets before, Poll waiting) {
        String stoppedFrom = stoppedForOffsets(name).orElse(null);
        OffsetRequestStatus status = waiting.until(() -> client().offsetRequestStatus(name),
                seen -> seen.describes(request) && seen.isFinal());
        boolean done = status.describes(request) && status.isFinal();
        String stateAfter = null;
        if (stoppedFrom != null) {
            // The worker puts it back asynchronously: what it is after the change is what it settles in.
            String restored = RunState.of(stoppedFrom) == RunState.PAUSED ? "PAUSED" : "RUNNING";
            ConnectorStatus after = waiting.until(() -> client().statusIfPresent(name),
                    seen -> seen != null && restored.equals(seen.state()));
            stateAfter = after == null ? null : after.state();
        }
        return new OffsetsMove(name, before, client().offsets(name), status, !done, stoppedFrom, stateAfter);
    }

    public Optional<DesiredConnector> declared(String name) {
        return workspace.connectors(environment).stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
