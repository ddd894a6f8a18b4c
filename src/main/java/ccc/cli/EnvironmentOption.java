package ccc.cli;

import picocli.CommandLine.Option;

/** --env for the commands that always need one. */
public final class EnvironmentOption {
    @Option(names = {"-e", "--env"}, required = true, paramLabel = "ENV", description = "The environment.")
    String name;
}
