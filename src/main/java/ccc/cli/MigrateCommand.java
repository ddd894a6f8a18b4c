package ccc.cli;

import ccc.config.Workspace;
import ccc.engine.migration.Migration;
import ccc.output.Console;
import ccc.output.MigrateReport;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Cut one connector over from a self-managed worker to an environment, with its offsets: stop "
                + "(or pause) it on the worker, read its offsets, create the repository's connector from them, wait "
                + "until it runs, and with --delete-source delete the worker's one. Prints every step and changes "
                + "nothing unless --execute. A failure leaves the worker's connector stopped, not deleted, and says "
                + "how to resume it.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc migrate --from http://connect.internal:8083 orders-blob-sink --env dev            # dry run",
                "  ccc migrate --from http://connect.internal:8083 orders-blob-sink --env dev --execute",
                "  ccc migrate --from http://connect.internal:8083 orders-blob-sink --env dev --execute --delete-source"})
final class MigrateCommand extends CommandSupport {

    @Mixin
    RootOption root;

    @Mixin
    OutputOptions output;

    @Mixin
    SourceWorkerOptions from;

    @Parameters(paramLabel = "NAME", description = "The connector's name on the worker.")
    String name;

    @Option(names = {"-e", "--env"}, required = true, paramLabel = "ENV", description = "The environment to cut over to.")
    String environment;

    @Option(names = "--to", paramLabel = "NAME",
            description = "The repository's connector to create (name or directory; default: the name 'ccc import' "
                    + "gives NAME).")
    String target;

    @Option(names = "--execute", description = "Carry it out (without it: a dry run that changes nothing).")
    boolean execute;

    @Option(names = "--delete-source", description = "Delete the worker's connector once the new one runs.")
    boolean deleteSource;

    @Option(names = "--offsets-file", paramLabel = "FILE",
            description = "Create the new connector from these offsets ({\"offsets\": [...]}, in its class's format) "
                    + "instead of the source's: for a source whose offsets ccc cannot convert.")
    Path offsetsFile;

    @Option(names = "--allow-offset-loss",
            description = "Create the new connector without offsets where the source's cannot be carried.")
    boolean allowOffsetLoss;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        Console console = console(output);
        Workspace workspace = loadValid(root, environment, console);
        Migration migration = new Migration(workspace, environment, from.open(context()),
                session(workspace, environment, false), context().secrets(), waiting.waiting(Duration.ofMinutes(5)),
                console::info);
        Migration.Result result = migration.run(new Migration.Request(from.url, name, target, execute, deleteSource,
                offsetsFile == null ? null : OffsetsCommand.readOffsets(offsetsFile), allowOffsetLoss));
        console.emit(output.format, new MigrateReport(result));
        return result.succeeded() ? ExitCode.OK : ExitCode.ERROR;
    }
}
