package ccc.cli;

import ccc.output.Console;
import ccc.engine.StateWaiter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Restart a connector and its tasks (or only the failed ones), then wait until it runs.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc restart --env prod peve-azure-blob-storage-sink-connector-01",
                "  ccc restart --env prod peve-azure-blob-storage-sink-connector-01 --failed-only"})
final class RestartCommand extends RunbookCommand {

    @Parameters(paramLabel = "NAME", description = "The connector (name or directory name).")
    String name;

    @Option(names = "--failed-only", description = "Restart only the failed connector instance and tasks.")
    boolean failedOnly;

    @Mixin
    WaitOptions waiting;


    @Override
    public Integer call() {
        Console console = open();
        String connector = resolveNames(List.of(name), cluster()).get(0);
        client().restart(connector, true, failedOnly);
        console.info("Restart requested for " + connector + (failedOnly ? " (failed instances only)" : "")
                + "; waiting for RUNNING...");
        StateWaiter.Result result = new StateWaiter(client(), waiting.timeoutOr(Duration.ofMinutes(2)),
                waiting.pollInterval, progress -> { })
                .await(connector, "RUNNING");
        if (result.reached()) {
            console.println(connector + ": RUNNING");
            return ExitCode.OK;
        }
        console.error(connector + ": restarted, but " + result.message());
        return ExitCode.ERROR;
    }
}
