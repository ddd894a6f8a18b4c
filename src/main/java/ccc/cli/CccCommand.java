package ccc.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "ccc",
        mixinStandardHelpOptions = true,
        versionProvider = CccCommand.Version.class,
        description = "Confluent Cloud fully-managed connectors as code: validate, render, plan and apply "
                + "the connectors declared in a config repository.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  ccc validate --root connectors",
                "  ccc render --env dev",
                "  ccc plan --env dev --offline",
                "  ccc apply --env dev",
                "  ccc status --env prod",
                "  ccc doctor --env dev",
                "  ccc new ccloud-orders-sink-01 --class AzureBlobSink",
                "  ccc import --from http://connect.internal:8083 orders-sink --env dev",
                "  ccc migrate --from http://connect.internal:8083 orders-sink --env dev --execute",
                "",
                "Exit codes: 0 ok, 1 error, 2 plan has changes (--detailed-exitcode), 3 refused by a safety rule, "
                        + "64 usage error."})
public final class CccCommand implements Runnable {

    /**
     * Every command, in the order --help lists them. {@link Main} registers them with picocli (only the
     * one a run invokes in full: see {@link Commands}).
     */
    static final List<Class<?>> COMMANDS = List.of(
            ValidateCommand.class,
            RenderCommand.class,
            NewCommand.class,
            AffectedCommand.class,
            AlertCommand.class,
            SchemaCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            StatusCommand.class,
            DoctorCommand.class,
            PauseCommand.class,
            ResumeCommand.class,
            RestartCommand.class,
            OffsetsCommand.class,
            ImportCommand.class,
            MigrateCommand.class,
            SandboxCommand.class,
            CompletionCommand.class,
            CompleteCommand.class,
            picocli.CommandLine.HelpCommand.class);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces of unexpected failures (secrets still masked).")
    boolean debug;

    CccCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    boolean debug() {
        return debug;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CccCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ccc " + (version == null ? "dev" : version),
                    "Java ${java.version} (${java.vendor}), ${os.name} ${os.arch}"};
        }
    }
}
