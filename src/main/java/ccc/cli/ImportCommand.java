package ccc.cli;

import ccc.engine.migration.Importer;
import ccc.output.Console;
import ccc.output.ImportReport;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Bring connectors of a self-managed Kafka Connect worker under ccc: write a connector directory "
                + "(JSON + vars) for each, for one environment. For Confluent Cloud the class is mapped to its "
                + "fully-managed name and keys renamed where they differ; keys with no fully-managed equivalent are "
                + "left out and listed. Secrets become ${vault:...} references (the Vault paths to fill are listed; "
                + "values are never written). Never overwrites a file; what it writes is validated.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc import --from http://connect.internal:8083 orders-blob-sink --env dev",
                "  ccc import --from https://connect.internal --from-user ops --from-password-env CONNECT_PASSWORD",
                "  ccc import --from http://connect.internal:8083 --env dev --service-account SA_PEVE_BLOB_01 "
                        + "--vault-path 'secret/peve/{connector}'"})
final class ImportCommand extends CommandSupport {

    @Mixin
    RootOption root;

    @Mixin
    OutputOptions output;

    @Mixin
    SourceWorkerOptions from;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Connectors of the worker to import (default: all).")
    List<String> names = new ArrayList<>();

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", defaultValue = "dev",
            description = "The environment to write files for (default: ${DEFAULT-VALUE}).")
    String environment;

    @Option(names = "--service-account", paramLabel = "NAME",
            description = "service_account for Confluent Cloud connectors (display name or sa- id; default: a "
                    + "placeholder to fill in).")
    String serviceAccount;

    @Option(names = "--vault-path", paramLabel = "PATH",
            description = "Vault KV path of each connector's secrets; {connector} is its name without the prefix, "
                    + "{env} the environment (default: secret/<prefix>/{connector}).")
    String vaultPath;

    @Override
    public Integer call() {
        Console console = console(output);
        Importer.Result result = Importer.run(root.root, from.open(context()), context().secrets(),
                new Importer.Request(from.url, names, environment, serviceAccount, vaultPath));
        console.emit(output.format, new ImportReport(result));
        return result.ok() ? ExitCode.OK : ExitCode.ERROR;
    }
}
