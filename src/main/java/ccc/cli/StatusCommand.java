package ccc.cli;

import ccc.client.connect.RemoteConnector;
import ccc.output.Console;
import ccc.output.StatusReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show each connector's id, state and task states, with the first lines of the trace of "
                + "anything FAILED. Exits 1 when a selected connector is FAILED or missing, so scripts can use it "
                + "as a check.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc status --env prod",
                "  ccc status --env prod peve-azure-blob-storage-sink-connector-01 --trace",
                "  ccc status --env dev --watch"})
final class StatusCommand extends RunbookCommand {

    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "Connectors to show (default: every managed connector, and those the repository declares).")
    List<String> names = new ArrayList<>();

    @Option(names = "--trace", description = "Show whole traces, not their first lines.")
    boolean fullTrace;

    @Option(names = "--watch", description = "Refresh until interrupted (Ctrl-C).")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "Refresh interval with --watch (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--max-refreshes", hidden = true, defaultValue = "0")
    int maxRefreshes;

    @Override
    public Integer call() throws InterruptedException {
        Console console = open();
        if (!runbook.knowsEverySensitiveKey()) {
            console.warn("some connector files of " + environment.name + " cannot be read, so the sensitive keys they"
                    + " declare are unknown: traces are shown scrubbed only of what the cluster masks, not by key"
                    + " ('ccc validate' names the broken files).");
        }
        int refreshes = 0;
        while (true) {
            int code = showOnce(console);
            refreshes++;
            if (!watch || (maxRefreshes > 0 && refreshes >= maxRefreshes)) {
                return code;
            }
            Thread.sleep(interval.toMillis());
            console.clearScreen();
        }
    }

    private int showOnce(Console console) {
        Map<String, RemoteConnector> cluster = runbook.cluster();
        Map<String, RemoteConnector> shown = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        if (names.isEmpty()) {
            cluster.values().stream().filter(c -> runbook.inScope(c.name())).forEach(c -> shown.put(c.name(), c));
            missing.addAll(runbook.missing(cluster));
        } else {
            for (String name : runbook.resolveNames(names, cluster)) {
                shown.put(name, cluster.get(name));
            }
        }
        List<RemoteConnector> connectors = new ArrayList<>(shown.values());
        console.emit(output.format, new StatusReport(environment.name, runbook.session().location(), connectors,
                missing, fullTrace, runbook.knowsEverySensitiveKey()));
        boolean failed = connectors.stream().anyMatch(StatusReport::isFailed);
        return failed || !missing.isEmpty() ? ExitCode.ERROR : ExitCode.OK;
    }
}
