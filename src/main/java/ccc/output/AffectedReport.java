package ccc.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@code ccc affected}: the environments a change touches, in the order they were
 * given (a workflow's promotion order), each with the changed files that touch it (none when every
 * environment was asked for).
 */
public record AffectedReport(List<String> environments, Map<String, List<String>> files) implements Report {

    public AffectedReport {
        environments = List.copyOf(environments);
        files = Map.copyOf(files);
    }

    @Override
    public String text(Console console) {
        StringBuilder out = new StringBuilder();
        environments.forEach(name -> out.append(console.value(name)).append('\n'));
        return out.toString();
    }

    @Override
    public ObjectNode json() {
        ObjectNode root = Json.document();
        ArrayNode names = root.putArray("environments");
        environments.forEach(names::add);
        ObjectNode byEnvironment = root.putObject("files");
        environments.forEach(name -> {
            ArrayNode list = byEnvironment.putArray(name);
            files.getOrDefault(name, List.of()).forEach(list::add);
        });
        return root;
    }

    @Override
    public String markdown(Markdown md) {
        if (environments.isEmpty()) {
            return "No environment is affected.\n";
        }
        List<List<String>> rows = new ArrayList<>();
        environments.forEach(name -> rows.add(List.of(md.code(name), String.join(", ",
                files.getOrDefault(name, List.of()).stream().map(md::code).toList()))));
        return Markdown.table(List.of("environment", "changed files"), rows);
    }
}
