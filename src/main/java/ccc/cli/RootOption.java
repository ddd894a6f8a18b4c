package ccc.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --root: the config repository's directory. */
public final class RootOption {
    @Option(names = "--root", paramLabel = "DIR", defaultValue = "connectors",
            description = "Config root holding ccc.yaml and the connector directories (default: ${DEFAULT-VALUE}).")
    Path root;
}
