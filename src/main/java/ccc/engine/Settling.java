package ccc.engine;

import ccc.client.connect.ConnectorStatus;
import ccc.client.connect.TaskState;
import ccc.config.DeclaredState;
import ccc.plan.RunState;
import ccc.secret.Masks;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges one connector after a change by the states that follow the change, not by whatever the
 * service showed a moment after the request. Three things make a status belong to the change:
 * <ul>
 *   <li>after a config update, the config read back is the one sent (a status read before the
 *       worker took the new config describes the old one);</li>
 *   <li>a FAILED connector or task is believed only when it is new: it was not FAILED with the same
 *       trace before the change, or it was seen in another state since, or the settle window has passed (an
 *       update that fixes a failed task is not judged by the failure it is fixing);</li>
 *   <li>success is the wanted state held for the whole settle window (an update that breaks a task
 *       often shows RUNNING first, then FAILED a few seconds later).</li>
 * </ul>
 * Pure: the caller polls and passes each observation with its time.
 */
final class Settling {

    static final String REJECTED_UPDATE = "Unable to validate configuration";

    private final String connector;
    private final DeclaredState wanted;
    private final Map<String, String> failedBefore = new HashMap<>();
    private final Map<String, String> expectedConfig;
    private final Duration settle;
    private final Instant sentAt;
    private boolean configSeen;
    private Instant configSeenAt;
    /** The connector ("connector") and tasks ("task N") seen in a state other than FAILED since the change. */
    private final java.util.Set<String> recovered = new java.util.HashSet<>();
    private Instant stableSince;
    private String lastState;

    /**
     * @param before the status before the change, or null for a new connector
     * @param expectedConfig the non-sensitive values sent that the service must return, or null
     *     when the change sent no config (pause, resume, restart)
     */
    Settling(String connector, DeclaredState wanted, ConnectorStatus before, Map<String, String> expectedConfig,
             Duration settle, Instant sentAt) {
        this.connector = connector;
        this.wanted = wanted;
        this.expectedConfig = expectedConfig;
        this.settle = settle;
        this.sentAt = sentAt;
        this.configSeen = expectedConfig == null;
        this.configSeenAt = configSeen ? sentAt : null;
        if (before != null) {
            if (before.runState() == RunState.FAILED) {
                failedBefore.put("connector", Objects.toString(trace(before), ""));
            }
            for (TaskState task : before.tasks()) {
                if (task.runState() == RunState.FAILED) {
                    failedBefore.put("task " + task.id(), Objects.toString(task.trace(), ""));
                }
            }
        }
    }

    String connector() {
        return connector;
    }

    Instant sentAt() {
        return sentAt;
    }

    /**
     * One observation: the status (null while the connector cannot be found) and, where the
     * service returned it, the config. Null while the outcome is still open.
     */
    StateWaiter.Result observe(ConnectorStatus status, Map<String, String> config, Instant now) {
        // A config the service normalises (case, spacing) never reads back equal: after the settle
        // window the states are judged anyway.
        if (!configSeen && ((config != null && matches(config))
                || !Duration.between(sentAt, now).minus(settle).isNegative())) {
            configSeen = true;
            configSeenAt = now;
        }
        if (status == null) {
            return null;
        }
        lastState = status.state();
        if (!configSeen) {
            return null;
        }
        boolean settled = !Duration.between(configSeenAt, now).minus(settle).isNegative();
        if (status.runState() != RunState.FAILED) {
            recovered.add("connector");
        }
        status.tasks().stream().filter(t -> t.runState() != RunState.FAILED).forEach(t -> recovered.add("task " + t.id()));
        String trace = trace(status);
        if (status.runState() == RunState.FAILED && trace != null && trace.startsWith(REJECTED_UPDATE)) {
            return new StateWaiter.Result(Outcome.Result.REJECTED, status.state(), rejection(status));
        }
        String failure = failure(status, settled);
        if (failure != null) {
            return new StateWaiter.Result(Outcome.Result.FAILED, status.state(), failure);
        }
        boolean reached = wanted == DeclaredState.PAUSED
                ? status.runState() == RunState.PAUSED
                : status.runState() == RunState.RUNNING
                && status.tasks().stream().allMatch(t -> t.runState() == RunState.RUNNING);
        if (!reached) {
            stableSince = null;
            return null;
        }
        if (stableSince == null) {
            stableSince = now;
        }
        if (wanted == DeclaredState.PAUSED || !Duration.between(stableSince, now).minus(settle).isNegative()) {
            return new StateWaiter.Result(Outcome.Result.DONE, status.state(), status.state());
        }
        return null;
    }

    StateWaiter.Result timedOut(Duration timeout) {
        String seen = !configSeen ? "the config read back is still the previous one"
                : lastState == null ? "not visible" : "still " + lastState;
        return new StateWaiter.Result(Outcome.Result.TIMED_OUT, lastState,
                seen + " after " + timeout.toSeconds() + "s (expected " + wanted + ")");
    }

    private boolean matches(Map<String, String> config) {
        for (Map.Entry<String, String> entry : expectedConfig.entrySet()) {
            String returned = config.get(entry.getKey());
            if (returned != null && !Masks.isMasked(returned) && !returned.equals(entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** A FAILED connector or task that belongs to this change, described in one line; null when none does. */
    private String failure(ConnectorStatus status, boolean settled) {
        if (status.runState() == RunState.FAILED && believed("connector", trace(status), settled)) {
            return "connector FAILED" + (trace(status) == null ? "" : ": " + StateWaiter.firstLine(trace(status)));
        }
        if (wanted == DeclaredState.RUNNING) {
            for (TaskState task : status.tasks()) {
                if (task.runState() == RunState.FAILED && believed("task " + task.id(), task.trace(), settled)) {
                    return "task " + task.id() + " FAILED"
                            + (task.trace() == null ? "" : ": " + StateWaiter.firstLine(task.trace()));
                }
            }
        }
        return null;
    }

    private boolean believed(String what, String trace, boolean settled) {
        String before = failedBefore.get(what);
        return before == null || !before.equals(Objects.toString(trace, "")) || recovered.contains(what) || settled;
    }

    /**
     * Cloud keeps running the previous config when it rejects an update; the reason is in
     * validation_errors and the trace's later lines, not its first.
     */
    private static String rejection(ConnectorStatus status) {
        List<String> reasons = status.validationErrors();
        String detail = reasons.isEmpty() ? StateWaiter.firstLine(laterLines(trace(status))) : String.join("; ", reasons);
        return "the update was rejected and the connector keeps running its previous config: " + detail;
    }

    private static String laterLines(String trace) {
        int errors = trace.indexOf("Errors:");
        return errors < 0 ? trace : trace.substring(errors + "Errors:".length()).strip();
    }

    private static String trace(ConnectorStatus status) {
        return status.connector() == null ? null : status.connector().trace();
    }
}
