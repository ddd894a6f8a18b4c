package ccc.cli;

import ccc.config.DesiredConnector;
import ccc.config.VaultReference;
import ccc.config.Workspace;
import ccc.output.Console;
import ccc.output.RenderReport;
import ccc.engine.DesiredStateResolver;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Print the final config each connector would get in an environment: the JSON merged with "
                + "its vars file and the DLQ defaults. Sensitive values are always masked.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc render --env dev",
                "  ccc render --env prod peve-azure-blob-storage-sink-connector-01 --output json",
                "  ccc render --env dev --resolve-secrets     # proves every Vault reference resolves"})
final class RenderCommand extends CommandSupport {

    @Mixin
    RootOption root;

    @Mixin
    OutputOptions output;

    @Option(names = {"-e", "--env"}, required = true, paramLabel = "ENV", description = "The environment.")
    String environment;

    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "Connector names or directory names (default: all).")
    List<String> names = new ArrayList<>();

    @Option(names = "--resolve-secrets",
            description = "Read every Vault reference, to prove it resolves; values are still printed masked.")
    boolean resolveSecrets;

    @Override
    public Integer call() {
        Console console = console(output);
        Workspace workspace = loadValid(root, environment, console);
        List<DesiredConnector> connectors = Selection.select(workspace, environment, names);
        if (resolveSecrets) {
            List<VaultReference> references = DesiredStateResolver.vaultReferences(connectors);
            if (!references.isEmpty()) {
                session(workspace, environment, false).secrets(references);
            }
            console.info("All " + references.size() + " Vault reference" + (references.size() == 1 ? "" : "s")
                    + " resolved.");
        }
        console.emit(output.format, new RenderReport(environment, connectors));
        return ExitCode.OK;
    }
}
