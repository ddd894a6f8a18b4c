package ccc.cli;

import ccc.engine.Runbook;
import ccc.output.Console;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Restart a connector and its tasks (or only the failed ones), then wait until it runs.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc restart --env prod peve-azure-blob-storage-sink-connector-01",
                "  ccc restart --env prod peve-azure-blob-storage-sink-connector-01 --failed-only"})
final class RestartCommand extends StateChangeCommand {

    @Option(names = "--failed-only", description = "Restart only the failed connector instance and tasks.")
    boolean failedOnly;

    @Override
    String verb() {
        return "restart";
    }

    @Override
    Runbook.StateChange change(String name, Console console) {
        if (failedOnly && !runbook.restartsOnlyFailed()) {
            console.warn("Confluent Cloud documents no way to restart only failed tasks: --failed-only restarts "
                    + console.value(name) + " and all its tasks there.");
        }
        console.info("Restart requested for " + console.value(name)
                + (failedOnly && runbook.restartsOnlyFailed() ? " (failed instances only)" : "")
                + "; waiting for RUNNING...");
        return runbook.restart(name, failedOnly, waiting.waiting(defaultTimeout()), progress(console));
    }
}
