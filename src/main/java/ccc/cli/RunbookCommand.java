package ccc.cli;

import ccc.CccException;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.RemoteConnector;
import ccc.config.DesiredConnector;
import ccc.config.Problem;
import ccc.config.Workspace;
import ccc.config.WorkspaceLoader;
import ccc.output.Console;
import ccc.target.Session;
import ccc.engine.PlanBuilder;
import ccc.engine.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the on-call commands share. They work even when some connector file is broken (a night
 * incident is no time to fix a typo first): only ccc.yaml must load.
 */
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

    Workspace workspace;
    Session access;

    Console open() {
        Console console = console(output);
        workspace = WorkspaceLoader.load(root.root, environment.name);
        if (workspace.config() == null || workspace.environment(environment.name).isEmpty()) {
            String reason = workspace.errors().stream()
                    .map(Problem::sentence)
                    .findFirst().orElse("unknown environment '" + environment.name + "'");
            throw new CccException(reason);
        }
        access = access(workspace, environment.name, false);
        return console;
    }

    ConnectClient client() {
        return access.connect();
    }

    /**
     * Every connector of the cluster, in one request. What may be secret in them (declared
     * sensitive keys, keys the cluster masks, plain-text secrets of a self-managed worker) joins the
     * scrubber first, because traces and errors can echo a config back.
     */
    Map<String, RemoteConnector> cluster() {
        Map<String, RemoteConnector> cluster = client().list();
        PlanBuilder.protectSecrets(cluster.values().stream().map(PlanBuilder::toActual).toList(),
                workspace.connectors(environment.name), context().secrets());
        return cluster;
    }

    /** Connector names (directory names are translated), each checked against the cluster. */
    List<String> resolveNames(List<String> requested, Map<String, RemoteConnector> cluster) {
        Set<String> names = new LinkedHashSet<>();
        requested.forEach(name -> names.add(workspace.connectorName(environment.name, name)));
        for (String name : names) {
            if (!anyName && !workspace.config().isManaged(name)) {
                throw CccException.refused("'" + name + "' is outside the managed prefix '"
                        + workspace.config().namePrefix() + "'; pass --any-name to act on another team's connector.");
            }
            if (!cluster.containsKey(name)) {
                throw new CccException("no connector named '" + name + "' in " + environment.name + " ("
                        + access.target() + ")" + Suggestions.closest(name, new ArrayList<>(cluster.keySet())));
            }
        }
        return List.copyOf(names);
    }

    Optional<DesiredConnector> declared(String name) {
        return workspace.connectors(environment.name).stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
