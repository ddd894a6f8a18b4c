package ccc.config;

/** The state a connector's vars file asks for (the reserved var {@code status}). */
public enum DeclaredState {
    RUNNING, PAUSED
}
