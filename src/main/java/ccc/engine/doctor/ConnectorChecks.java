package ccc.engine.doctor;

import java.util.List;

/** Every check of one connector, in the order they were made. */
public record ConnectorChecks(String connector, List<CheckResult> checks) {

    public ConnectorChecks {
        checks = List.copyOf(checks);
    }

    public long count(CheckStatus status) {
        return checks.stream().filter(check -> check.status() == status).count();
    }
}
