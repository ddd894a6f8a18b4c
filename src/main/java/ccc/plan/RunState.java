package ccc.plan;

import ccc.config.DeclaredState;
import java.util.Locale;

/** A connector's or task's state as a Connect service reports it. Unknown spellings read as {@link #UNKNOWN}. */
public enum RunState {
    RUNNING, PAUSED, STOPPED, FAILED, DEGRADED, PROVISIONING, UNASSIGNED, RESTARTING, DELETED, UNKNOWN;

    public static RunState of(String reported) {
        if (reported == null || reported.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(reported.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    public static RunState of(DeclaredState declared) {
        return declared == DeclaredState.PAUSED ? PAUSED : RUNNING;
    }

    /** A STOPPED connector (self-managed, KIP-875) is not running either: declared RUNNING resumes it. */
    public boolean notRunning() {
        return this == PAUSED || this == STOPPED;
    }
}
