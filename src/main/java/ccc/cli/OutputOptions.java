package ccc.cli;

import ccc.output.Format;
import picocli.CommandLine.Option;

/** --output and --no-color, for every command that prints results. */
public final class OutputOptions {
    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--no-color", description = "No colour even on a terminal (NO_COLOR does the same).")
    boolean noColor;
}
