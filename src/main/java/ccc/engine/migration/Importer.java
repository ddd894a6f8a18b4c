package ccc.engine.migration;

import ccc.config.SourceDocument;
import ccc.CccException;
import ccc.client.connect.ConnectClient;
import ccc.client.connect.RemoteConnector;
import ccc.config.ConnectorNames;
import ccc.config.DesiredConnector;
import ccc.config.EnvironmentConfig;
import ccc.config.Problem;
import ccc.config.ProjectConfig;
import ccc.config.ProjectConfigLoader;
import ccc.config.TargetKind;
import ccc.config.Workspace;
import ccc.config.WorkspaceLoader;
import ccc.engine.Suggestions;
import ccc.plan.RunState;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code ccc import}: connectors running on a self-managed worker written as connector directories
 * of the repository for one environment, one JSON and one vars file each, translated for the
 * environment's kind of remote ({@link Translator}). Secrets never reach a file: their keys hold
 * Vault references, and what to fill in Vault is reported. A file that exists is never
 * overwritten (that connector is skipped and named), and what was written is validated as
 * {@code ccc validate} would.
 */
public final class Importer {

    /**
     * @param names the worker's connectors to import (empty: all)
     * @param serviceAccount the display name (or sa- id) for service_account on Confluent Cloud, or null
     * @param vaultPath where each connector's secrets go: {@code {connector}} is its name without the
     *     prefix; null for {@code secret/<prefix>/{connector}}
     */
    public record Request(String sourceUrl, List<String> names, String environment, String serviceAccount,
                          String vaultPath) {
        public Request {
            names = List.copyOf(names);
        }
    }

    /** One connector written: where from, under which name and directory, and what changed on the way. */
    public record Imported(String source, String name, String directory, String state,
                           Translator.Translation translation, List<Path> files) {
    }

    /** One connector not written, and why. */
    public record Skipped(String source, String why) {
    }

    /** Everything import did; {@code problems} are what validating the written files found. */
    public record Result(String environment, String sourceUrl, List<Imported> imported, List<Skipped> skipped,
                         List<Problem> problems) {
        public boolean ok() {
            return skipped.isEmpty() && problems.stream().noneMatch(Problem::isError);
        }
    }

    static final String SERVICE_ACCOUNT_PLACEHOLDER = "SA_CHANGE_ME";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Importer() {
    }

