package ccc.cli;

import ccc.CccException;
import ccc.config.ChangedFiles;
import ccc.config.Problem;
import ccc.config.ProjectConfig;
import ccc.config.ProjectConfigLoader;
import ccc.config.SourceDocument;
import ccc.output.AffectedReport;
import ccc.output.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "affected", mixinStandardHelpOptions = true,
        description = "List the environments a change touches, from the paths it changed (one a line, as 'git diff "
                + "--name-only' prints them): ccc.yaml touches every environment, <dir>/E-<dir>.json and "
                + "<dir>/E-vars.yaml touch E. A CI job plans or applies only these. No network.",
        footerHeading = "%nExamples:%n",
        footer = {"  git diff --name-only origin/main... | ccc affected --env dev,cert,prod --files-from -",
                "  ccc affected --env dev,cert,prod --all --output json   # every one of them, for a job matrix"})
final class AffectedCommand extends CommandSupport {

    @Mixin
    RootOption root;

    @Mixin
    OutputOptions output;

    @Option(names = {"-e", "--env"}, required = true, split = ",", paramLabel = "ENV",
            description = "The environments to consider, in promotion order (comma-separated or repeated).")
    List<String> environments = new ArrayList<>();

    @Option(names = "--files-from", paramLabel = "FILE", description = "The changed paths, one a line ('-': standard input).")
    String filesFrom;

    @Option(names = "--all", description = "Every environment given, whatever changed.")
    boolean all;

    @Override
    public Integer call() {
        Console console = console(output);
        if (all == (filesFrom != null)) {
            throw CccException.usage("give either --files-from FILE (the changed paths) or --all");
        }
        ProjectConfigLoader.Result project = ProjectConfigLoader.load(root.root);
        ProjectConfig config = project.config();
        if (config == null) {
            throw new CccException(project.problems().stream().filter(Problem::isError).map(Problem::sentence)
                    .findFirst().orElse("cannot load " + root.root.resolve(ProjectConfigLoader.FILE_NAME)));
        }
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(environments));
        requireEnvironments(config, wanted);
        Map<String, List<String>> touched = new LinkedHashMap<>();
        if (all) {
            wanted.forEach(name -> touched.put(name, List.of()));
        } else {
            touched.putAll(ChangedFiles.environments(root.root, wanted, changedPaths()));
        }
        console.emit(output.format, new AffectedReport(new ArrayList<>(touched.keySet()), touched));
        return ExitCode.OK;
    }

    private List<String> changedPaths() {
        try {
            String text = "-".equals(filesFrom) ? readAll() : Files.readString(Path.of(filesFrom), StandardCharsets.UTF_8);
            return text.lines().toList();
        } catch (IOException e) {
            throw new CccException("cannot read the changed paths from " + filesFrom + ": " + SourceDocument.reason(e), e);
        }
    }

    private String readAll() throws IOException {
        StringBuilder text = new StringBuilder();
        String line;
        while ((line = context().in().readLine()) != null) {
            text.append(line).append('\n');
        }
        return text.toString();
    }
}
