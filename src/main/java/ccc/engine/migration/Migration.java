package ccc.engine.migration;

import ccc.CccException;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.ConnectorOffsets;
import ccc.client.connect.RemoteConnector;
import ccc.config.ConnectorKind;
import ccc.config.DeclaredState;
import ccc.config.Workspace;
import ccc.engine.OffsetCarry;
import ccc.engine.PlanBuilder;
import ccc.engine.PlanRequest;
import ccc.engine.PlannedRun;
import ccc.engine.ResolvedConnector;
import ccc.engine.StateWaiter;
import ccc.engine.Suggestions;
import ccc.engine.Wait;
import ccc.plan.Action;
import ccc.plan.ActionType;
import ccc.plan.RunState;
import ccc.secret.SecretRegistry;
import ccc.targets.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code ccc migrate}: one connector of a self-managed worker cut over to an environment, the
 * seed's cutover as one guarded command. Dry run unless executed: every step is listed, nothing
 * changes. Executed: the worker's connector is stopped (paused on a worker too old to stop), its
 * offsets read once they no longer change, converted where ccc knows both formats (a sink's
 * topic-partition offsets carry over as they are; a source's only to the same class, or from a
 * file the user converted), the environment's connector created from the repository's files with
 * those offsets, watched until it runs, and with --delete-source the worker's connector deleted.
 *
 * <p>Whatever could not be carried is refused before anything changes. A failure at any later
 * step leaves the worker's connector stopped, not deleted, and says how to resume it; running the
 * command again after a failure finds the new connector there and the old one stopped, and
 * completes the cutover without creating anything again.
 */
public final class Migration {

    /** A step as listed: what it would do (dry run), or what it did. */
    public enum Status { WOULD, DONE, FAILED, SKIPPED }

    public record Step(String text, Status status) {
    }

    /**
     * @param target the repository's connector to create (name or directory), or null for the name
     *     {@code ccc import} gives the source
     * @param offsets offsets to create it from instead of the source's (converted by hand), or null
     * @param allowOffsetLoss create it without offsets where they cannot be carried
     */
    public record Request(String sourceUrl, String source, String target, boolean execute, boolean deleteSource,
                          List<ConnectorOffsets.Entry> offsets, boolean allowOffsetLoss) {
    }

    /** What happened, step by step; {@code resume} says how to resume the source when it was left stopped. */
    public record Result(String environment, String sourceUrl, String source, String sourceClass, String target,
                         String targetClass, String location, boolean executed, String conversion, Integer offsetsRead,
                         Integer offsetsCarried, List<Step> steps, boolean succeeded, String resume) {
        public Result {
            steps = List.copyOf(steps);
        }
    }

    private final Workspace workspace;
    private final String environment;
    private final ConnectClient worker;
    private final Session session;
    private final SecretRegistry secrets;
    private final Wait waiting;
    private final Consumer<String> progress;
    private final List<Step> steps = new ArrayList<>();

    public Migration(Workspace workspace, String environment, ConnectClient worker, Session session,
                     SecretRegistry secrets, Wait waiting, Consumer<String> progress) {
        this.workspace = workspace;
        this.environment = environment;
        this.worker = worker;
        this.session = session;
        this.secrets = secrets;
        this.waiting = waiting;
        this.progress = progress;
    }

    public Result run(Request request) {
        String url = Importer.displayUrl(request.sourceUrl());
        Map<String, RemoteConnector> onWorker = worker.list();
        onWorker.values().forEach(connector -> connector.config().forEach((key, value) -> {
            if (Translator.isSecret(key, value)) {
                secrets.register(value);
                secrets.registerKey(key);
            }
        }));
        RemoteConnector source = onWorker.get(request.source());
        if (source == null) {
            throw new CccException("no connector named '" + request.source() + "' on the worker at " + url
                    + Suggestions.closest(request.source(), new ArrayList<>(onWorker.keySet())));
        }
        String prefix = workspace.config().namePrefix(environment);
        String target = request.target() != null ? workspace.connectorName(environment, request.target())
                : prefix + Importer.stemOf(request.source(), prefix);
        if (workspace.connectors(environment).stream().noneMatch(c -> c.name().equals(target))) {
            List<String> close = request.target() == null ? List.of()
                    : Suggestions.closeConnectors(request.target(), workspace, environment, List.of());
            String closest = close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)";
            throw new CccException("the repository declares no connector " + target + " in " + environment + closest
                    + "; write it first: 'ccc import --from " + url + " " + request.source() + " --env " + environment
                    + "' (then fill in its Vault secrets and review it), or name it with --to");
        }
        PlannedRun planned = PlanBuilder.build(workspace, environment,
                new PlanRequest(List.of(target), false, false, false), session, secrets);
        if (!planned.plan().refusals().isEmpty()) {
            throw CccException.refused("the plan for " + target + " is refused: "
                    + planned.plan().refusals().get(0).message() + "; nothing was changed");
        }
        ResolvedConnector desired = planned.desired().get(target);
        Action action = planned.plan().actions().stream().filter(a -> a.connector().equals(target)).findFirst()
                .orElseThrow();
        boolean exists = action.type() != ActionType.CREATE;
        String sourceClass = source.config().getOrDefault("connector.class", "?");
        String targetClass = desired.config().getOrDefault("connector.class", "?");
        ConnectorKind sourceKind = kindOf(source);
        ConnectorKind targetKind = ConnectorKind.of(desired.config());
        RunState sourceState = RunState.of(source.state());

