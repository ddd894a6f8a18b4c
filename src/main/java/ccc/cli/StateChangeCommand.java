package ccc.cli;

import ccc.config.DesiredConnector;
import ccc.engine.Runbook;
import ccc.output.Console;
import ccc.output.StateChangeReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** pause and resume: send the call, wait for the state, and warn when the repository disagrees. */
@Command
abstract class StateChangeCommand extends RunbookCommand {

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Connectors (names or directory names).")
    List<String> names = new ArrayList<>();

    @Mixin
    WaitOptions waiting;

    abstract String verb();

    abstract Runbook.StateChange change(String name, Console console);

    @Override
    public Integer call() {
        Console console = open();
        List<String> selected = runbook.resolveNames(names, runbook.cluster());
        List<Runbook.StateChange> changes = new ArrayList<>();
        for (String name : selected) {
            Runbook.StateChange change = change(name, console);
            changes.add(change);
            if (!change.result().reached()) {
                console.error(name + ": " + verb() + " did not complete: " + change.result().message());
            }
            change.declaredOtherwise().ifPresent(declared -> warnDeclared(console, declared, change));
        }
        StateChangeReport report = new StateChangeReport(environment.name, verb(), changes);
        console.emit(output.format, report);
        return report.succeeded() ? ExitCode.OK : ExitCode.ERROR;
    }

    Duration defaultTimeout() {
        return Duration.ofMinutes(2);
    }

    private static void warnDeclared(Console console, DesiredConnector declared, Runbook.StateChange change) {
        console.warn(declared.name() + " is declared " + declared.state() + " in " + declared.varsFile()
                + " (key 'status'), so the next 'ccc apply' will set it back to " + declared.state()
                + ". To keep it " + change.wanted() + ", set 'status: " + change.wanted() + "' there and merge it.");
    }
}
