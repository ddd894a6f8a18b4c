package ccc.cli;

import ccc.config.Workspace;
import ccc.output.Console;
import ccc.output.ProblemReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Parse, merge and lint every connector of every environment (or one) and report every "
                + "problem, with the file and the place in it. No network.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc validate", "  ccc validate --env prod --root ./connectors", "  ccc validate --output json"})
final class ValidateCommand extends CommandSupport {

    @Mixin
    RootOption root;

    @Mixin
    OutputOptions output;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Only this environment (default: all).")
    String environment;

    @Override
    public Integer call() {
        Console console = console(output);
        Workspace workspace = load(root, environment);
        annotate(console, workspace.problems(), "ccc validate");
        console.emit(output.format, new ProblemReport(workspace.problems(),
                ProblemReport.Scope.of(workspace.connectors(), workspace.environments())));
        return workspace.hasErrors() ? ExitCode.ERROR : ExitCode.OK;
    }
}
