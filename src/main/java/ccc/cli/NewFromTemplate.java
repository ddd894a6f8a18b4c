package ccc.cli;

import ccc.config.SourceDocument;
import ccc.CccException;
import ccc.config.ConnectorTemplates;
import ccc.config.DesiredConnector;
import ccc.config.Problem;
import ccc.config.ProjectConfig;
import ccc.config.ProjectConfigLoader;
import ccc.config.Workspace;
import ccc.config.WorkspaceLoader;
import ccc.output.Console;
import ccc.output.ProblemReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ccc new DIR --template NAME} and {@code ccc new --list-templates}: a connector directory from one of the
 * repository's templates ({@link ConnectorTemplates}), checked by validate at once so that a template that breaks
 * the repository's schemas or policies says so where it is used.
 */
final class NewFromTemplate {

    private final Path root;
    private final Console console;

    NewFromTemplate(Path root, Console console) {
        this.root = root;
        this.console = console;
    }

    int list() {
        List<ConnectorTemplates.Info> templates = ConnectorTemplates.list(root);
        if (templates.isEmpty()) {
            console.println("No templates in " + root.resolve(ConnectorTemplates.DIRECTORY)
                    + ". A template is a directory there holding connector.json and vars.yaml.");
            return ExitCode.OK;
        }
        int width = templates.stream().mapToInt(t -> t.name().length()).max().orElse(0);
        for (ConnectorTemplates.Info template : templates) {
            String description = template.description() == null ? "" : template.description();
            console.println(console.value(String.format("%-" + width + "s  %s", template.name(), description))
                    .stripTrailing());
        }
        return ExitCode.OK;
    }

    /**
     * @param environments the environments to scaffold; empty: every one of ccc.yaml
     * @param connectorName the connector name, or null for the default of {@code ccc new}
     * @param defaultName the default name under a prefix, from the directory
     */
    int scaffold(String template, String directory, List<String> environments, String connectorName,
                 java.util.function.UnaryOperator<String> defaultName) {
        ProjectConfigLoader.Result loaded = ProjectConfigLoader.load(root);
        ProjectConfig project = loaded.config();
        if (project == null) {
            throw new CccException("cannot scaffold: " + loaded.problems().stream().filter(Problem::isError)
                    .map(Problem::sentence).findFirst().orElse("ccc.yaml is unusable"));
        }
        List<String> targets = environments.isEmpty() ? List.copyOf(project.environments().keySet()) : environments;
        CommandSupport.requireEnvironments(project, targets);
        String name = connectorName != null ? connectorName : defaultName.apply(project.namePrefix());
        Map<Path, String> files = ConnectorTemplates.scaffold(root, template, directory, name, project, targets);
        List<String> taken = files.keySet().stream().filter(Files::exists).map(Path::toString).toList();
        if (!taken.isEmpty()) {
            throw new CccException("refusing to overwrite " + String.join(", ", taken)
                    + "; remove them or choose another DIR.");
        }
        try {
            Files.createDirectories(root.resolve(directory));
            for (Map.Entry<Path, String> file : files.entrySet()) {
                Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
                console.println("created " + file.getKey());
            }
        } catch (IOException e) {
            throw new CccException("cannot write " + root.resolve(directory) + ": " + SourceDocument.reason(e), e);
        }
        return check(root.resolve(directory));
    }

    /** What validate says about the new directory: nothing, when the template meets the repository's standards. */
    private int check(Path directory) {
        Workspace workspace = WorkspaceLoader.load(root, null);
        // The template's own placeholders are for the user to fill in, not a standard it breaks.
        List<Problem> mine = workspace.problems().stream()
                .filter(p -> p.file() != null && p.file().startsWith(directory))
                .filter(p -> !p.rule().equals(Problem.Rule.SCAFFOLD)).toList();
        if (mine.stream().noneMatch(p -> p.isError() || p.isWarning())) {
            console.println("Next: fill in the vars files (every change-me and SA_CHANGE_ME: validate warns of any "
                    + "left), then run 'ccc validate --root " + root + "'.");
            return ExitCode.OK;
        }
        List<DesiredConnector> rendered = workspace.connectors().stream()
                .filter(c -> root.resolve(c.directory()).equals(directory)).toList();
        console.info(new ProblemReport(mine, ProblemReport.Scope.of(rendered, workspace.environments())).text(console)
                .stripTrailing());
        console.println("The template does not meet the repository's standards yet: fix the files above (and the "
                + "template), then run 'ccc validate --root " + root + "'.");
        return mine.stream().anyMatch(Problem::isError) ? ExitCode.ERROR : ExitCode.OK;
    }
}
