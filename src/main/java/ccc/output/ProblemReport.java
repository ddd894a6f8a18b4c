package ccc.output;

import ccc.config.Problem;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The outcome of {@code ccc validate}. */
public record ProblemReport(List<Problem> problems, int connectors, List<String> environments) implements Report {

    public ProblemReport {
        problems = List.copyOf(problems);
        environments = List.copyOf(environments);
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
        out.append(console.value(summary(problems, connectors, environments))).append('\n');
        return out.toString();
    }

    public static String summary(List<Problem> problems, int connectors, List<String> environments) {
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.stream().filter(Problem::isWarning).count();
        String scope = connectors + " connector" + (connectors == 1 ? "" : "s") + " in "
                + (environments.isEmpty() ? "no environment" : String.join(", ", environments));
        if (errors == 0) {
            return "Valid: " + scope + (warnings == 0 ? "." : ", " + warnings + " warning" + (warnings == 1 ? "" : "s") + ".");
        }
        return errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s")
                + " (" + scope + " rendered).";
    }

    @Override
    public ObjectNode json() {
        ObjectNode root = Json.document();
        root.put("valid", problems.stream().noneMatch(Problem::isError));
        ArrayNode envs = root.putArray("environments");
        environments.forEach(envs::add);
        root.put("connectors", connectors);
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
        out.append(md.cell(summary(problems, connectors, environments))).append("\n\n");
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