    public static Result run(Path root, ConnectClient worker, SecretRegistry secrets, Request request) {
        ProjectConfigLoader.Result loaded = ProjectConfigLoader.load(root);
        ProjectConfig project = loaded.config();
        if (project == null) {
            throw new CccException("cannot import: " + loaded.problems().stream().filter(Problem::isError)
                    .map(Problem::sentence).findFirst().orElse("ccc.yaml is unusable"));
        }
        EnvironmentConfig environment = project.environments().get(request.environment());
        if (environment == null) {
            throw Suggestions.unknownEnvironment(request.environment(), project.environments().keySet());
        }
        Map<String, RemoteConnector> cluster = worker.list();
        cluster.values().forEach(connector -> connector.config().forEach((key, value) -> {
            if (Translator.isSecret(key, value)) {
                secrets.register(value);
                secrets.registerKey(key);
            }
        }));
        List<String> chosen = request.names().isEmpty() ? List.copyOf(new TreeSet<>(cluster.keySet()))
                : request.names();
        for (String name : chosen) {
            if (!cluster.containsKey(name)) {
                throw new CccException("no connector named '" + name + "' on the worker at "
                        + displayUrl(request.sourceUrl()) + Suggestions.closest(name, new ArrayList<>(cluster.keySet())));
            }
        }

        String prefix = project.namePrefix(request.environment());
        Workspace existing = WorkspaceLoader.load(root, request.environment());
        Map<String, String> declared = new LinkedHashMap<>();
        for (DesiredConnector connector : existing.connectors(request.environment())) {
            declared.put(connector.name(), connector.directory());
        }
        String vaultPath = request.vaultPath() != null ? request.vaultPath()
                : "secret/" + stemOf(prefix, "").replaceAll("[-_.]+$", "") + "/{connector}";
        Translator translator = new Translator(environment.kind(), stem -> vaultPath.replace("{connector}", stem)
                .replace("{env}", request.environment()));

        List<Imported> imported = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<String> taken = new TreeSet<>();
        for (String source : chosen) {
            RemoteConnector connector = cluster.get(source);
            String stem = stemOf(source, prefix);
            String name = prefix + stem;
            String directory = "ccloud-" + stem;
            String violation = ConnectorNames.violation(name);
            if (violation != null) {
                skipped.add(new Skipped(source, "its name in the repository, '" + ConnectorNames.shown(name) + "', "
                        + violation + ": " + ConnectorNames.RULE));
                continue;
            }
            Path dir = root.resolve(directory);
            Path json = dir.resolve(request.environment() + "-" + directory + ".json");
            Path vars = dir.resolve(request.environment() + "-vars.yaml");
            List<Path> present = List.of(json, vars).stream().filter(Files::exists).toList();
            if (!present.isEmpty()) {
                skipped.add(new Skipped(source, "refusing to overwrite " + String.join(", ",
                        present.stream().map(Path::toString).toList())));
                continue;
            }
            if (declared.containsKey(name) || !taken.add(name)) {
                skipped.add(new Skipped(source, name + " is declared already in " + request.environment()
                        + (declared.containsKey(name) ? " (" + declared.get(name) + ")" : " by another imported connector")));
                continue;
            }
            Translator.Translation translation = translator.translate(stem, connector.config());
            String state = connector.state();
            try {
                Files.createDirectories(dir);
                Files.writeString(json, connectorJson(name, translation), StandardCharsets.UTF_8);
                Files.writeString(vars, varsYaml(request, environment, source, state, translation),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CccException("cannot write " + dir + ": " + SourceDocument.reason(e), e);
            }
            imported.add(new Imported(source, name, directory, state, translation, List.of(json, vars)));
        }

        List<Problem> problems = new ArrayList<>();
        if (!imported.isEmpty()) {
            Workspace after = WorkspaceLoader.load(root, request.environment());
            Set<Path> written = new TreeSet<>();
            imported.forEach(each -> each.files().forEach(file -> written.add(file.toAbsolutePath().normalize())));
            for (Problem problem : after.problems()) {
                if (problem.file() != null && written.contains(problem.file().toAbsolutePath().normalize())) {
                    problems.add(problem);
                }
            }
        }
        return new Result(request.environment(), displayUrl(request.sourceUrl()), imported, skipped, problems);
    }

    /**
     * The name in the repository without its prefix: the worker's name in lower case, characters a
     * connector name cannot hold turned into '-', and a prefix it already has dropped.
     */
    static String stemOf(String source, String prefix) {
        String stem = source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^[^a-z0-9]+", "");
        String lowerPrefix = prefix.toLowerCase(Locale.ROOT);
        if (!lowerPrefix.isEmpty() && stem.startsWith(lowerPrefix)) {
            stem = stem.substring(lowerPrefix.length()).replaceAll("^[^a-z0-9]+", "");
        }
        return stem.isEmpty() ? "connector" : stem;
    }

    /** The URL as it may be printed: no user or password in it. */
    public static String displayUrl(String url) {
        return url == null ? null : url.replaceAll("//[^/@]*@", "//").replaceAll("/+$", "");
    }

    private static String connectorJson(String name, Translator.Translation translation) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        ObjectNode plain = root.putObject("config_nonsensitive");
        translation.nonsensitive().forEach(plain::put);
        ObjectNode sensitive = root.putObject("config_sensitive");
        translation.sensitive().forEach(sensitive::put);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        try {
            return JSON.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static String varsYaml(Request request, EnvironmentConfig environment, String source, String state,
                                   Translator.Translation translation) {
        StringBuilder out = new StringBuilder();
        out.append("# Imported by 'ccc import' from ").append(displayUrl(request.sourceUrl())).append(", connector '")
                .append(source).append("' (").append(translation.originalClass()).append(").\n");
        if (!translation.secrets().isEmpty()) {
            out.append("# Before planning, put these secrets in Vault (their values are on the worker and were not "
                    + "written here):\n");
            for (Translator.Secret secret : translation.secrets()) {
                out.append("#   ").append(secret.vaultPath()).append('#').append(secret.vaultKey()).append("  <- ")
                        .append(secret.fromKey()).append(" of the worker's config\n");
            }
        }
        RunState running = RunState.of(state);
        out.append("status: ").append(running.notRunning() ? "PAUSED" : "RUNNING").append('\n');
        if (environment.kind() == TargetKind.CONFLUENT_CLOUD
                && "SERVICE_ACCOUNT".equals(translation.nonsensitive().get("kafka.auth.mode"))) {
            String account = request.serviceAccount() == null ? SERVICE_ACCOUNT_PLACEHOLDER : request.serviceAccount();
            out.append("service_account: ").append(yamlScalar(account))
                    .append(request.serviceAccount() == null ? "   # the display name of its service account" : "")
                    .append('\n');
        }
        return out.toString();
    }

    private static String yamlScalar(String value) {
        return value.matches("[A-Za-z0-9_.-]+") ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
