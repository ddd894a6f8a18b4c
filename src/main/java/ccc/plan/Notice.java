package ccc.plan;

import java.util.Locale;

/**
 * Something a plan says besides its actions: it changes nothing, but the reader should know it
 * and, where there is one, the command or edit that deals with it.
 */
public record Notice(String connector, Kind kind, String message, String fix) {

    public enum Kind {
        /** The connector class does not define a key of the config: the cluster would drop it. */
        UNDEFINED_KEY,
        /** The cluster keeps no digest of the connector's secrets: a rotation in Vault cannot be seen. */
        SECRET_DRIFT_UNVERIFIABLE,
        /** FAILED, or a task FAILED or STOPPED: the repository matches, the connector does not run. */
        UNHEALTHY,
        /** A move an earlier apply left half done; --carry-offsets completes it. */
        UNFINISHED_MOVE,
        /** A policy of ccc.yaml the connector does not meet, waived by an exception with a reason and an owner. */
        POLICY_EXCEPTION,
        /** A policy of severity warning the connector does not meet. */
        POLICY_WARNING;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
