package ccc.output;

import ccc.config.Problem;
import ccc.engine.migration.Importer;
import ccc.engine.migration.Translator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code ccc import} wrote, what changed on the way, which Vault secrets to fill, and what validate says. */
public record ImportReport(Importer.Result result) implements Report {

    @Override
    public String text(Console console) {
        StringBuilder out = new StringBuilder();
        out.append("Import from ").append(console.value(result.sourceUrl())).append(" into ")
                .append(console.value(result.environment())).append(": ").append(result.imported().size())
                .append(" written, ").append(result.skipped().size()).append(" skipped.\n");
        for (Importer.Imported each : result.imported()) {
            Translator.Translation translation = each.translation();
            out.append('\n').append(console.style(Console.Style.GREEN, "  + " + console.value(each.name())))
                    .append("  from ").append(console.value(each.source())).append(" (")
                    .append(console.value(translation.originalClass()))
                    .append(translation.connectorClass().equals(translation.originalClass()) ? ""
                            : " -> " + console.value(translation.connectorClass())).append(")\n");
            for (Path file : each.files()) {
                out.append("      wrote ").append(console.value(file.toString())).append('\n');
            }
            for (Translator.Rename rename : translation.renames()) {
                out.append(console.style(Console.Style.YELLOW, "      ~ " + console.value(rename.from()) + " -> "
                        + console.value(rename.to()))).append('\n');
            }
            for (Translator.Dropped dropped : translation.dropped()) {
                out.append(console.style(Console.Style.RED, "      - " + console.value(dropped.key())))
                        .append(" left out (no fully-managed equivalent): ").append(console.value(dropped.why()))
                        .append('\n');
            }
            for (Translator.Secret secret : translation.secrets()) {
                // "key <- reference", not "key = reference": the scrubber masks whatever follows "key =".
                out.append("      ! ").append(console.value(secret.key())).append("  <-  ")
                        .append(console.value(secret.reference())).append("  (fill in Vault")
                        .append(secret.note() == null ? "" : "; " + console.value(secret.note())).append(")\n");
            }
            for (String note : translation.notes()) {
                out.append("      note: ").append(console.value(note)).append('\n');
            }
        }
        for (Importer.Skipped skipped : result.skipped()) {
            out.append('\n').append(console.style(Console.Style.RED, "  x " + console.value(skipped.source())))
                    .append("  skipped: ").append(console.value(skipped.why())).append('\n');
        }
        Map<String, List<Translator.Secret>> byPath = secretsByPath();
        if (!byPath.isEmpty()) {
            out.append("\nVault: write these secrets before planning (their values are on the worker; ccc never "
                    + "writes them anywhere):\n");
            byPath.forEach((path, secrets) -> {
                out.append("  vault kv put ").append(console.value(path));
                secrets.forEach(secret -> out.append(' ').append(console.value(secret.vaultKey())).append("=..."));
                out.append("   # from ").append(console.value(String.join(", ",
                        secrets.stream().map(Translator.Secret::fromKey).toList()))).append('\n');
            });
        }
        if (!result.imported().isEmpty()) {
            long errors = result.problems().stream().filter(Problem::isError).count();
            out.append("\nValidate: ").append(errors == 0 ? "the files written are valid" : errors + " error(s)")
                    .append(result.problems().isEmpty() ? "" : ":").append('\n');
            for (Problem problem : result.problems()) {
                out.append("  ").append(problem.isError() ? "error: " : "warning: ")
                        .append(console.value(problem.where() + ": " + problem.message())).append('\n');
            }
            out.append("Next: review the files, fill the secrets in Vault, then 'ccc plan --env ")
                    .append(console.value(result.environment())).append("'; cut over with 'ccc migrate'.\n");
        }
        return out.toString();
    }

    private Map<String, List<Translator.Secret>> secretsByPath() {
        Map<String, List<Translator.Secret>> byPath = new LinkedHashMap<>();
        result.imported().forEach(each -> each.translation().secrets().forEach(secret ->
                byPath.computeIfAbsent(secret.vaultPath(), path -> new ArrayList<>()).add(secret)));
        return byPath;
    }

    @Override
    public ObjectNode json() {
        ObjectNode root = Json.document(result.environment());
        root.put("source", result.sourceUrl());
        ArrayNode connectors = root.putArray("connectors");
        for (Importer.Imported each : result.imported()) {
            Translator.Translation translation = each.translation();
            ObjectNode node = connectors.addObject();
            node.put("source", each.source());
            node.put("name", each.name());
            node.put("directory", each.directory());
            node.put("class_before", translation.originalClass());
            node.put("class_after", translation.connectorClass());
            ArrayNode files = node.putArray("files");
            each.files().forEach(file -> files.add(file.toString()));
            ArrayNode renamed = node.putArray("renamed");
            translation.renames().forEach(rename -> renamed.addObject().put("from", rename.from()).put("to", rename.to()));
            ArrayNode leftOut = node.putArray("left_out");
            translation.dropped().forEach(dropped -> leftOut.addObject().put("key", dropped.key())
                    .put("why", dropped.why()));
            ArrayNode secrets = node.putArray("secrets");
            translation.secrets().forEach(secret -> secrets.addObject().put("key", secret.key())
                    .put("reference", secret.reference()).put("vault_path", secret.vaultPath())
                    .put("vault_key", secret.vaultKey()).put("from_key", secret.fromKey()).put("note", secret.note()));
            ArrayNode notes = node.putArray("notes");
            translation.notes().forEach(notes::add);
        }
        ArrayNode skipped = root.putArray("skipped");
        result.skipped().forEach(each -> skipped.addObject().put("source", each.source()).put("why", each.why()));
        ArrayNode problems = root.putArray("problems");
        for (Problem problem : result.problems()) {
            problems.addObject().put("severity", problem.isError() ? "error" : "warning")
                    .put("file", problem.file() == null ? null : problem.file().toString())
                    .put("message", problem.message());
        }
        root.put("valid", result.problems().stream().noneMatch(Problem::isError));
        return root;
    }

    @Override
    public String markdown(Markdown md) {
        StringBuilder out = new StringBuilder("### ccc import: ").append(md.code(result.environment()))
                .append(" from ").append(md.code(result.sourceUrl())).append("\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (Importer.Imported each : result.imported()) {
            Translator.Translation translation = each.translation();
            rows.add(List.of(md.code(each.source()), md.code(each.name()), md.code(translation.connectorClass()),
                    md.cell(String.join(", ", translation.renames().stream()
                            .map(rename -> rename.from() + " → " + rename.to()).toList())),
                    md.cell(String.join(", ", translation.dropped().stream().map(Translator.Dropped::key).toList())),
                    md.cell(String.join(", ", translation.secrets().stream()
                            .map(secret -> secret.vaultPath() + "#" + secret.vaultKey()).toList()))));
        }
        for (Importer.Skipped skipped : result.skipped()) {
            rows.add(List.of(md.code(skipped.source()), "", "", "", "", md.cell("skipped: " + skipped.why())));
        }
        out.append(Markdown.table(List.of("source", "connector", "class", "renamed", "left out", "Vault secrets"), rows));
        return out.toString();
    }
}
