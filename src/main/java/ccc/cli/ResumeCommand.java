package ccc.cli;

import ccc.config.DeclaredState;
import picocli.CommandLine.Command;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Resume paused connectors and wait until they and their tasks are RUNNING.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc resume --env prod peve-azure-blob-storage-sink-connector-01"})
final class ResumeCommand extends StateChangeCommand {

    @Override
    DeclaredState target() {
        return DeclaredState.RUNNING;
    }

    @Override
    void send(String name) {
        client().resume(name);
    }
}
