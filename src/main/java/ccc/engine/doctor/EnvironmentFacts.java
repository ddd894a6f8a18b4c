package ccc.engine.doctor;

import ccc.client.connect.RemoteConnector;
import ccc.client.iam.RoleBinding;
import ccc.client.iam.ServiceAccount;
import ccc.config.VaultReference;
import ccc.targets.Prerequisites;
import ccc.targets.Session;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything doctor reads about one environment, each read at most once whatever the number of connectors, and
 * only when some check needs it: a repository without Avro sinks never asks the Schema Registry.
 */
final class EnvironmentFacts {

    private final Session session;
    private final Prerequisites prerequisites;
    private final Map<String, Fact<?>> read = new HashMap<>();
    private final Map<VaultReference, Fact<String>> secrets = new HashMap<>();

    EnvironmentFacts(Session session) {
        this.session = session;
        this.prerequisites = session.prerequisites();
    }

    Prerequisites prerequisites() {
        return prerequisites;
    }

    String location() {
        return session.location();
    }

    Fact<List<ServiceAccount>> serviceAccounts() {
        return once("service accounts", prerequisites::serviceAccounts);
    }

    Fact<String> environmentCrn() {
        return once("environment CRN", prerequisites::environmentCrn);
    }

    Fact<List<RoleBinding>> roleBindings() {
        return once("role bindings", prerequisites::roleBindings);
    }

    Fact<Set<String>> topics() {
        return once("topics", prerequisites::topics);
    }

    Fact<Set<String>> subjects() {
        return once("subjects", prerequisites::subjects);
    }

    Fact<Set<String>> plugins() {
        return once("plugins", prerequisites::plugins);
    }

    /** The id of every connector of the cluster (lcc-... on Confluent Cloud), by name; one list call. */
    Fact<Map<String, String>> connectorIds() {
        return once("connectors", () -> {
            Map<String, String> ids = new LinkedHashMap<>();
            for (RemoteConnector connector : session.connect().list().values()) {
                ids.put(connector.name(), connector.id());
            }
            return ids;
        });
    }

    /**
     * Every reference resolved, or why not. All at once first (each path read once, in parallel); only when that
     * fails, each reference on its own, so that one missing key does not hide which others resolve.
     */
    Map<VaultReference, Fact<String>> secrets(List<VaultReference> references) {
        List<VaultReference> unread = references.stream().filter(r -> !secrets.containsKey(r)).distinct().toList();
        if (!unread.isEmpty()) {
            Fact<Map<VaultReference, String>> all = Fact.read(() -> session.secrets(unread));
            for (VaultReference reference : unread) {
                secrets.put(reference, all.known() ? new Fact<>(all.value().get(reference), null)
                        : Fact.read(() -> session.secrets(List.of(reference)).get(reference)));
            }
        }
        Map<VaultReference, Fact<String>> result = new LinkedHashMap<>();
        references.forEach(reference -> result.put(reference, secrets.get(reference)));
        return result;
    }

    @SuppressWarnings("unchecked")
    private <T> Fact<T> once(String what, Supplier<T> reading) {
        return (Fact<T>) read.computeIfAbsent(what, key -> Fact.read(reading));
    }
}
