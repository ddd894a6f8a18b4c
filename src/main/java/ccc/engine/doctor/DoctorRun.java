package ccc.engine.doctor;

import java.util.List;

/**
 * What {@code ccc doctor} found for the connectors of one environment.
 *
 * @param location where the connectors run, as the session describes it
 */
public record DoctorRun(String environment, String location, List<ConnectorChecks> connectors) {

    public DoctorRun {
        connectors = List.copyOf(connectors);
    }

    public long count(CheckStatus status) {
        return connectors.stream().mapToLong(connector -> connector.count(status)).sum();
    }

    /** Nothing failed; with {@code strict}, nothing was left unchecked either. */
    public boolean passes(boolean strict) {
        return count(CheckStatus.FAILED) == 0 && (!strict || count(CheckStatus.NOT_RUN) == 0);
    }
}
