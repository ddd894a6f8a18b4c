package ccc.cli;

import ccc.CccException;
import ccc.config.Workspace;
import ccc.output.Console;
import ccc.output.PlanReport;
import ccc.engine.PlanBuilder;
import ccc.engine.PlanRequest;
import ccc.engine.PlannedRun;
import ccc.engine.SavedPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what apply would change: the repository's connectors against the cluster's, "
                + "with the offset-safety rules. Reads the whole cluster in one request.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc plan --env dev",
                "  ccc plan --env dev --output markdown > plan.md",
                "  ccc plan --env prod -o prod.plan.json --detailed-exitcode",
                "  ccc plan --env dev --offline            # no credentials: against an empty cluster"})
final class PlanCommand extends CommandSupport {

    @Mixin
    RootOption root;

    @Mixin
    OutputOptions output;

    @Mixin
    PlanFlags flags;

    @Option(names = {"-e", "--env"}, required = true, paramLabel = "ENV", description = "The environment.")
    String environment;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Limit the plan to these connectors.")
    List<String> names = new ArrayList<>();

    @Option(names = "--offline", description = "Plan against an empty cluster, without network or credentials.")
    boolean offline;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when the plan has changes (0 when none).")
    boolean detailedExitCode;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Save the plan for 'ccc apply FILE'.")
    Path out;

    @Override
    public Integer call() {
        Console console = console(output);
        if (out != null && java.util.Set.of("text", "json", "markdown").contains(out.toString())) {
            throw CccException.usage("-o saves the plan to a file (like terraform's -out); for the format write "
                    + "--output " + out);
        }
        if (offline && out != null) {
            throw CccException.usage("--offline plans cannot be saved: apply needs a plan made against the cluster");
        }
        Workspace workspace = loadValid(root, environment, console);
        PlanRequest request = new PlanRequest(names, flags.prune, flags.allowOffsetLoss, offline, flags.resendSecrets,
                flags.carryOffsets);
        PlannedRun run = PlanBuilder.build(workspace, environment, request, session(workspace, environment, offline),
                context().secrets());
        console.emit(output.format, new PlanReport(run.plan(), run.location()));
        if (out != null) {
            SavedPlan.of(run, request).write(out, run.keyedDigest());
            console.info("Saved the plan to " + out + "; apply it with 'ccc apply " + out + "'.");
        }
        if (run.plan().refused()) {
            return ExitCode.REFUSED;
        }
        return detailedExitCode && run.plan().hasChanges() ? ExitCode.CHANGES : ExitCode.OK;
    }
}
