package ccc.config;

import ccc.CccException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The connector templates of a config repository: {@code .templates/NAME/} under the config root (hidden, so never
 * read as a connector), each holding
 * <ul>
 *   <li>{@code connector.json} and {@code vars.yaml}, what {@code E-DIR.json} and {@code E-vars.yaml} become;</li>
 *   <li>optionally {@code KEY.connector.json} and {@code KEY.vars.yaml}, used instead for the environment named KEY
 *       or for the environments of the target KEY ({@code kafka-connect}, {@code confluent-cloud});</li>
 *   <li>optionally {@code template.yaml} with a {@code description}, shown by {@code ccc new --list-templates}.</li>
 * </ul>
 * In their text, {@code {{name}}} is the connector name, {@code {{directory}}} the connector directory,
 * {@code {{environment}}} the environment and {@code {{name_prefix}}} its name prefix; any other {@code {{...}}}
 * is an error, and {@code ${var}} placeholders are left for the vars file as usual.
 */
public final class ConnectorTemplates {

    public static final String DIRECTORY = ".templates";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    /** A template, its description (or null) and its directory. */
    public record Info(String name, String description, Path directory) {
    }

    private ConnectorTemplates() {
    }

    /** The templates of the repository, by name; none when it has no .templates directory. */
    public static List<Info> list(Path root) {
        Path templates = root.resolve(DIRECTORY);
        if (!Files.isDirectory(templates)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(templates)) {
            List<Info> found = new ArrayList<>();
            for (Path directory : entries.filter(Files::isDirectory).sorted().toList()) {
                String name = directory.getFileName().toString();
                if (NAME.matcher(name).matches()) {
                    found.add(new Info(name, description(directory), directory));
                }
            }
            return found;
        } catch (IOException e) {
            throw new CccException("cannot list " + templates + ": " + SourceDocument.reason(e));
        }
    }

    private static String description(Path directory) {
        Path file = directory.resolve("template.yaml");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return YamlFields.string(SourceDocument.parseYaml(file).root(), "description");
        } catch (SourceDocument.Unparseable e) {
            throw new CccException(e.problem().sentence());
        }
    }

    /**
     * The files of a new connector directory from the template, by path: for each environment its connector file and
     * its vars file, placeholders filled in.
     *
     * @throws CccException when the template does not exist, lacks a file for an environment, or has a placeholder
     *     it cannot fill
     */
    public static Map<Path, String> scaffold(Path root, String template, String directory, String connectorName,
                                             ProjectConfig project, List<String> environments) {
        Info info = list(root).stream().filter(t -> t.name().equals(template)).findFirst().orElseThrow(() ->
                new CccException("no template '" + template + "' in " + root.resolve(DIRECTORY) + ". "
                        + known(root)));
        Map<Path, String> files = new LinkedHashMap<>();
        Path target = root.resolve(directory);
        for (String environment : environments) {
            EnvironmentConfig env = project.environments().get(environment);
            Map<String, String> values = Map.of("name", connectorName, "directory", directory,
                    "environment", environment, "name_prefix", project.namePrefix(environment));
            files.put(target.resolve(environment + "-" + directory + ".json"),
                    fill(pick(info, env, "connector.json"), values));
            files.put(target.resolve(environment + "-vars.yaml"), fill(pick(info, env, "vars.yaml"), values));
        }
        return files;
    }

    private static String known(Path root) {
        List<String> names = list(root).stream().map(Info::name).toList();
        return names.isEmpty() ? "Add one as " + DIRECTORY + "/NAME/ with connector.json and vars.yaml."
                : "Templates: " + String.join(", ", names) + " (ccc new --list-templates).";
    }

    /** The template's file for the environment: its own, its target's, or the default. */
    private static Path pick(Info template, EnvironmentConfig environment, String file) {
        for (String key : List.of(environment.name() + ".", environment.kind().id() + ".", "")) {
            Path candidate = template.directory().resolve(key + file);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new CccException("template '" + template.name() + "' has no " + file + " for " + environment.name()
                + ": add " + template.directory().resolve(file) + " (or " + environment.name() + "." + file + ")");
    }

    private static String fill(Path file, Map<String, String> values) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CccException("cannot read " + file + ": " + SourceDocument.reason(e));
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                long line = text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
                throw new CccException(file + ":" + line + ": unknown placeholder '" + matcher.group()
                        + "'. A template knows {{name}}, {{directory}}, {{environment}} and {{name_prefix}}; "
                        + "write ${var} for a value of the vars file.");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
