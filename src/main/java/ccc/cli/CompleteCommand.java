package ccc.cli;

import ccc.config.ConnectorTemplates;
import ccc.config.ProjectConfig;
import ccc.config.ProjectConfigLoader;
import ccc.config.SourceDocument;
import ccc.config.WorkspaceLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ccc __complete envs|names|templates}: what the completion script offers for --env, NAME and --template,
 * one a line, from the config repository alone (no network). Prints nothing, and exits 0, where there is nothing
 * to offer (no ccc.yaml, a broken one): a TAB never prints an error.
 */
@Command(name = "__complete", hidden = true,
        description = "For the completion script: environment names, connector names (and directory names) or "
                + "templates of the config repository, one a line.")
final class CompleteCommand extends CommandSupport {

    enum What { envs, names, templates }

    @Parameters(paramLabel = "WHAT", description = "envs, names or templates.")
    What what;

    @Mixin
    RootOption root;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "names: only this environment's.")
    String environment;

    @Override
    public Integer call() {
        Set<String> words = new TreeSet<>();
        try {
            switch (what) {
                case envs -> {
                    ProjectConfig config = ProjectConfigLoader.load(root.root).config();
                    if (config != null) {
                        words.addAll(config.environments().keySet());
                    }
                }
                case names -> words.addAll(names());
                case templates -> ConnectorTemplates.list(root.root).forEach(template -> words.add(template.name()));
            }
        } catch (IOException | RuntimeException e) {
            words.clear(); // a TAB is no place for an error
        }
        words.forEach(context().out()::println);
        context().out().flush();
        return ExitCode.OK;
    }

    /**
     * Connector names and directory names, of the environment given or of them all: the "name" of each connector
     * file, read without rendering or checking anything else (a TAB must be quick; validate says what is wrong).
     */
    private Set<String> names() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> directories = Files.list(root.root)) {
            for (Path directory : directories.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                String dirName = directory.getFileName().toString();
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path file : files.toList()) {
                        String env = WorkspaceLoader.environmentOf(dirName, file.getFileName().toString());
                        if (env == null || !file.toString().endsWith(".json")
                                || (environment != null && !environment.equals(env))) {
                            continue;
                        }
                        names.add(dirName);
                        nameIn(file).ifPresent(names::add);
                    }
                }
            }
        }
        return names;
    }

    private static java.util.Optional<String> nameIn(Path file) {
        try {
            JsonNode name = SourceDocument.parseJson(file).root().path("name");
            return name.isTextual() && !name.asText().isBlank() && !name.asText().contains("${")
                    ? java.util.Optional.of(name.asText()) : java.util.Optional.empty();
        } catch (SourceDocument.Unparseable e) {
            return java.util.Optional.empty();
        }
    }
}
