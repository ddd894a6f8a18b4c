package ccc.cli;

import ccc.client.connect.RemoteConnector;
import ccc.config.DeclaredState;
import ccc.config.DesiredConnector;
import ccc.output.Console;
import ccc.engine.StateWaiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** pause and resume: send the call, wait for the state, and warn when the repository disagrees. */
@Command
abstract class StateChangeCommand extends RunbookCommand {

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Connectors (names or directory names).")
    List<String> names = new ArrayList<>();

    @Mixin
    WaitOptions waiting;


    abstract DeclaredState target();

    abstract void send(String name);

    @Override
    public Integer call() {
        Console console = open();
        Map<String, RemoteConnector> cluster = cluster();
        List<String> selected = resolveNames(names, cluster);
        String verb = target() == DeclaredState.PAUSED ? "pause" : "resume";
        StateWaiter waiter = new StateWaiter(client(), waiting.timeoutOr(Duration.ofMinutes(2)), waiting.pollInterval,
                progress -> {
                    if (context().terminal()) {
                        console.info("  ... " + progress);
                    }
                });
        boolean allReached = true;
        for (String name : selected) {
            send(name);
            StateWaiter.Result result = waiter.await(name, target().name());
            allReached &= result.reached();
            if (result.reached()) {
                console.println(name + ": " + result.state());
            } else {
                console.error(name + ": " + verb + " did not complete: " + result.message());
            }
            declared(name).filter(d -> d.state() != target()).ifPresent(d -> warnDeclared(console, d));
        }
        return allReached ? ExitCode.OK : ExitCode.ERROR;
    }

    private void warnDeclared(Console console, DesiredConnector declared) {
        console.warn(declared.name() + " is declared " + declared.state() + " in " + declared.varsFile()
                + " (key 'status'), so the next 'ccc apply' will set it back to " + declared.state()
                + ". To keep it " + target() + ", set 'status: " + target() + "' there and merge it.");
    }
}
