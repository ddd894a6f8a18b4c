package ccc.cli;

import ccc.output.Console;
import ccc.output.Format;
import ccc.output.SandboxStatusReport;
import ccc.sandbox.Sandbox;
import ccc.sandbox.SandboxSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run a real Kafka broker and Kafka Connect worker on this machine for the 'local' environment "
                + "(ports from ccc.yaml; data and log in .ccc/sandbox beside the config root), so that plan, apply "
                + "and the runbook can be tried with no cloud account.",
        subcommands = {SandboxCommand.Up.class, SandboxCommand.Down.class, SandboxCommand.Status.class},
        footerHeading = "%nExamples:%n",
        footer = {"  ccc sandbox up && ccc apply --env local --auto-approve && ccc status --env local",
                "  ccc sandbox status",
                "  ccc sandbox down"})
final class SandboxCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: up, down or status");
    }

    /** What the three verbs share: --root, and the sandbox of that config repository. */
    abstract static class Verb extends CommandSupport {
        @Mixin
        RootOption root;

        @Override
        public final Integer call() {
            return run(console(output()), new Sandbox(SandboxSettings.load(root.root, context().env())));
        }

        abstract int run(Console console, Sandbox sandbox);

        static void warnOf(Console console, String note) {
            if (note != null) {
                console.warn(note);
            }
        }

        /** --output, for the verbs that have it. */
        OutputOptions output() {
            return null;
        }

        /** --root as the user would type it again, or nothing for the default. */
        String rootArgument() {
            return root.root.equals(Path.of("connectors")) ? "" : " --root " + root.root;
        }

        /** A path relative to the working directory when it lies below it. */
        static String shown(Path path) {
            Path cwd = Path.of("").toAbsolutePath();
            boolean below = cwd.getParent() != null && path.startsWith(cwd) && !path.equals(cwd);
            return below ? cwd.relativize(path).toString() : path.toString();
        }

        static String seconds(Duration duration) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start the sandbox and wait until the worker answers and the topics of the 'local' "
                    + "connectors exist. Does nothing if it already runs.",
            footerHeading = "%nExamples:%n",
            footer = {"  ccc sandbox up", "  ccc sandbox up --root connectors --timeout 5m"})
    static final class Up extends Verb {

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
                description = "How long to wait for the sandbox to be ready (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        int run(Console console, Sandbox sandbox) {
            SandboxSettings settings = sandbox.settings();
            Sandbox.Started started;
            ProgressLine progress = new ProgressLine(context());
            try {
                started = sandbox.up(timeout, progress);
            } finally {
                progress.clear();
            }
            warnOf(console, started.note());
            console.println((started.wasRunning() ? "The sandbox is already running" : "Sandbox ready in "
                    + seconds(started.took())) + ": a Kafka broker and a Kafka Connect worker (pid " + started.pid()
                    + ").");
            console.println("  Kafka Connect  " + settings.connectUrl() + "   (environment '"
                    + SandboxSettings.ENVIRONMENT + "')");
            console.println("  Kafka broker   " + settings.kafkaBootstrap());
            if (!settings.topics().isEmpty()) {
                console.println("  topics         " + String.join(", ", settings.topics()));
            }
            console.println("  log            " + shown(sandbox.log()));
            console.println("  data           " + shown(sandbox.data()));
            console.println("Next: ccc apply --env " + SandboxSettings.ENVIRONMENT + " --auto-approve" + rootArgument());
            console.println("Stop: ccc sandbox down" + rootArgument());
            return ExitCode.OK;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Stop the sandbox that 'up' started (the process in its pid file, nothing else). Its data "
                    + "stays in .ccc/sandbox for the next 'up'; delete that directory to start afresh.",
            footerHeading = "%nExamples:%n",
            footer = {"  ccc sandbox down"})
    static final class Down extends Verb {

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1m", converter = DurationConverter.class,
                description = "How long to let it stop cleanly before killing it (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        int run(Console console, Sandbox sandbox) {
            Sandbox.Stopped stopped = sandbox.down(timeout);
            warnOf(console, stopped.note());
            if (stopped.pid() == 0) {
                console.println("No sandbox is running.");
            } else {
                console.println("Stopped the sandbox (pid " + stopped.pid() + ") in " + seconds(stopped.took())
                        + (stopped.forced() ? ", killed after it ignored the stop for " + timeout.toSeconds() + " s"
                        : "") + ". Its data stays in " + shown(sandbox.settings().home()) + ".");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Say whether the sandbox runs, whether its worker answers and its broker listens. Exits 0 "
                    + "when it runs and answers, 1 otherwise.",
            footerHeading = "%nExamples:%n",
            footer = {"  ccc sandbox status", "  ccc sandbox status --output json"})
    static final class Status extends Verb {

        @Mixin
        OutputOptions output;

        @Override
        OutputOptions output() {
            return output;
        }

        @Override
        int run(Console console, Sandbox sandbox) {
            Sandbox.Status status = sandbox.status();
            warnOf(console, status.note());
            SandboxStatusReport report = new SandboxStatusReport(status.pid(), status.since(), status.phase(),
                    status.connectUrl(), status.connectors(), status.kafkaPort(), status.brokerListening(),
                    output.format == Format.JSON ? sandbox.log().toString() : shown(sandbox.log()),
                    "ccc sandbox up" + rootArgument());
            console.emit(output.format, report);
            return report.healthy() ? ExitCode.OK : ExitCode.ERROR;
        }
    }

    /**
     * The line 'up' shows while it waits: rewritten in place on a terminal, one line per step
     * elsewhere (CI logs).
     */
    private static final class ProgressLine implements Sandbox.Progress {
        private final PrintWriter err;
        private final boolean terminal;
        private String lastPhase;
        private boolean drawn;

        ProgressLine(CliContext context) {
            this.err = context.err();
            this.terminal = context.terminal();
        }

        @Override
        public void waiting(String phase, Duration elapsed) {
            if (terminal) {
                err.print("\r\u001b[KStarting the sandbox: " + phase + "… " + elapsed.toSeconds() + " s");
                drawn = true;
            } else if (!phase.equals(lastPhase)) {
                err.println("sandbox: " + phase + "…");
            }
            lastPhase = phase;
            err.flush();
        }

        void clear() {
            if (drawn) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }
}
