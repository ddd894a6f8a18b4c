package ccc.cli;

import ccc.CccException;
import ccc.config.Problem;
import ccc.config.Workspace;
import ccc.engine.Runbook;
import ccc.output.Console;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the on-call commands share: the environment, the output format, and the runbook use cases. */
@Command
abstract class RunbookCommand extends CommandSupport {

    @Mixin
    RootOption root;

    @Mixin
    OutputOptions output;

    @Mixin
    EnvironmentOption environment;

    @Option(names = "--any-name", description = "Allow connectors outside the managed name prefix.")
    boolean anyName;

    Runbook runbook;

    /** Loads ccc.yaml (connector files may be broken) and opens the environment's session. */
    Console open() {
        Console console = console(output);
        Workspace workspace = load(root, environment.name);
        if (workspace.config() == null) {
            throw new CccException(workspace.errors().stream().map(Problem::sentence).findFirst()
                    .orElse("cannot load " + root.root.resolve("ccc.yaml")));
        }
        runbook = new Runbook(workspace, environment.name, session(workspace, environment.name, false),
                context().secrets(), anyName);
        return console;
    }

    /** State changes seen while waiting, shown only to a person at a terminal. */
    Consumer<String> progress(Console console) {
        return line -> {
            if (context().terminal()) {
                console.info("  ... " + line);
            }
        };
    }
}
