package ccc.engine;

import ccc.CccException;
import ccc.client.connect.RemoteConnector;
import ccc.config.Problem;
import ccc.config.Workspace;
import ccc.plan.Action;
import ccc.plan.ActionType;
import ccc.plan.Change;
import ccc.plan.Plan;
import ccc.plan.Refusal;
import ccc.secret.SecretRegistry;
import ccc.targets.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The scheduled check of one environment, for alerts: is every managed connector running, and does
 * the cluster still match the repository? One read of the cluster answers both: the connectors'
 * states (as {@code ccc status}) and the plan against that same read (as {@code ccc plan
 * --detailed-exitcode}, with no safety rule lifted). A check that cannot be made is itself a finding:
 * an expired API key or a Vault outage must reach someone too.
 */
public final class HealthCheck {

    /** A managed connector that does not run: FAILED or DEGRADED, or a task FAILED (or STOPPED while it runs). */
    public record Unhealthy(String connector, String id, String problem) {

        /** The state in a word (FAILED, DEGRADED, RUNNING with a failed task...), without the trace. */
        public String state() {
            int end = problem.indexOf(':');
            return end < 0 ? problem : problem.substring(0, end);
        }
    }

    /**
     * What the check found.
     *
     * @param location where the environment is, or null when it could not be reached
     * @param missing connectors the repository declares that the cluster does not have
     * @param drift the plan against the cluster (null when it could not be made)
     * @param driftError why there is no plan, or null
     * @param error why the cluster could not be read at all, or null
     */
    public record Result(String environment, String location, List<Unhealthy> unhealthy, List<String> missing,
                         Plan drift, String driftError, String error) {

        public Result {
            unhealthy = List.copyOf(unhealthy);
            missing = List.copyOf(missing);
        }

        /** Connectors the plan would change, or that are under the prefix but not in the repository. */
        public List<Action> drifted() {
            return drift == null ? List.of()
                    : drift.actions().stream().filter(action -> action.type() != ActionType.NO_OP).toList();
        }

        public List<Refusal> refusals() {
            return drift == null ? List.of() : drift.refusals();
        }

        public boolean healthy() {
            return error == null && driftError == null && unhealthy.isEmpty() && missing.isEmpty()
                    && drifted().isEmpty() && refusals().isEmpty();
        }

        /**
         * A digest of what is wrong (which connectors, which states, which actions on which keys, which
         * checks failed), not of when or of the wording of a trace: equal from one check to the next as
         * long as nothing new went wrong, so that an alert is repeated only when there is news.
         */
        public String state() {
            TreeSet<String> facts = new TreeSet<>();
            unhealthy.forEach(u -> facts.add("unhealthy " + u.connector() + " " + u.state()));
            missing.forEach(name -> facts.add("missing " + name));
            for (Action action : drifted()) {
                facts.add("drift " + action.type().id() + " " + action.connector() + " "
                        + String.join(",", action.changes().stream().map(Change::key).sorted().toList()));
            }
            refusals().forEach(r -> facts.add("refused " + r.connector() + " " + r.rule().id()));
            if (error != null) {
                facts.add("check-failed");
            }
            if (driftError != null) {
                facts.add("drift-check-failed");
            }
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(String.join("\n", facts).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private HealthCheck() {
    }

    /** The check of an environment whose ccc.yaml loaded and whose session is open. */
    public static Result run(Workspace workspace, String environment, Session session, SecretRegistry secrets) {
        Runbook runbook = new Runbook(workspace, environment, session, secrets, false);
        Map<String, RemoteConnector> cluster;
        try {
            cluster = runbook.cluster();
        } catch (CccException e) {
            return failed(environment, session.location(), e.getMessage());
        }
        List<Unhealthy> unhealthy = new ArrayList<>();
        for (RemoteConnector connector : cluster.values()) {
            String problem = PlanBuilder.problemOf(connector.status());
            if (problem != null && runbook.inScope(connector.name())) {
                unhealthy.add(new Unhealthy(connector.name(), connector.id(), problem));
            }
        }
        List<String> missing = runbook.missing(cluster);
        Plan drift = null;
        String driftError = null;
        if (workspace.hasErrors()) {
            driftError = "the repository has " + workspace.errors().size() + " error(s), the first: "
                    + workspace.errors().stream().findFirst().map(Problem::sentence).orElse("")
                    + " ('ccc validate' lists them all)";
        } else {
            try {
                drift = PlanBuilder.build(workspace, environment, new PlanRequest(List.of(), false, false, false),
                        session, secrets, cluster).plan();
                missing = List.of();
            } catch (CccException e) {
                driftError = e.getMessage();
            }
        }
        return new Result(environment, session.location(), unhealthy, missing, drift, driftError, null);
    }

    /** A check that could not be made at all. */
    public static Result failed(String environment, String location, String why) {
        return new Result(environment, location, List.of(), List.of(), null, null, why);
    }
}
