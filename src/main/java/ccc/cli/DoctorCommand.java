package ccc.cli;

import ccc.config.DesiredConnector;
import ccc.config.Workspace;
import ccc.engine.doctor.Doctor;
import ccc.engine.doctor.DoctorRun;
import ccc.output.Console;
import ccc.output.DoctorReport;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check every prerequisite of each connector before it matters: its Vault references, the class "
                + "and the plugin's validate call, its service account and role bindings, its topics and DLQ topic, "
                + "its Schema Registry subjects. For a failure, prints the fix (the role binding to create, as a "
                + "Confluent CLI command and a Terraform block; the topic to create; the subject to register). "
                + "Role bindings, topics and subjects are read once per environment. Exits 0 when every check "
                + "passes, 1 when one fails; a check that cannot run (no endpoint, no credentials) says so and "
                + "fails only with --strict.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc doctor --env dev",
                "  ccc doctor --env prod peve-azure-blob-storage-sink-connector-01 --strict",
                "  ccc doctor --env dev --output markdown >> \"$GITHUB_STEP_SUMMARY\"",
                "",
                "Topics are read through the environment's kafka_rest_url with a Kafka API",
                "key (KAFKA_API_KEY and KAFKA_API_SECRET, or kafka_credentials in ccc.yaml);",
                "subjects through its schema_registry_url with a Schema Registry API key",
                "(SCHEMA_REGISTRY_API_KEY and SCHEMA_REGISTRY_API_SECRET, or",
                "schema_registry_credentials in ccc.yaml)."})
final class DoctorCommand extends CommandSupport {

    @Mixin
    RootOption root;

    @Mixin
    OutputOptions output;

    @Option(names = {"-e", "--env"}, required = true, paramLabel = "ENV", description = "The environment.")
    String environment;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Check only these connectors (default: all).")
    List<String> names = new ArrayList<>();

    @Option(names = "--strict", description = "Count a check that could not run as failed.")
    boolean strict;

    @Override
    public Integer call() {
        Console console = console(output);
        Workspace workspace = loadValid(root, environment, console);
        List<DesiredConnector> connectors = Selection.select(workspace, environment, names);
        DoctorRun run = Doctor.check(environment, connectors, session(workspace, environment, false));
        console.emit(output.format, new DoctorReport(run, strict));
        return run.passes(strict) ? ExitCode.OK : ExitCode.ERROR;
    }
}
