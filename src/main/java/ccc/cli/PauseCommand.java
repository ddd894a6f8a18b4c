package ccc.cli;

import ccc.engine.Runbook;
import ccc.output.Console;
import picocli.CommandLine.Command;

@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Pause connectors and wait until they are PAUSED.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc pause --env prod peve-azure-blob-storage-sink-connector-01"})
final class PauseCommand extends StateChangeCommand {

    @Override
    String verb() {
        return "pause";
    }

    @Override
    Runbook.StateChange change(String name, Console console) {
        return runbook.pause(name, waiting.waiting(defaultTimeout()), progress(console));
    }
}
