package ccc.output;

import ccc.engine.doctor.CheckResult;
import ccc.engine.doctor.CheckStatus;
import ccc.engine.doctor.ConnectorChecks;
import ccc.engine.doctor.DoctorRun;
import ccc.engine.doctor.Fix;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The prerequisites of each connector, one line per check with ✔ (passed), ✘ (failed) or – (not run), and for a
 * failure the fix: the role binding to create (Confluent CLI and Terraform), the topic to create, the subject to
 * register. JSON: {@code {"format_version": 1, "environment", "connectors": [{"connector", "checks": [{"check",
 * "subject", "ok", "status", "hint", "fix"}]}], "summary": {"passed", "failed", "not_run"}, "strict"}}; {@code ok}
 * is null for a check that did not run.
 */
public record DoctorReport(DoctorRun run, boolean strict) implements Report {

    private static final int CHECK_WIDTH = 19;

    @Override
    public String text(Console console) {
        StringBuilder out = new StringBuilder();
        out.append(console.style(Console.Style.BOLD, "ccc doctor " + console.value(run.environment())))
                .append(": ").append(console.value(run.location())).append('\n');
        if (run.connectors().isEmpty()) {
            out.append("\n(no connectors to check in ").append(console.value(run.environment())).append(")\n");
        }
        for (ConnectorChecks connector : run.connectors()) {
            out.append('\n').append(console.style(Console.Style.BOLD, console.value(connector.connector()))).append('\n');
            for (CheckResult check : connector.checks()) {
                out.append("  ").append(mark(check.status(), console)).append(' ')
                        .append(String.format("%-" + CHECK_WIDTH + "s", check.check())).append(' ')
                        .append(console.value(check.subject()));
                if (check.status() == CheckStatus.PASSED) {
                    out.append(console.style(Console.Style.DIM, ": " + console.value(check.hint()))).append('\n');
                    continue;
                }
                out.append('\n');
                String indent = "      ";
                out.append(indent).append(check.status() == CheckStatus.NOT_RUN ? "not run: " : "")
                        .append(console.value(check.hint())).append('\n');
                Fix fix = check.fix();
                if (fix != null && fix.command() != null) {
                    out.append(indent).append(console.style(Console.Style.CYAN, "$ " + console.value(fix.command())))
                            .append('\n');
                }
                if (fix != null && fix.terraform() != null) {
                    out.append(indent).append("or in Terraform:\n");
                    for (String line : fix.terraform().split("\n")) {
                        out.append(indent).append("  ").append(console.value(line)).append('\n');
                    }
                }
            }
        }
        out.append('\n').append(summary()).append('\n');
        return out.toString();
    }

    private String summary() {
        long notRun = run.count(CheckStatus.NOT_RUN);
        return run.connectors().size() + " connector" + (run.connectors().size() == 1 ? "" : "s") + ": "
                + run.count(CheckStatus.PASSED) + " passed, " + run.count(CheckStatus.FAILED) + " failed, " + notRun
                + " not run" + (notRun == 0 ? "." : strict ? " (counted as failed: --strict)."
                : " (not counted as failed; --strict counts them).");
    }

    private static String mark(CheckStatus status, Console console) {
        return switch (status) {
            case PASSED -> console.style(Console.Style.GREEN, "✔");
            case FAILED -> console.style(Console.Style.RED, "✘");
            case NOT_RUN -> console.style(Console.Style.YELLOW, "–");
        };
    }

    @Override
    public ObjectNode json() {
        ObjectNode root = Json.document(run.environment());
        root.put("location", run.location());
        ArrayNode connectors = root.putArray("connectors");
        for (ConnectorChecks connector : run.connectors()) {
            ObjectNode node = connectors.addObject();
            node.put("connector", connector.connector());
            ArrayNode checks = node.putArray("checks");
            for (CheckResult check : connector.checks()) {
                ObjectNode entry = checks.addObject();
                entry.put("check", check.check());
                entry.put("subject", check.subject());
                if (check.status() == CheckStatus.NOT_RUN) {
                    entry.putNull("ok");
                } else {
                    entry.put("ok", check.status() == CheckStatus.PASSED);
                }
                entry.put("status", check.status().id());
                entry.put("hint", check.hint());
                if (check.fix() != null) {
                    ObjectNode fix = entry.putObject("fix");
                    fix.put("command", check.fix().command());
                    fix.put("terraform", check.fix().terraform());
                }
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("passed", run.count(CheckStatus.PASSED));
        summary.put("failed", run.count(CheckStatus.FAILED));
        summary.put("not_run", run.count(CheckStatus.NOT_RUN));
        root.put("strict", strict);
        return root;
    }

    @Override
    public String markdown(Markdown md) {
        StringBuilder out = new StringBuilder("### ccc doctor: " + md.code(run.environment()) + "\n\n");
        out.append(md.cell(summary())).append("\n");
        for (ConnectorChecks connector : run.connectors()) {
            out.append("\n#### ").append(md.code(connector.connector())).append("\n\n");
            List<List<String>> rows = new ArrayList<>();
            StringBuilder fixes = new StringBuilder();
            for (CheckResult check : connector.checks()) {
                rows.add(List.of(switch (check.status()) {
                    case PASSED -> "✔";
                    case FAILED -> "✘";
                    case NOT_RUN -> "– not run";
                }, check.check(), md.code(check.subject()), md.cell(check.hint())));
                if (check.fix() != null) {
                    fixes.append("\n").append(check.check()).append(" ").append(md.code(check.subject())).append(":\n\n");
                    if (check.fix().command() != null) {
                        fixes.append(Markdown.fenced("sh", md.plain(check.fix().command())));
                    }
                    if (check.fix().terraform() != null) {
                        fixes.append(Markdown.fenced("hcl", String.join("\n",
                                check.fix().terraform().lines().map(md::plain).toList())));
                    }
                }
            }
            out.append(Markdown.table(List.of("", "check", "subject", "detail"), rows));
            if (!fixes.isEmpty()) {
                out.append("\n**Fixes**\n").append(fixes);
            }
        }
        return out.toString();
    }
}
