package ccc.cli;

import ccc.config.SourceDocument;
import ccc.CccException;
import ccc.config.ConnectorKind;
import ccc.config.ConnectorNames;
import ccc.config.EnvironmentConfig;
import ccc.config.ProjectConfig;
import ccc.config.ProjectConfigLoader;
import ccc.config.Problem;
import ccc.config.TargetKind;
import ccc.output.Console;
import ccc.output.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Scaffold a connector directory: one JSON and one vars file per environment, which "
                + "validate at once. Never overwrites a file.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc new ccloud-orders-blob-sink-01 --class AzureBlobSink",
                "  ccc new ccloud-orders-datagen-01 --class DatagenSource --type source --env dev,cert",
                "  ccc new ccloud-orders-blob-sink-02 --template azure-blob-sink",
                "  ccc new --list-templates"})
final class NewCommand extends CommandSupport {

    private static final String FILE_SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";
    private static final String FILE_SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
    private static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";

    @Mixin
    RootOption root;

    @Parameters(paramLabel = "DIR", arity = "0..1",
            description = "The connector directory to create under the config root.")
    String directory;

    @Option(names = "--class", paramLabel = "CLASS",
            description = "connector.class, e.g. AzureBlobSink or DatagenSource (or use --template).")
    String connectorClass;

    @Option(names = "--template", paramLabel = "NAME",
            description = "Scaffold from the repository's template NAME (.templates/NAME under the config root), "
                    + "which meets its standards, instead of --class.")
    String template;

