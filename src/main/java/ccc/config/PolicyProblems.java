package ccc.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The verdicts of the policies on a rendered connector, as validate reports them: each at its place in the files. */
final class PolicyProblems {

    private PolicyProblems() {
    }

    /**
     * @param waiving collects the exceptions that waived a violation, so that one that waives nothing can be named
     */
    static List<Problem> check(ProjectConfig project, DesiredConnector connector, SourceDocument json,
                               SourceDocument vars, Set<Policy.Exemption> waiving) {
        Policies policies = project.policies();
        List<Problem> problems = new ArrayList<>();
        PolicySubject subject = PolicySubject.of(connector);
        for (Policies.Verdict verdict : policies.evaluate(subject)) {
            Policy policy = verdict.policy();
            if (verdict.waived()) {
                waiving.add(verdict.exception());
                Problem declared = Problem.note(policy.rule(), project.file(), verdict.exception().location(), "", "");
                problems.add(Problem.note(policy.rule(), json.file(), json.at(""), verdict.waiver(subject),
                        "Declared at " + declared.where() + "; remove it once the connector meets the policy."));
                continue;
            }
            for (Policies.Violation violation : verdict.violations()) {
                Place place = place(violation.pointer(), json, vars, connector);
                String message = policy.explain(violation.message());
                problems.add(policy.error()
                        ? Problem.error(policy.rule(), place.file(), place.location(), message, policy.fix())
                        : Problem.warning(policy.rule(), place.file(), place.location(), message, policy.fix()));
            }
        }
        return problems;
    }

    private record Place(Path file, Location location) {
    }

    /** Where a pointer into the {@link PolicySubject} document is written in the connector's files. */
    private static Place place(String pointer, SourceDocument json, SourceDocument vars, DesiredConnector connector) {
        String[] tokens = pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1);
        String field = tokens.length == 0 ? "" : tokens[0];
        return switch (field) {
            case "name" -> new Place(json.file(), json.at("/name"));
            case "directory" -> new Place(json.file().getParent(), Location.NONE);
            case "status" -> new Place(vars.file(), vars.root().has("status") ? vars.at("/status") : Location.NONE);
            case "class", "kind" -> new Place(json.file(), json.at("/config_nonsensitive/connector.class"));
            case "config", "numbers" -> {
                if (tokens.length < 2) {
                    yield new Place(json.file(), json.at("/config_nonsensitive"));
                }
                String key = tokens[1];
                for (String map : List.of("/config_nonsensitive/", "/config_sensitive/")) {
                    if (json.locations().containsKey(map + key)) {
                        yield new Place(json.file(), json.at(map + key));
                    }
                }
                // A key the file does not write (a default ccc adds, or one that is missing).
                yield new Place(json.file(), json.at("/config_nonsensitive"));
            }
            default -> new Place(json.file(), json.at(""));
        };
    }
}
