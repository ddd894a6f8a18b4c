package ccc.engine.doctor;

import java.util.Locale;

/** How one prerequisite check came out. */
public enum CheckStatus {
    /** Checked, and it holds. */
    PASSED,
    /** Checked, and it does not hold: the connector would fail (or lose data) for it. */
    FAILED,
    /** Could not be checked (no endpoint, no credentials, nothing to check it against yet): counted failed only with --strict. */
    NOT_RUN;

    /** passed, failed, not_run: the JSON spelling. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