    @Option(names = "--list-templates", description = "List the repository's templates and exit.")
    boolean listTemplates;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "source or sink (default: guessed from the class name).")
    ConnectorKind kind;

    @Option(names = "--env", split = ",", paramLabel = "ENV",
            description = "Environments to scaffold (default: every environment of ccc.yaml).")
    List<String> environments = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME",
            description = "Connector name (default: the managed prefix + DIR without a leading 'ccloud-').")
    String name;

    @Override
    public Integer call() {
        Console console = console(null);
        if (listTemplates) {
            return new NewFromTemplate(root.root, console).list();
        }
        if (directory == null || (connectorClass == null) == (template == null)) {
            throw CccException.usage("give DIR and either --class CLASS or --template NAME (ccc new --help)");
        }
        if (!directory.matches("[a-z0-9][a-z0-9._-]*")) {
            throw CccException.usage("DIR '" + directory + "' must be a plain lower-case name (letters, digits, . _ -)");
        }
        if (template != null) {
            if (kind != null) {
                throw CccException.usage("--type goes with --class; a template's files say what the connector is");
            }
            return new NewFromTemplate(root.root, console).scaffold(template, directory, environments, name,
                    this::defaultName);
        }
        ProjectConfigLoader.Result loaded = ProjectConfigLoader.load(root.root);
        ProjectConfig project = loaded.config();
        if (project == null) {
            throw new CccException("cannot scaffold: " + loaded.problems().stream().filter(Problem::isError)
                    .map(Problem::sentence)
                    .findFirst().orElse("ccc.yaml is unusable"));
        }
        List<String> targets = environments.isEmpty() ? List.copyOf(project.environments().keySet()) : environments;
        CommandSupport.requireEnvironments(project, targets);
        // Each environment may have its own name prefix: the default name follows it there.
        Map<String, String> names = new LinkedHashMap<>();
        for (String environment : targets) {
            String prefix = project.namePrefix(environment);
            String connectorName = name != null ? name : defaultName(prefix);
            if (!project.isManaged(environment, connectorName)) {
                throw new CccException("connector name '" + connectorName + "' is outside " + environment
                        + "'s managed prefix '" + prefix + "'; pass --name " + prefix + "...");
            }
            String violation = ConnectorNames.violation(connectorName);
            if (violation != null) {
                throw CccException.usage("connector name '" + ConnectorNames.shown(connectorName) + "' " + violation
                        + "; " + ConnectorNames.RULE);
            }
            names.put(environment, connectorName);
        }
        ConnectorKind type = kind != null ? kind : ConnectorKind.of(Map.of("connector.class", connectorClass));

        Path dir = root.root.resolve(directory);
        Map<Path, String> files = new LinkedHashMap<>();
        for (String environment : targets) {
            EnvironmentConfig env = project.environments().get(environment);
            files.put(dir.resolve(environment + "-" + directory + ".json"), json(names.get(environment), type, env));
            files.put(dir.resolve(environment + "-vars.yaml"), vars(environment, directory, type, env));
        }
        List<Path> existing = files.keySet().stream().filter(Files::exists).toList();
        if (!existing.isEmpty()) {
            throw new CccException("refusing to overwrite " + existing.stream().map(Path::toString)
                    .reduce((a, b) -> a + ", " + b).orElse("") + "; remove them or choose another DIR.");
        }
        try {
            Files.createDirectories(dir);
            for (Map.Entry<Path, String> file : files.entrySet()) {
                Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new CccException("cannot write " + dir + ": " + SourceDocument.reason(e), e);
        }
        files.keySet().forEach(file -> console.println("created " + file));
        console.println("Next: fill in the vars files (every change-me and SA_CHANGE_ME: validate warns of any left), "
                + "then run 'ccc validate --root " + root.root + "'.");
        return ExitCode.OK;
    }

    private String defaultName(String prefix) {
        if (directory.startsWith(prefix)) {
            return directory;
        }
        return prefix + (directory.startsWith("ccloud-") ? directory.substring("ccloud-".length()) : directory);
    }

    /**
     * On a Kafka Connect worker, a Confluent Cloud class name (no package: AzureBlobSink) names no
     * class there: the FileStream connector that ships with Apache Kafka stands in for it.
     */
    private boolean standIn(EnvironmentConfig env) {
        return env.kind() == TargetKind.KAFKA_CONNECT && !connectorClass.contains(".");
    }

    private String json(String connectorName, ConnectorKind type, EnvironmentConfig env) {
        boolean cloud = env.kind() == TargetKind.CONFLUENT_CLOUD;
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("name", connectorName);
        ObjectNode config = root.putObject("config_nonsensitive");
        config.put("connector.class", !standIn(env) ? connectorClass
                : type == ConnectorKind.SINK ? FILE_SINK : FILE_SOURCE);
        if (cloud) {
            config.put("kafka.auth.mode", "SERVICE_ACCOUNT");
        }
        if (type == ConnectorKind.SINK) {
            config.put("topics", "${topic}");
        } else {
            config.put(cloud ? "kafka.topic" : "topic", "${topic}");
        }
        config.put("tasks.max", "1");
        if (standIn(env)) {
            config.put("file", "${file}");
            config.put("key.converter", STRING_CONVERTER);
            config.put("value.converter", STRING_CONVERTER);
            if (type == ConnectorKind.SINK) {
                config.put("errors.deadletterqueue.topic.replication.factor", "1"); // the sandbox has one broker
            }
        }
        root.putObject("config_sensitive");
        return Json.write(root) + "\n";
    }

    private String vars(String environment, String directory, ConnectorKind type, EnvironmentConfig env) {
        StringBuilder out = new StringBuilder();
        out.append("# Values for ").append(environment).append(": each key is usable as ${key} in ")
                .append(environment).append("-").append(directory).append(".json.\n");
        if (standIn(env)) {
            out.append("# ").append(type == ConnectorKind.SINK ? "FileStreamSinkConnector" : "FileStreamSourceConnector")
                    .append(", which ships with Apache Kafka, stands in for ").append(connectorClass)
                    .append(" on this Kafka Connect worker.\n");
        }
        out.append("status: RUNNING            # RUNNING or PAUSED\n");
        if (env.kind() == TargetKind.CONFLUENT_CLOUD) {
            out.append("service_account: SA_CHANGE_ME   # display name of the connector's service account\n");
        }
        out.append("topic: change-me          # the topic this ")
                .append(type == ConnectorKind.SINK ? "sink reads" : "source writes").append('\n');
        if (standIn(env)) {
            out.append("file: .ccc/sandbox/").append(directory).append(".txt   # ")
                    .append(type == ConnectorKind.SINK ? "each record becomes a line" : "each line becomes a record")
                    .append("; relative to the worker's directory (ccc sandbox: the config root's parent)\n");
        }
        return out.toString();
    }
}
