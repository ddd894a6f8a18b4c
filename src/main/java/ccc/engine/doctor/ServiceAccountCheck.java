package ccc.engine.doctor;

import ccc.client.iam.ServiceAccount;
import ccc.config.DesiredConnector;
import java.util.List;

/**
 * service-account: the account the connector runs as exists, and its display name names exactly one account
 * (two of the same name is reported, never guessed between).
 */
final class ServiceAccountCheck {

    static final String ID = "service-account";

    /** The check (null where the connector names no account) and the account's id (null unless it passed). */
    record Outcome(CheckResult result, String id) {
    }

    private final EnvironmentFacts facts;

    ServiceAccountCheck(EnvironmentFacts facts) {
        this.facts = facts;
    }

    Outcome run(DesiredConnector connector) {
        String named = connector.serviceAccount() != null ? connector.serviceAccount()
                : connector.config().get(DesiredConnector.SERVICE_ACCOUNT_KEY);
        if (named == null || !facts.prerequisites().hasIam()) {
            return new Outcome(null, null);
        }
        Fact<List<ServiceAccount>> accounts = facts.serviceAccounts();
        if (!accounts.known()) {
            return new Outcome(CheckResult.notRun(ID, named, "the service accounts could not be listed: "
                    + accounts.why()), null);
        }
        String where = connector.varsFile() == null ? "the vars file" : connector.varsFile().toString();
        if (named.startsWith("sa-")) {
            return accounts.value().stream().filter(account -> account.id().equals(named)).findFirst()
                    .map(account -> new Outcome(CheckResult.passed(ID, named, "exists (" + account.displayName() + ")"),
                            named))
                    .orElseGet(() -> new Outcome(CheckResult.failed(ID, named, "no service account has the id " + named
                            + "; check service_account in " + where), null));
        }
        List<ServiceAccount> matches = accounts.value().stream()
                .filter(account -> account.displayName().equals(named)).toList();
        if (matches.size() == 1) {
            return new Outcome(CheckResult.passed(ID, named, "is " + matches.get(0).id()), matches.get(0).id());
        }
        if (matches.isEmpty()) {
            return new Outcome(CheckResult.failed(ID, named, "no service account is named " + named
                    + ": create it, or fix service_account in " + where + " (a display name, or an sa- id)",
                    new Fix("confluent iam service-account create " + Grants.shellWord(named)
                            + " --description " + Grants.shellWord("runs connector " + connector.name()), null)),
                    null);
        }
        return new Outcome(CheckResult.failed(ID, named, matches.size() + " service accounts are named " + named + " ("
                + String.join(", ", matches.stream().map(ServiceAccount::id).toList()) + "): write the sa- id of the "
                + "right one as service_account in " + where + ", or rename the others"), null);
    }
}
