package ccc.cli;

import ccc.config.DeclaredState;
import picocli.CommandLine.Command;

@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Pause connectors and wait until they are PAUSED.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc pause --env prod peve-azure-blob-storage-sink-connector-01"})
final class PauseCommand extends StateChangeCommand {

    @Override
    DeclaredState target() {
        return DeclaredState.PAUSED;
    }

    @Override
    void send(String name) {
        client().pause(name);
    }
}