        if (sourceKind != targetKind) {
            throw CccException.refused(request.source() + " is a " + sourceKind.id() + " and " + target + " a "
                    + targetKind.id() + ": their offsets have nothing in common; nothing was changed");
        }
        if (exists && !sourceState.notRunning()) {
            throw CccException.refused(target + " exists already in " + environment + " while " + request.source()
                    + " still runs on the worker: it may have started without " + request.source() + "'s offsets. "
                    + "Delete it (or stop " + request.source() + " if an earlier migrate created it) and run again;"
                    + " nothing was changed");
        }
        String conversion = conversion(request, sourceKind, sourceClass, targetClass, target);
        String location = session.location();
        String resume = "resume it with: curl -X PUT " + url + "/connectors/"
                + request.source() + "/resume";
        Result[] failed = {null};
        boolean[] created = {exists};
        String[] rested = {sourceState.notRunning() ? sourceState.name() : null};
        Integer[] counts = {null, null};
        try {
            // 1. bring the source to rest
            if (sourceState.notRunning()) {
                record(request.source() + " is " + sourceState + " already on " + url, request.execute() ? Status.DONE
                        : Status.WOULD, request.execute());
            } else if (!request.execute()) {
                record("stop " + request.source() + " on " + url + " (pause it where the worker cannot stop) and wait "
                        + "until no task runs", Status.WOULD, false);
            } else {
                RunState quiet = worker.stopOrPause(request.source());
                rested[0] = quiet.name();
                OffsetCarry.awaitQuiet(worker, request.source(), quiet, waiting.poll());
                record("stopped " + request.source() + " on " + url + " (" + quiet + ")", Status.DONE, true);
            }
            // 2. its offsets, converted
            List<ConnectorOffsets.Entry> carried = List.of();
            if (exists) {
                record(target + " exists already in " + environment + " (an earlier migrate created it): not created "
                        + "again, its own offsets are kept", request.execute() ? Status.SKIPPED : Status.WOULD,
                        request.execute());
            } else {
                List<ConnectorOffsets.Entry> read = request.offsets() != null ? request.offsets()
                        : conversion.startsWith("none") ? List.of()
                        : request.execute() ? OffsetCarry.stable(worker, request.source(), waiting.poll().timeout(),
                        waiting.poll().interval())
                        : worker.offsets(request.source()).offsets();
                carried = request.offsets() != null || conversion.startsWith("none") ? read
                        : OffsetCarry.usableBy(desired.config(), read);
                counts[0] = read.size();
                counts[1] = carried.size();
                if (carried.size() < read.size() && request.offsets() == null && !request.allowOffsetLoss()
                        && !conversion.startsWith("none")) {
                    // The target would start from scratch on what the source read: refused before it exists.
                    throw CccException.refused(request.source() + " has " + count(read.size()) + " but " + target
                            + " would carry only " + carried.size() + " of them (the others are for topics it does not "
                            + "read): it would re-read or skip that data. Make " + target + " read the same topics, "
                            + "or pass --allow-offset-loss. " + request.source() + " is left "
                            + (request.execute() ? "stopped; resume it with: curl -X PUT " + url + "/connectors/"
                            + request.source() + "/resume" : "as it is") + ".");
                }
                record((request.execute() ? "read " : "read (now, and again once it is stopped) ")
                        + count(read.size()) + (request.offsets() != null ? " from the offsets file"
                        : " of " + request.source()) + "; " + carried.size() + " to carry", request.execute()
                        ? Status.DONE : Status.WOULD, request.execute());
                // 3. create the target from them
                if (request.execute()) {
                    session.connect().create(target, desired.config(), carried, desired.sensitiveKeys());
                    created[0] = true;
                    record("created " + target + " in " + environment + " (" + location + ") from " + count(carried.size()),
                            Status.DONE, true);
                } else {
                    record("create " + target + " (" + targetClass + ") in " + environment + " (" + location + ") from "
                            + "those offsets", Status.WOULD, false);
                }
            }
            // 4. wait for its state
            DeclaredState wanted = desired.source().state();
            if (request.execute()) {
                if (wanted == DeclaredState.PAUSED && !exists) {
                    session.connect().pause(target);
                }
                StateWaiter.Result reached = new StateWaiter(session.connect(), waiting.poll(), waiting.settle(),
                        line -> progress.accept("  " + line)).await(target, wanted, null);
                if (!reached.reached()) {
                    throw new CccException(target + " did not reach " + wanted + ": " + reached.message());
                }
                record(target + " is " + reached.state(), Status.DONE, true);
            } else {
                record("wait until " + target + " is " + wanted + " (--timeout)", Status.WOULD, false);
            }
            // 5. the source
            if (request.deleteSource()) {
                if (request.execute()) {
                    worker.delete(request.source());
                    record("deleted " + request.source() + " on " + url, Status.DONE, true);
                } else {
                    record("delete " + request.source() + " on " + url, Status.WOULD, false);
                }
            } else {
                record("leave " + request.source() + " stopped on " + url + " (--delete-source deletes it once "
                        + target + " runs)", request.execute() ? Status.SKIPPED : Status.WOULD, request.execute());
            }
        } catch (CccException e) {
            steps.add(new Step(e.getMessage(), Status.FAILED));
            progress.accept("  failed: " + e.getMessage());
            failed[0] = new Result(environment, url, request.source(), sourceClass, target, targetClass, location,
                    request.execute(), conversion, counts[0], counts[1], steps, false,
                    request.source() + " is left " + (rested[0] == null ? "as it was" : rested[0])
                            + " on the worker, not deleted; " + resume
                            + (created[0] ? ". " + target + " is left in " + environment + " as it is: run this migrate"
                            + " again once it runs, to finish the cutover, or delete it" : ""));
        }
        if (failed[0] != null) {
            return failed[0];
        }
        return new Result(environment, url, request.source(), sourceClass, target, targetClass, location,
                request.execute(), conversion, counts[0], counts[1], steps, true,
                request.execute() && !request.deleteSource() ? resume : null);
    }

    /**
     * How the source's offsets become the target's, or a refusal before anything changes: a sink's
     * topic-partition offsets always carry; a source's only to the same class, from a file, or not
     * at all with --allow-offset-loss.
     */
    private static String conversion(Request request, ConnectorKind kind, String sourceClass, String targetClass,
                                     String target) {
        if (request.offsets() != null) {
            return "offsets from the file, as given";
        }
        if (kind == ConnectorKind.SINK) {
            return "topic-partition offsets carried as they are (those of topics " + target + " reads)";
        }
        if (sourceClass.equalsIgnoreCase(targetClass)) {
            return "the same class (" + targetClass + "): its offsets carried as they are";
        }
        if (request.allowOffsetLoss()) {
            return "none: " + target + " starts without offsets (--allow-offset-loss)";
        }
        throw CccException.refused("a source's offsets are in its class's own format, and ccc does not know how "
                + sourceClass + "'s read as " + targetClass + "'s, so it will not guess. Give --offsets-file FILE "
                + "with the offsets in " + targetClass + "'s format (as 'ccc offsets get --output json' prints a "
                + targetClass + "'s), or --allow-offset-loss to start " + target + " without them; nothing was changed");
    }

    private static ConnectorKind kindOf(RemoteConnector connector) {
        if ("sink".equalsIgnoreCase(connector.type())) {
            return ConnectorKind.SINK;
        }
        if ("source".equalsIgnoreCase(connector.type())) {
            return ConnectorKind.SOURCE;
        }
        return ConnectorKind.of(connector.config());
    }

    private void record(String text, Status status, boolean live) {
        steps.add(new Step(text, status));
        if (live) {
            progress.accept("  " + status.name().toLowerCase(java.util.Locale.ROOT) + ": " + text);
        }
    }

    private static String count(int offsets) {
        return offsets + (offsets == 1 ? " offset" : " offsets");
    }
}
