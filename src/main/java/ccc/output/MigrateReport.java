package ccc.output;

import ccc.engine.migration.Migration;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The cutover of one connector, step by step: what it would do (dry run) or what it did. */
public record MigrateReport(Migration.Result result) implements Report {

    @Override
    public String text(Console console) {
        StringBuilder out = new StringBuilder();
        out.append("Migrate ").append(console.value(result.source())).append(" (").append(console.value(result.sourceClass()))
                .append(" at ").append(console.value(result.sourceUrl())).append(") to ")
                .append(console.value(result.target())).append(" (").append(console.value(result.targetClass()))
                .append(") in ").append(console.value(result.environment())).append(" (")
                .append(console.value(result.location())).append(")")
                .append(result.executed() ? "" : ", dry run").append(":\n");
        out.append("  offsets: ").append(console.value(result.conversion())).append("\n\n");
        int number = 1;
        for (Migration.Step step : result.steps()) {
            Console.Style style = switch (step.status()) {
                case DONE -> Console.Style.GREEN;
                case FAILED -> Console.Style.RED;
                default -> Console.Style.DIM;
            };
            out.append("  ").append(number++).append(". ")
                    .append(console.style(style, step.status().name().toLowerCase(Locale.ROOT) + ":"))
                    .append(' ').append(console.value(step.text())).append('\n');
        }
        out.append('\n');
        if (!result.succeeded()) {
            out.append(console.style(Console.Style.RED, "Migration FAILED: ")).append(console.value(result.resume()))
                    .append('\n');
        } else if (!result.executed()) {
            out.append("Nothing was changed: run again with --execute to carry it out.\n");
        } else {
            out.append(console.style(Console.Style.GREEN, "Cut over: ")).append(console.value(result.target()))
                    .append(" runs from ").append(console.value(result.source())).append("'s offsets.")
                    .append(result.resume() == null ? "" : " " + console.value(result.source())
                            + " is left stopped; to go back, " + console.value(result.resume()))
                    .append('\n');
        }
        return out.toString();
    }

    @Override
    public ObjectNode json() {
        ObjectNode root = Json.document(result.environment());
        ObjectNode source = root.putObject("source");
        source.put("url", result.sourceUrl());
        source.put("name", result.source());
        source.put("class", result.sourceClass());
        ObjectNode target = root.putObject("target");
        target.put("name", result.target());
        target.put("class", result.targetClass());
        target.put("location", result.location());
        root.put("executed", result.executed());
        ObjectNode offsets = root.putObject("offsets");
        offsets.put("conversion", result.conversion());
        if (result.offsetsRead() != null) {
            offsets.put("read", result.offsetsRead());
            offsets.put("carried", result.offsetsCarried());
        }
        ArrayNode steps = root.putArray("steps");
        result.steps().forEach(step -> steps.addObject().put("status", step.status().name().toLowerCase(Locale.ROOT))
                .put("step", step.text()));
        root.put("succeeded", result.succeeded());
        root.put("resume", result.resume());
        return root;
    }

    @Override
    public String markdown(Markdown md) {
        StringBuilder out = new StringBuilder("### ccc migrate: ").append(md.code(result.source())).append(" → ")
                .append(md.code(result.target())).append(" in ").append(md.code(result.environment()))
                .append(result.executed() ? "" : " (dry run)").append("\n\n");
        out.append("Offsets: ").append(md.cell(result.conversion())).append("\n\n");
        List<List<String>> rows = new ArrayList<>();
        int number = 1;
        for (Migration.Step step : result.steps()) {
            rows.add(List.of(Integer.toString(number++), step.status().name().toLowerCase(Locale.ROOT),
                    md.cell(step.text())));
        }
        out.append(Markdown.table(List.of("#", "status", "step"), rows));
        if (!result.succeeded()) {
            out.append("\n**Migration failed:** ").append(md.cell(result.resume())).append('\n');
        }
        return out.toString();
    }
}
