package ccc.engine;

import ccc.client.ApiException;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.ValidationResult;
import ccc.config.DesiredConnector;
import ccc.plan.Notice;
import ccc.plan.SensitiveDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Confluent Cloud accepts a config key its connector class does not define, then drops it
 * silently: a plan that kept it would show the same change for ever. The plugin's validate call
 * names every key a class defines; it is asked for each connector the plan would send (and only
 * for those), and its field errors for that connector are kept: plan refuses to send a config the
 * plugin rejects.
 */
final class UndefinedKeys {

    private final ConnectClient client;
    private final String environment;
    private final Map<String, Set<String>> definedByClass = new HashMap<>();
    private final Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
    private final List<Notice> notices = new ArrayList<>();
    /** Validate calls at once: as many as apply sends changes by default. */
    static final int PARALLEL_CALLS = 4;

    UndefinedKeys(ConnectClient client, String environment) {
        this.client = client;
        this.environment = environment;
    }

    List<Notice> notices() {
        return List.copyOf(notices);
    }

    /** Each connector the validate call found errors in: "key: message" for each error. */
    Map<String, List<String>> fieldErrors() {
        return Map.copyOf(fieldErrors);
    }

    /**
     * For each connector, by name, the keys its class does not define (ccc's own digest key aside: ccc
     * checks that one by reading it back), each reported once as a notice; empty when the class's keys
     * cannot be read. The validate calls go {@link #PARALLEL_CALLS} at a time; their answers are taken
     * in the connectors' order, as one call after the other would.
     */
    Map<String, Set<String>> of(List<ResolvedConnector> connectors) {
        List<Answer> answers = Parallel.map("ccc-validate", PARALLEL_CALLS, connectors, this::answer);
        Map<String, Set<String>> undefined = new LinkedHashMap<>();
        for (int i = 0; i < connectors.size(); i++) {
            undefined.put(connectors.get(i).name(), undefined(connectors.get(i), answers.get(i)));
        }
        return undefined;
    }

    /** What the validate call answered for one connector, or why it could not be asked. */
    private record Answer(ValidationResult result, ApiException failure) {
    }

    private Answer answer(ResolvedConnector connector) {
        try {
            return new Answer(client.validate(connector.source().connectorClass(), connector.config(),
                    connector.sensitiveKeys()), null);
        } catch (ApiException e) {
            return new Answer(null, e);
        }
    }

    private Set<String> undefined(ResolvedConnector connector, Answer answer) {
        DesiredConnector source = connector.source();
        Optional<Set<String>> defined = keep(source.connectorClass(), connector, answer);
        if (defined.isEmpty()) {
            return Set.of();
        }
        Set<String> undefined = new TreeSet<>(connector.config().keySet());
        undefined.removeAll(defined.get());
        undefined.removeAll(Set.of("name", "connector.class", SensitiveDigest.CONFIG_KEY));
        for (String key : undefined) {
            notices.add(new Notice(source.name(), Notice.Kind.UNDEFINED_KEY, "'" + key + "' is not a key of "
                    + source.connectorClass() + " on " + environment + ": the cluster would drop it, so ccc does"
                    + " not send it and never counts it as a change",
                    "remove it from " + source.jsonFile() + " (or check its spelling)"));
        }
        return undefined;
    }

    /** The keys the class defines (empty when they cannot be read), the connector's field errors kept. */
    private Optional<Set<String>> keep(String connectorClass, ResolvedConnector connector, Answer answer) {
        if (answer.failure() != null) {
            ApiException e = answer.failure();
            notices.add(new Notice(connector.name(), Notice.Kind.UNDEFINED_KEY, "could not read which keys "
                    + connectorClass + " defines (" + e.getMessage() + "); keys the cluster drops cannot be told "
                    + "apart from changes", "run 'ccc doctor --env " + environment + "'"));
        } else {
            ValidationResult result = answer.result();
            List<String> errors = new ArrayList<>();
            result.errors().forEach((key, messages) -> messages.forEach(message ->
                    errors.add(key.isEmpty() ? message : key + ": " + message)));
            if (errors.isEmpty() && !result.valid()) {
                errors.add(result.errorCount() + " error(s), none attributed to a key");
            }
            if (!errors.isEmpty()) {
                fieldErrors.put(connector.name(), errors);
            }
            if (!result.definedKeys().isEmpty()) {
                definedByClass.putIfAbsent(connectorClass, new LinkedHashSet<>(result.definedKeys()));
            }
        }
        return Optional.ofNullable(definedByClass.get(connectorClass));
    }
}
