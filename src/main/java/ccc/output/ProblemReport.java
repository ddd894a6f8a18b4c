package ccc.output;

import ccc.config.DesiredConnector;
import ccc.config.Problem;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The outcome of {@code ccc validate}. */
public record ProblemReport(List<Problem> problems, Scope scope) implements Report {

    /**
     * What was rendered: {@code connectors} connector directories over {@code environments}, {@code configs}
     * connector files in all (a connector deployed in four environments is one connector and four configs).
     */
    public record Scope(int connectors, int configs, List<String> environments) {

        public Scope {
            environments = List.copyOf(environments);
        }

        public static Scope of(List<DesiredConnector> rendered, List<String> environments) {
            return new Scope((int) rendered.stream().map(DesiredConnector::directory).distinct().count(),
                    rendered.size(), environments);
        }

        /** "2 connectors in 4 environments (8 configs)", "2 connectors in dev", "no connector". */
        @Override
        public String toString() {
            if (environments.isEmpty()) {
                return "no connector";
            }
            String connectorCount = plural(connectors, "connector");
            if (environments.size() == 1) {
                return connectorCount + " in " + environments.get(0);
            }
            return connectorCount + " in " + environments.size() + " environments (" + plural(configs, "config") + ")";
        }
    }

    public ProblemReport {
        problems = List.copyOf(problems);
    }

    @Override
    public String text(Console console) {
        StringBuilder out = new StringBuilder();
        for (Problem problem : problems) {
            String label = switch (problem.severity()) {
                case ERROR -> console.style(Console.Style.RED, "error");
                case WARNING -> console.style(Console.Style.YELLOW, "warning");
                case NOTE -> console.style(Console.Style.DIM, "note");
            };
            out.append(label).append(": ").append(console.value(problem.where())).append(": ")
                    .append(console.value(problem.message()));
            if (problem.hint() != null && !problem.hint().isEmpty()) {
                out.append("\n  ").append(console.value(problem.hint()));
            }
            out.append('\n');
        }
        out.append(console.value(summary(problems, scope))).append('\n');
        return out.toString();
    }

    public static String summary(List<Problem> problems, Scope scope) {
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.stream().filter(Problem::isWarning).count();
        if (errors == 0) {
            return "Valid: " + scope + (warnings == 0 ? "." : ", " + plural(warnings, "warning") + ".");
        }
        return plural(errors, "error") + ", " + plural(warnings, "warning") + "; " + scope + " rendered.";
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    @Override
    public ObjectNode json() {
        ObjectNode root = Json.document();
        root.put("valid", problems.stream().noneMatch(Problem::isError));
        ArrayNode envs = root.putArray("environments");
        scope.environments().forEach(envs::add);
        root.put("connectors", scope.configs());
        root.put("directories", scope.connectors());
        ArrayNode errors = root.putArray("errors");
        ArrayNode warnings = root.putArray("warnings");
        ArrayNode notes = root.putArray("notes");
        for (Problem problem : problems) {
            ObjectNode node = (problem.isError() ? errors : problem.isWarning() ? warnings : notes).addObject();
            node.put("rule", problem.rule());
            node.put("file", problem.file() == null ? null : problem.file().toString());
            if (problem.location().line() > 0) {
                node.put("line", problem.location().line());
                node.put("column", problem.location().column());
            }
            if (!problem.location().pointer().isEmpty()) {
                node.put("pointer", problem.location().pointer());
            }
            node.put("message", problem.message());
            node.put("hint", problem.hint());
        }
        return root;
    }

    @Override
    public String markdown(Markdown md) {
        StringBuilder out = new StringBuilder("### ccc validate\n\n");
        out.append(md.cell(summary(problems, scope))).append("\n\n");
        if (!problems.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Problem problem : problems) {
                rows.add(List.of(problem.severity().id(), md.cell(problem.rule()), md.code(problem.where()),
                        md.cell(problem.message()), md.cell(problem.hint())));
            }
            out.append(Markdown.table(List.of("", "rule", "where", "problem", "what to do"), rows));
        }
        return out.toString();
    }
}
