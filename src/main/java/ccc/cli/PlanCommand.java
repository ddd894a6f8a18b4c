package ccc.cli;

import ccc.CccException;
import ccc.config.Workspace;
import ccc.output.Console;
import ccc.output.Markdown;
import ccc.output.PlanComment;
import ccc.output.PlanReport;
import ccc.output.WorkflowCommands;
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
                "  ccc plan --env dev --offline            # no credentials: against an empty cluster",
                "  ccc plan --env dev -o dev.plan.json --comment dev.comment.md   # in a pull-request job"})
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

    @Option(names = "--comment", paramLabel = "FILE",
            description = "Also write the plan as a pull-request comment to FILE: markdown marked <!-- ccc-plan:ENV --> "
                    + "so a workflow finds and updates it, cut to --comment-max-length with a pointer to the full plan. "
                    + "Written also when no plan can be made, saying why.")
    Path comment;

    @Option(names = "--comment-max-length", paramLabel = "N", defaultValue = "" + PlanComment.DEFAULT_MAX_LENGTH,
            description = "The most characters of the --comment file (default: ${DEFAULT-VALUE}; GitHub refuses a "
                    + "comment past 65536).")
    int commentMaxLength;

    @Option(names = "--full-plan-url", paramLabel = "URL",
            description = "Where a cut --comment points for the full plan (default in GitHub Actions: this workflow run, "
                    + "whose artifacts keep it).")
    String fullPlanUrl;

    @Override
    public Integer call() {
        Console console = console(output);
        if (comment != null && commentMaxLength < PlanComment.MIN_MAX_LENGTH) {
            throw CccException.usage("--comment-max-length must be at least " + PlanComment.MIN_MAX_LENGTH);
        }
        try {
            return plan(console);
        } catch (CccException failure) {
            if (comment != null && failure.kind() != CccException.Kind.USAGE) {
                console.writeFile(comment, PlanComment.failed(environment, failure.getMessage(),
                        new Markdown(context().secrets()), runUrl()));
            }
            throw failure;
        }
    }

    private Integer plan(Console console) {
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
        PlanReport report = new PlanReport(run.plan(), run.location());
        console.emit(output.format, report);
        if (comment != null) {
            String runUrl = runUrl();
            console.writeFile(comment, PlanComment.of(report, new Markdown(context().secrets()), commentMaxLength,
                    fullPlanUrl != null ? fullPlanUrl : runUrl, runUrl));
        }
        run.plan().refusals().forEach(refusal -> console.annotate(new WorkflowCommands.Annotation(
                WorkflowCommands.Level.ERROR, null, 0, 0, "ccc plan " + environment + ": refused (" + refusal.rule().id()
                + ")", refusal.message() + "\nOverride: " + refusal.override())));
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
