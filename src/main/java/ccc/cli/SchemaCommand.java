package ccc.cli;

import ccc.config.SourceDocument;
import ccc.CccException;
import ccc.config.ConfigSchema;
import ccc.output.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (draft 2020-12) of a file of the config repository, the one validate "
                + "checks it against, or write them all to a directory for an editor to use: ccc.yaml, connector "
                + "(<env>-<dir>.json) and vars (<env>-vars.yaml).",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc schema connector > connector.schema.json",
                "  ccc schema --write .schemas    # ccc.schema.json, connector.schema.json, vars.schema.json",
                "  ccc schema --list"})
final class SchemaCommand extends CommandSupport {

    @Parameters(paramLabel = "NAME", arity = "0..1", completionCandidates = Names.class,
            description = "ccc.yaml, connector or vars.")
    String name;

    /** The schemas' names, for shell completion. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(ConfigSchema.values()).map(ConfigSchema::id).iterator();
        }
    }

    @Option(names = "--write", paramLabel = "DIR",
            description = "Write every schema to DIR (created if needed), replacing older copies.")
    Path write;

    @Option(names = "--list", description = "List the schemas and the files they describe.")
    boolean list;

    @Override
    public Integer call() {
        Console console = console(null);
        if (list) {
            for (ConfigSchema schema : ConfigSchema.values()) {
                console.println(String.format("%-10s %-22s %s", schema.id(), schema.fileName(), schema.describes()));
            }
            return ExitCode.OK;
        }
        if (write != null) {
            if (name != null) {
                throw CccException.usage("give NAME or --write DIR, not both");
            }
            try {
                Files.createDirectories(write);
                for (ConfigSchema schema : ConfigSchema.values()) {
                    Path file = write.resolve(schema.fileName());
                    Files.writeString(file, schema.text(), StandardCharsets.UTF_8);
                    console.println("wrote " + file);
                }
            } catch (IOException e) {
                throw new CccException("cannot write the schemas to " + write + ": " + SourceDocument.reason(e), e);
            }
            return ExitCode.OK;
        }
        if (name == null) {
            throw CccException.usage("give the schema's NAME (" + names() + "), --write DIR or --list");
        }
        ConfigSchema schema = ConfigSchema.named(name);
        if (schema == null) {
            throw CccException.usage("unknown schema '" + name + "': use " + names());
        }
        console.print(schema.text());
        return ExitCode.OK;
    }

    private static String names() {
        return Arrays.stream(ConfigSchema.values()).map(ConfigSchema::id).collect(Collectors.joining(", "));
    }
}
