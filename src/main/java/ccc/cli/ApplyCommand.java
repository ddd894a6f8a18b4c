package ccc.cli;

import ccc.CccException;
import ccc.config.Workspace;
import ccc.output.ApplyReport;
import ccc.output.Console;
import ccc.output.Format;
import ccc.output.PlanReport;
import ccc.plan.Notice;
import ccc.plan.Plan;
import ccc.engine.Applier;
import ccc.targets.Session;
import ccc.engine.Outcome;
import ccc.engine.PlanBuilder;
import ccc.engine.PlanRequest;
import ccc.engine.PlannedRun;
import ccc.engine.SavedPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Carry out the plan: create, update in place, pause, resume (and, when allowed, replace or "
                + "delete) connectors, then wait until each reaches its declared state. Asks for 'yes' unless "
                + "--auto-approve. Given a saved plan file, refuses it if the cluster or the repository changed "
                + "since it was made.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc apply --env dev",
                "  ccc apply --env dev --auto-approve peve-datagen-source-connector-01",
                "  ccc plan --env prod -o prod.plan.json && ccc apply prod.plan.json"})
final class ApplyCommand extends CommandSupport {

    @Mixin
    RootOption root;

    @Mixin
    OutputOptions output;

    @Mixin
    PlanFlags flags;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "The environment (taken from a saved plan).")
    String environment;

    @Parameters(paramLabel = "NAME|PLANFILE", arity = "0..*",
            description = "Connectors to apply (default: all), or one plan file saved by 'ccc plan -o'.")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--auto-approve", description = "Do not ask for confirmation (needed without a terminal).")
    boolean autoApprove;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "4",
            description = "Connectors changed at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Wait for each connector to reach its declared state (default: on; --no-wait skips).")
    boolean waitForState;

    @Mixin
    WaitOptions waiting;


    @Override
    public Integer call() {
        Console console = console(output);
        if (parallelism < 1) {
            throw CccException.usage("--parallelism must be at least 1");
        }
        Path planFile = planFile();
        String env = environment;
        if (planFile != null) {
            String saved = SavedPlan.environmentOf(planFile);
            if (env != null && !env.equals(saved)) {
                throw CccException.usage("the plan file is for " + saved + ", not " + env);
            }
            env = saved;
        } else if (env == null) {
            throw CccException.usage("--env is required (or give a plan file saved by 'ccc plan -o')");
        }

        Workspace workspace = loadValid(root, env, console);
        Session session = session(workspace, env, false);
        PlanRequest request = new PlanRequest(arguments, flags.prune, flags.allowOffsetLoss, false, flags.resendSecrets,
                flags.carryOffsets);
        SavedPlan saved = null;
        if (planFile != null) {
            saved = SavedPlan.read(planFile, session.digest());
            request = saved.request();
        }
        PlannedRun run = PlanBuilder.build(workspace, env, request, session, context().secrets());
        Plan plan = run.plan();
        if (saved != null) {
            String stale = saved.staleBecause(run);
            if (stale != null) {
                throw CccException.refused(stale + " (" + planFile + "); nothing was applied. Run 'ccc plan --env "
                        + env + " -o " + planFile + "' again and review it.");
            }
        }
        PlanReport shown = new PlanReport(plan, run.location());
        if (output.format == Format.TEXT) {
            console.print(shown.text(console));
        } else if (!autoApprove && plan.hasChanges() && !plan.refused()) {
            console.info(shown.text(console));
        }
        if (plan.refused()) {
            if (output.format != Format.TEXT) {
                console.emit(output.format, new ApplyReport(plan));
            }
            console.error("nothing was applied: the plan is refused by a safety rule (see above for the flag "
                    + "that overrides it).");
            return ExitCode.REFUSED;
        }
        if (!plan.hasChanges()) {
            if (output.format != Format.TEXT) {
                console.emit(output.format, new ApplyReport(plan));
            }
            return unhealthy(plan, console);
        }
        confirm(env, plan, console);

        Applier applier = new Applier(session.connect(),
                new Applier.Settings(parallelism, waitForState, waiting.timeoutOr(Duration.ofMinutes(5)),
                        waiting.pollInterval, waiting.settle()),
                outcome -> console.info(ApplyReport.line(outcome, console)),
                step -> console.info(ApplyReport.step(step, console)));
        Instant started = Instant.now();
        List<Outcome> outcomes = applier.apply(plan, run.desired(), run.observed());
        console.emit(output.format, new ApplyReport(plan, outcomes, Duration.between(started, Instant.now())));
        run.digestBook().flatMap(book -> book.record(outcomes, run.desired())).ifPresent(console::warn);
        return outcomes.stream().allMatch(Outcome::ok) ? ExitCode.OK : ExitCode.ERROR;
    }

    /**
     * The cluster already matches the repository: success, unless a connector of it is not running
     * (FAILED, or a task FAILED or STOPPED), which no apply of the same files will fix.
     */
    private static int unhealthy(Plan plan, Console console) {
        List<Notice> unhealthy = plan.notices(Notice.Kind.UNHEALTHY);
        for (Notice notice : unhealthy) {
            console.error(notice.message() + ". The cluster matches the repository, so apply changes nothing; "
                    + notice.fix() + ".");
        }
        return unhealthy.isEmpty() ? ExitCode.OK : ExitCode.ERROR;
    }

    /** The one argument, when it names a saved plan rather than a connector. */
    private Path planFile() {
        if (arguments.size() != 1) {
            return null;
        }
        Path file = Path.of(arguments.get(0));
        if (!Files.isRegularFile(file)) {
            if (environment == null && arguments.get(0).endsWith(".json")) {
                throw new CccException("no plan file " + file + "; make it with 'ccc plan --env ENV -o " + file + "'.");
            }
            return null;
        }
        return file;
    }

    private void confirm(String env, Plan plan, Console console) {
        if (autoApprove) {
            return;
        }
        if (!context().terminal()) {
            throw new CccException("apply needs a 'yes' and there is no terminal to ask on; pass --auto-approve "
                    + "(in CI, after reviewing the plan). Nothing was applied.");
        }
        console.info("\nDo you want to apply these " + plan.changes().size() + " changes to " + env + "?\n"
                + "  Only 'yes' will be accepted.\n");
        String answer;
        try {
            context().err().print("  Enter a value: ");
            context().err().flush();
            answer = context().in().readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (!"yes".equals(answer == null ? null : answer.trim())) {
            throw new CccException("apply cancelled; nothing was applied.");
        }
    }
}
