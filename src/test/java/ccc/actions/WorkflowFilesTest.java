package ccc.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workflow and composite action under .github parses, and references only what exists:
 * inputs, secrets, matrix keys, {@code needs.<job>.outputs.*} of jobs it needs, {@code
 * steps.<id>.outputs.*} of earlier steps that write them, local actions with the inputs they declare,
 * scripts that exist with the variables they require. Every shell step and script is valid bash.
 */
class WorkflowFilesTest {

    static final Path GITHUB = Path.of(".github");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
    static final Pattern INPUT = Pattern.compile("(?<![\\w.])inputs\\.([\\w-]+)");
    static final Pattern SECRET = Pattern.compile("(?<![\\w.])secrets\\.([\\w-]+)");
    static final Pattern MATRIX = Pattern.compile("(?<![\\w.])matrix\\.([\\w-]+)");
    static final Pattern STEP_OUTPUT = Pattern.compile("(?<![\\w.])steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)");
    static final Pattern NEEDS_OUTPUT = Pattern.compile("(?<![\\w.])needs\\.([\\w-]+)\\.outputs\\.([\\w-]+)");
    static final Pattern SCRIPT = Pattern.compile("\\$GITHUB_ACTION_PATH/([\\w./-]+\\.sh)");
    static final Pattern WRITES_OUTPUT = Pattern.compile("echo \"([\\w-]+)(?:=|<<)");
    static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*):\\?}");
    static final Pattern LOCAL_ACTION = Pattern.compile("\\./(?:\\.ccc/)?\\.github/actions/([\\w-]+)");
    /** The outputs of the marketplace actions used, as their action.yml declares them. */
    static final Map<String, Set<String>> KNOWN_OUTPUTS = Map.of(
            "actions/cache", Set.of("cache-hit", "cache-primary-key", "cache-matched-key"),
            "actions/setup-java", Set.of("distribution", "path", "version", "cache-hit"),
            "actions/upload-artifact", Set.of("artifact-id", "artifact-url", "artifact-digest"),
            "actions/checkout", Set.of("ref", "commit"));

    @TempDir
    Path tmp;

    static List<Path> files(String under, String glob) throws IOException {
        try (Stream<Path> paths = Files.walk(GITHUB.resolve(under))) {
            return paths.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName()))
                    .sorted().toList();
        }
    }

    static JsonNode load(Path file) throws IOException {
        JsonNode node = YAML.readTree(file.toFile());
        assertTrue(node != null && node.isObject(), file + " is not a YAML mapping");
        return node;
    }

    static Set<String> names(JsonNode mapping) {
        Set<String> names = new TreeSet<>();
        mapping.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every string under node, with where it is. */
    static void strings(JsonNode node, String where, BiConsumer<String, String> visit) {
        if (node.isTextual()) {
            visit.accept(where, node.asText());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> strings(e.getValue(), where + "." + e.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                strings(node.get(i), where + "[" + i + "]", visit);
            }
        }
    }

    /** The expressions in node: every ${{ }} and every if: condition (an expression without the braces). */
    static List<String> expressions(JsonNode node) {
        List<String> found = new ArrayList<>();
        strings(node, "", (where, text) -> {
            if (where.endsWith(".if") && !text.contains("${{")) {
                found.add(text);
            }
            Matcher m = EXPRESSION.matcher(text);
            while (m.find()) {
                found.add(m.group(1));
            }
        });
        return found;
    }

    static Set<String> matches(Pattern pattern, String text, int group) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(group));
        }
        return found;
    }

    /** The action a {@code uses:} names: its outputs and inputs, or null for one not known here. */
    record ActionInterface(Set<String> inputs, Set<String> required, Set<String> outputs) {
    }

    static ActionInterface action(String uses) throws IOException {
        Matcher local = LOCAL_ACTION.matcher(uses);
        if (local.matches()) {
            Path file = GITHUB.resolve("actions").resolve(local.group(1)).resolve("action.yml");
            assertTrue(Files.isRegularFile(file), uses + " names no action of this repository");
            JsonNode action = load(file);
            Set<String> required = new TreeSet<>();
            action.path("inputs").fields().forEachRemaining(e -> {
                if (e.getValue().path("required").asBoolean() && !e.getValue().has("default")) {
                    required.add(e.getKey());
                }
            });
            return new ActionInterface(names(action.path("inputs")), required, names(action.path("outputs")));
        }
        String name = uses.contains("@") ? uses.substring(0, uses.indexOf('@')) : uses;
        Set<String> outputs = KNOWN_OUTPUTS.get(name);
        return outputs == null ? null : new ActionInterface(null, Set.of(), outputs);
    }

    /**
     * Checks the steps of a job or composite action in order; returns each step id's outputs.
     *
     * @param directory where the action's scripts are ($GITHUB_ACTION_PATH), or null in a workflow
     */
    static Map<String, Set<String>> checkSteps(String where, JsonNode steps, Set<String> inputs, Path directory,
                                               List<String> errors) throws IOException {
        Map<String, Set<String>> outputs = new HashMap<>();
        int index = 0;
        for (JsonNode step : steps) {
            String at = where + " step " + (step.has("id") ? step.get("id").asText() : "#" + index++);
            for (String expression : expressions(step)) {
                for (Matcher m = STEP_OUTPUT.matcher(expression); m.find(); ) {
                    if (!outputs.containsKey(m.group(1))) {
                        errors.add(at + ": steps." + m.group(1) + " is not an earlier step");
                    } else if (!outputs.get(m.group(1)).contains(m.group(2)) && !outputs.get(m.group(1)).contains("*")) {
                        errors.add(at + ": step " + m.group(1) + " has no output " + m.group(2));
                    }
                }
                matches(INPUT, expression, 1).stream().filter(i -> !inputs.contains(i))
                        .forEach(i -> errors.add(at + ": no input " + i));
            }
            Set<String> written = new HashSet<>();
            if (step.has("uses")) {
                ActionInterface used = action(step.get("uses").asText());
                if (used != null) {
                    written.addAll(used.outputs());
                    Set<String> given = names(step.path("with"));
                    if (used.inputs() != null) {
                        given.stream().filter(g -> !used.inputs().contains(g))
                                .forEach(g -> errors.add(at + ": " + step.get("uses").asText() + " has no input " + g));
                        used.required().stream().filter(r -> !given.contains(r))
                                .forEach(r -> errors.add(at + ": required input " + r + " not given"));
                    }
                } else {
                    written.add("*");
                }
            }
            if (step.has("run")) {
                String run = step.get("run").asText();
                written.addAll(matches(WRITES_OUTPUT, run, 1));
                Set<String> env = names(step.path("env"));
                for (String script : matches(SCRIPT, run, 1)) {
                    Path file = directory == null ? null : directory.resolve(script).normalize();
                    if (file == null || !Files.isRegularFile(file)) {
                        errors.add(at + ": no script " + script);
                        continue;
                    }
                    if (!Files.isExecutable(file)) {
                        errors.add(at + ": " + file + " is not executable");
                    }
                    String text = Files.readString(file);
                    written.addAll(matches(WRITES_OUTPUT, text, 1));
                    matches(REQUIRED_VARIABLE, text, 1).stream()
                            .filter(v -> !env.contains(v) && !v.startsWith("GITHUB_") && !v.startsWith("RUNNER_"))
                            .forEach(v -> errors.add(at + ": " + script + " requires " + v + ", which the step does not set"));
                }
            }
            if (step.has("id")) {
                outputs.put(step.get("id").asText(), written);
            }
        }
        return outputs;
    }

    @Test
    void everyCompositeActionParsesAndReferencesOnlyWhatExists() throws IOException {
        List<String> errors = new ArrayList<>();
        List<Path> actions = files("actions", "action.yml");
        assertEquals(Set.of("setup-ccc", "scope", "plan", "apply", "alert"),
                new HashSet<>(actions.stream().map(p -> p.getParent().getFileName().toString()).toList()));
        for (Path file : actions) {
            JsonNode action = load(file);
            for (String key : List.of("name", "description")) {
                if (!action.path(key).isTextual()) {
                    errors.add(file + ": no " + key);
                }
            }
            assertEquals("composite", action.at("/runs/using").asText(), file.toString());
            Set<String> inputs = names(action.path("inputs"));
            action.path("inputs").fields().forEachRemaining(e -> {
                if (!e.getValue().path("description").isTextual()) {
                    errors.add(file + ": input " + e.getKey() + " has no description");
                }
            });
            Map<String, Set<String>> steps = checkSteps(file.toString(), action.at("/runs/steps"), inputs,
                    file.getParent(), errors);
            action.path("outputs").fields().forEachRemaining(e -> {
                String value = e.getValue().path("value").asText();
                if (value.isEmpty()) {
                    errors.add(file + ": output " + e.getKey() + " has no value");
                }
                for (Matcher m = STEP_OUTPUT.matcher(value); m.find(); ) {
                    if (!steps.containsKey(m.group(1)) || !steps.get(m.group(1)).contains(m.group(2))) {
                        errors.add(file + ": output " + e.getKey() + " reads steps." + m.group(1) + ".outputs."
                                + m.group(2) + ", which no step writes");
                    }
                }
                matches(INPUT, value, 1).stream().filter(i -> !inputs.contains(i))
                        .forEach(i -> errors.add(file + ": output " + e.getKey() + " reads no input " + i));
            });
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void everyWorkflowParsesAndItsJobsReferenceOnlyWhatExists() throws IOException {
        List<String> errors = new ArrayList<>();
        for (Path file : files("workflows", "*.yml")) {
            JsonNode workflow = load(file);
            JsonNode on = workflow.has("on") ? workflow.get("on") : workflow.get("true");
            assertTrue(on != null, file + " has no 'on'");
            Set<String> inputs = names(on.at("/workflow_call/inputs"));
            inputs.addAll(names(on.at("/workflow_dispatch/inputs")));
            Set<String> secrets = names(on.at("/workflow_call/secrets"));
            secrets.add("GITHUB_TOKEN");
            JsonNode jobs = workflow.get("jobs");
            for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) jobs::fields) {
                String where = file + " job " + entry.getKey();
                JsonNode job = entry.getValue();
                Set<String> needs = new HashSet<>();
                if (job.path("needs").isTextual()) {
                    needs.add(job.get("needs").asText());
                } else {
                    job.path("needs").forEach(n -> needs.add(n.asText()));
                }
                needs.stream().filter(n -> !jobs.has(n)).forEach(n -> errors.add(where + ": needs no job " + n));
                Set<String> matrix = names(job.at("/strategy/matrix"));
                for (String expression : expressions(job)) {
                    for (Matcher m = NEEDS_OUTPUT.matcher(expression); m.find(); ) {
                        if (!needs.contains(m.group(1))) {
                            errors.add(where + ": reads needs." + m.group(1) + " without needing it");
                        } else if (!jobs.get(m.group(1)).path("outputs").has(m.group(2))) {
                            errors.add(where + ": job " + m.group(1) + " has no output " + m.group(2));
                        }
                    }
                    matches(SECRET, expression, 1).stream().filter(s -> !secrets.contains(s))
                            .forEach(s -> errors.add(where + ": secret " + s + " is not declared"));
                    matches(MATRIX, expression, 1).stream().filter(k -> !matrix.contains(k))
                            .forEach(k -> errors.add(where + ": no matrix key " + k));
                    matches(INPUT, expression, 1).stream().filter(i -> !inputs.contains(i))
                            .forEach(i -> errors.add(where + ": no input " + i));
                }
                Map<String, Set<String>> steps = checkSteps(where, job.path("steps"), inputs, null, errors);
                job.path("outputs").fields().forEachRemaining(e -> {
                    for (Matcher m = STEP_OUTPUT.matcher(e.getValue().asText()); m.find(); ) {
                        if (!steps.containsKey(m.group(1)) || !(steps.get(m.group(1)).contains(m.group(2))
                                || steps.get(m.group(1)).contains("*"))) {
                            errors.add(where + ": output " + e.getKey() + " reads steps." + m.group(1) + ".outputs."
                                    + m.group(2) + ", which no step writes");
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void theReusableWorkflowGivesEachEnvironmentOneApplyAtATimeInItsGithubEnvironment() throws IOException {
        JsonNode jobs = load(GITHUB.resolve("workflows/ccc.yml")).get("jobs");
        JsonNode apply = jobs.get("apply");
        assertEquals("${{ matrix.environment }}", apply.get("environment").asText());
        assertEquals("ccc-apply-${{ github.repository }}-${{ matrix.environment }}",
                apply.at("/concurrency/group").asText());
        assertFalse(apply.at("/concurrency/cancel-in-progress").asBoolean(), "an apply is never cancelled midway");
        assertEquals(1, apply.at("/strategy/max-parallel").asInt(), "environments are applied in promotion order");
        assertEquals("write", apply.at("/permissions/id-token").asText());
        assertEquals("read", apply.at("/permissions/actions").asText(), "to download the pull request's saved plan");
        assertEquals("write", jobs.get("plan").at("/permissions/pull-requests").asText());
        assertEquals("write", jobs.get("alert").at("/permissions/issues").asText());
        for (JsonNode job : jobs) {
            assertTrue(job.has("permissions"), "every job says what it may do");
            assertFalse(job.path("permissions").has("contents") && "write".equals(job.at("/permissions/contents").asText()));
        }
    }

    @Test
    void everyShellStepAndScriptIsValidBash() throws Exception {
        List<Path> scripts = new ArrayList<>(files("actions", "*.sh"));
        int n = 0;
        for (Path file : Stream.concat(files("actions", "action.yml").stream(), files("workflows", "*.yml").stream())
                .toList()) {
            List<String> runs = new ArrayList<>();
            strings(load(file), "", (where, text) -> {
                if (where.endsWith(".run")) {
                    runs.add(text);
                }
            });
            for (String run : runs) {
                Path script = tmp.resolve("run-" + n++ + ".sh");
                Files.writeString(script, EXPRESSION.matcher(run).replaceAll("EXPRESSION"));
                scripts.add(script);
            }
        }
        for (Path script : scripts) {
            Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, bash.exitValue(), script + ":\n" + output + "\n" + Files.readString(script));
        }
    }
}
