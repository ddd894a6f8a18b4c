package ccc.cli;

import ccc.CccException;
import ccc.client.HttpSettings;
import ccc.config.ProjectConfig;
import ccc.config.Workspace;
import ccc.config.WorkspaceLoader;
import ccc.engine.Suggestions;
import ccc.output.Console;
import ccc.config.Problem;
import ccc.output.PlanComment;
import ccc.output.ProblemReport;
import ccc.output.WorkflowCommands;
import java.nio.file.Path;
import java.util.List;
import ccc.targets.Session;
import ccc.targets.Sessions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the run's context, its console, and loading the workspace. */
@Command
abstract class CommandSupport implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    CliContext context() {
        return ((CccCommand) spec.root().userObject()).context();
    }

    Console console(OutputOptions output) {
        CliContext context = context();
        boolean color = context.terminal() && context.env("NO_COLOR") == null
                && (output == null || !output.noColor);
        return new Console(context.out(), context.err(), color, context.secrets(),
                "true".equals(context.env("GITHUB_ACTIONS")), context.width());
    }

    /**
     * In a GitHub Actions job, each problem as an annotation on its file and line (paths relative to
     * GITHUB_WORKSPACE, the repository's checkout); elsewhere nothing.
     */
    void annotate(Console console, List<Problem> problems, String title) {
        String workspace = context().env("GITHUB_WORKSPACE");
        Path base = workspace == null ? Path.of("") : Path.of(workspace);
        problems.forEach(problem -> console.annotate(WorkflowCommands.Annotation.of(problem, base, title)));
    }

    /**
     * Loads the workspace for one environment (or all), printing its warnings; any error ends the
     * command with every error listed. A policy of ccc.yaml is not such an error here: plan and apply judge it
     * again on what they would change, and refuse it with its rule id (exit 3).
     */
    Workspace loadValid(RootOption root, String environment, Console console) {
        Workspace workspace = load(root, environment);
        annotate(console, workspace.problems(), "ccc " + spec.name());
        if (workspace.errors().stream().anyMatch(p -> !p.rule().startsWith("policy/"))) {
            console.info(new ProblemReport(workspace.problems(),
                    ProblemReport.Scope.of(workspace.connectors(), workspace.environments())).text(console).stripTrailing());
            int errors = workspace.errors().size();
            throw new CccException("the config repository has " + errors + " error" + (errors == 1 ? "" : "s")
                    + "; fix them and run again ('ccc validate' lists them all).");
        }
        workspace.warnings().stream().filter(p -> !p.rule().startsWith("policy/"))
                .forEach(p -> console.warn(p.where() + ": " + p.message()));
        return workspace;
    }

    /**
     * Loads the workspace for one environment (or all, when null), broken files and all; an environment ccc.yaml
     * does not declare is a usage error with the closest one and the list ({@link #requireEnvironments}).
     */
    Workspace load(RootOption root, String environment) {
        Workspace workspace = WorkspaceLoader.load(root.root, environment);
        if (environment != null && workspace.config() != null) {
            requireEnvironments(workspace.config(), List.of(environment));
        }
        return workspace;
    }

    /** Every name given with --env must be an environment of ccc.yaml: else exit 64, "did you mean dev?". */
    static void requireEnvironments(ProjectConfig config, List<String> environments) {
        for (String environment : environments) {
            if (!config.environments().containsKey(environment)) {
                throw Suggestions.unknownEnvironment(environment, config.environments().keySet());
            }
        }
    }

    /** This GitHub Actions run, from the variables the runner sets; null elsewhere. */
    String runUrl() {
        return PlanComment.runUrl(context().env("GITHUB_SERVER_URL"), context().env("GITHUB_REPOSITORY"),
                context().env("GITHUB_RUN_ID"));
    }

    /** What plan, apply and the runbook use to reach an environment: the network, or nothing. */
    Session session(Workspace workspace, String environment, boolean offline) {
        CliContext context = context();
        return Sessions.open(workspace.config(), workspace.config().environments().get(environment),
                context.env(), context.secrets(), HttpSettings.withTimeouts(workspace.config().timeouts().connectSeconds(),
                        workspace.config().timeouts().readSeconds()), offline);
    }
}
