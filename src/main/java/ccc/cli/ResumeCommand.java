package ccc.cli;

import ccc.engine.Runbook;
import ccc.output.Console;
import picocli.CommandLine.Command;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Resume paused connectors and wait until they and their tasks are RUNNING.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc resume --env prod peve-azure-blob-storage-sink-connector-01"})
final class ResumeCommand extends StateChangeCommand {

    @Override
    String verb() {
        return "resume";
    }

    @Override
    Runbook.StateChange change(String name, Console console) {
        return runbook.resume(name, waiting.waiting(defaultTimeout()), progress(console));
    }
}
