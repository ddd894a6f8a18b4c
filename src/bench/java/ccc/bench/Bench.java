package ccc.bench;

import ccc.testing.FakeConfluentCloud;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * ccc's benchmark: the built jar (and the launcher, and optionally another jar to compare with, such
 * as main's) run as users run them, as separate processes, against a stateful fake of Confluent
 * Cloud's Connect and IAM APIs and of Vault (FakeConfluentCloud) that answers every request after
 * {@code --latency} ms (50). It measures:
 * <ul>
 *   <li>plan wall time and requests per remote for N = 1, 10, 50, 200 connectors (a cluster that
 *       matches the repository: the plan a CI job makes most often);</li>
 *   <li>apply of 50 creates and of 50 updates: wall time, requests, the most Connect requests at
 *       once, and ccc's own total, waiting for each connector as by default and with --no-wait;</li>
 *   <li>start-up of --help and of validate (the bundled example) as ratios to 'java -version' run
 *       just before, pair by pair;</li>
 *   <li>the time from the last line to the exit of an online plan;</li>
 *   <li>peak RSS of a 200-connector plan.</li>
 * </ul>
 * Every figure is the median of {@code --runs} runs (start-up: {@code --startup-runs}). It prints a
 * table and writes it to {@code --out} (target/bench/results.md).
 *
 * <p>Run: {@code ./mvnw -Pbench verify} (add {@code -Dbench.args="--baseline main.jar --runs 5"}).
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Integer> SIZES = List.of(1, 10, 50, 200);
    private static final int APPLY_SIZE = 50;

    private final Options options;
    private final FakeConfluentCloud cloud;
    private final Path work;
    private final StringBuilder report = new StringBuilder();
    private final List<String[]> verdicts = new ArrayList<>();

    /** How ccc is started: a name for the tables and the command before ccc's arguments. */
    record Variant(String name, List<String> command, Map<String, String> env) {
    }

    /** @param only the sections to run (plan, apply, startup, exit, memory), or empty for all */
    record Options(Path jar, Path launcher, Path baseline, int runs, int startupRuns, int applyRuns, long latency,
                   Path out, Path project, List<String> only) {

        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --option value, got " + args[i]);
                }
                given.put(args[i].substring(2), args[i + 1]);
            }
            Path project = Path.of(given.getOrDefault("project", ".")).toAbsolutePath().normalize();
            String baseline = given.get("baseline");
            return new Options(project.resolve(given.getOrDefault("jar", "target/ccc.jar")),
                    project.resolve(given.getOrDefault("launcher", "target/ccc")),
                    baseline == null || baseline.isBlank() ? null : Path.of(baseline).toAbsolutePath(),
                    Integer.parseInt(given.getOrDefault("runs", "5")),
                    Integer.parseInt(given.getOrDefault("startup-runs", "11")),
                    Integer.parseInt(given.getOrDefault("apply-runs", "3")),
                    Long.parseLong(given.getOrDefault("latency", "50")),
                    project.resolve(given.getOrDefault("out", "target/bench/results.md")), project,
                    given.containsKey("only") ? List.of(given.get("only").split(",")) : List.of());
        }
    }

    private Bench(Options options, FakeConfluentCloud cloud, Path work) {
        this.options = options;
        this.cloud = cloud;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        String[] given = Arrays.stream(args).filter(arg -> !arg.isBlank())
                .flatMap(arg -> Arrays.stream(arg.trim().split("\\s+"))).toArray(String[]::new);
        Options options = Options.parse(given);
        Path work = Files.createTempDirectory("ccc-bench");
        try (FakeConfluentCloud cloud = new FakeConfluentCloud()) {
            BenchRepo.seed(cloud, SIZES.get(SIZES.size() - 1));
            Bench bench = new Bench(options, cloud, work);
            bench.runAll();
        } finally {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(cloud.env(BenchRepo.API_SECRET, BenchRepo.VAULT_TOKEN));
        env.put("NO_COLOR", "1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    private List<Variant> variants() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("java -jar ccc.jar", List.of(java, "-jar", options.jar().toString()), Map.of()));
        variants.add(new Variant("launcher (ccc)", List.of(options.launcher().toString()), Map.of()));
        if (options.baseline() != null) {
            variants.add(new Variant("baseline: java -jar " + options.baseline().getFileName(),
                    List.of(java, "-jar", options.baseline().toString()), Map.of()));
        }
        return variants;
    }

    private Child.Result ccc(Variant variant, Path directory, boolean memory, String... args) throws Exception {
        List<String> command = new ArrayList<>(variant.command());
        command.addAll(List.of(args));
        Map<String, String> env = env();
        env.putAll(variant.env());
        return Child.run(command, env, directory, memory);
    }

    private void runAll() throws Exception {
        line("# ccc benchmark");
        line("");
        line("Run " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " on "
                + Machine.describe() + ". Every remote request (Connect, IAM, Vault) is answered after "
                + options.latency() + " ms by a stateful fake (FakeConfluentCloud). Figures are medians of "
                + options.runs() + " runs (apply: " + options.applyRuns() + ", start-up: " + options.startupRuns()
                + " pairs); ratios are taken pair by pair in the same run. Rows: 'java -jar ccc.jar' is the jar as"
                + " built; 'launcher (ccc)' is target/ccc (C1, Serial GC, class-data sharing archive)"
                + (options.baseline() == null ? "." : "; 'baseline' is " + options.baseline() + ", for comparison."));
        line("");
        warmUp();
        for (String section : List.of("plan", "apply", "startup", "exit", "memory")) {
            if (options.only().isEmpty() || options.only().contains(section)) {
                switch (section) {
                    case "plan" -> planScaling();
                    case "apply" -> apply();
                    case "startup" -> startUp();
                    case "exit" -> exitAfterLastLine();
                    default -> memory();
                }
            }
        }
        line("## Targets (issue 17)");
        line("");
        line("| target | measured | met |");
        line("|---|---|---|");
        verdicts.forEach(verdict -> line("| " + verdict[0] + " | " + verdict[1] + " | " + verdict[2] + " |"));
        Files.createDirectories(options.out().getParent());
        Files.writeString(options.out(), report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println("Written to " + options.out());
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    /** Caches, and the launcher's archive where it is not made yet. */
    private void warmUp() throws Exception {
        for (Variant variant : variants()) {
            for (int i = 0; i < 2; i++) {
                ccc(variant, options.project(), false, "validate", "--root", "connectors");
            }
        }
    }

    // ----------------------------------------------------------------------------------------- plan

    private Path repository(String name, int connectors, int version) throws IOException {
        Path root = work.resolve(name);
        if (!Files.isDirectory(root)) {
            BenchRepo.write(root, connectors, version);
        }
        return root;
    }

    /** The cluster made to match the repository, quickly (no latency, no settle window). */
    private void settle(Path repository) throws Exception {
        long latency = cloud.latencyMillis;
        cloud.latencyMillis = 0;
        cloud.connectors.clear();
        try {
            Child.Result apply = ccc(variants().get(0), repository, false, "apply", "--env", "dev", "--root",
                    repository.toString(), "--auto-approve", "--settle", "1ms", "--poll-interval", "20ms",
                    "--parallelism", "16");
            if (apply.exitCode() != 0) {
                throw new IllegalStateException("the cluster could not be set up:\n" + apply.describe());
            }
        } finally {
            cloud.latencyMillis = latency;
        }
    }

    /** Milliseconds from the first request to {@code remote} to its last answer, in the fake's log since cleared. */
    private double span(String remote) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (String entry : List.copyOf(cloud.answered)) {
            String[] fields = entry.split(" ");
            if (fields[0].equals(remote)) {
                long at = Long.parseLong(fields[1]);
                first = Math.min(first, at);
                last = Math.max(last, at);
            }
        }
        return first == Long.MAX_VALUE ? 0 : (last - first) / 1e6;
    }

    /** Requests to each remote since {@code from} (an index in the fake's log). */
    private Map<String, Integer> requestsSince(int from) {
        Map<String, Integer> counts = new TreeMap<>(Map.of("connect", 0, "iam", 0, "vault", 0));
        List<String> all;
        synchronized (cloud.requests) {
            all = List.copyOf(cloud.requests.subList(from, cloud.requests.size()));
        }
        for (String request : all) {
            String target = request.substring(request.indexOf(' ') + 1);
            int query = target.indexOf('?');
            counts.merge(FakeConfluentCloud.remote(query < 0 ? target : target.substring(0, query)), 1, Integer::sum);
        }
        return counts;
    }

    private void planScaling() throws Exception {
        line("## plan: wall time by number of connectors");
        line("");
        line("A cluster that matches the repository (the plan a CI job makes most often); requests and the Vault"
                + " phase are those of 'java -jar ccc.jar'. Vault paths are read a bounded number at a time"
                + " (SecretResolver.PARALLEL_READS).");
        line("");
        List<Variant> variants = variants();
        Map<String, Map<Integer, Double>> wall = new LinkedHashMap<>();
        Map<Integer, Map<String, Integer>> requests = new TreeMap<>();
        Map<Integer, List<Double>> vaultPhase = new TreeMap<>();
        for (int size : SIZES) {
            Path repository = repository("plan-" + size, size, 1);
            settle(repository);
            cloud.latencyMillis = options.latency();
            Map<String, List<Double>> times = new LinkedHashMap<>();
            for (int run = 0; run < options.runs(); run++) {
                for (Variant variant : variants) {
                    int before = cloud.requests.size();
                    cloud.answered.clear();
                    Child.Result plan = ccc(variant, repository, false, "plan", "--env", "dev", "--root",
                            repository.toString(), "--detailed-exitcode");
                    if (plan.exitCode() != 0) {
                        throw new IllegalStateException(variant.name() + ": the plan of " + size
                                + " connectors is not empty:\n" + plan.describe());
                    }
                    times.computeIfAbsent(variant.name(), v -> new ArrayList<>()).add(plan.wallMillis());
                    if (variant == variants.get(0)) {
                        requests.put(size, requestsSince(before));
                        vaultPhase.computeIfAbsent(size, k -> new ArrayList<>()).add(span("vault"));
                    }
                }
            }
            times.forEach((name, list) -> wall.computeIfAbsent(name, v -> new TreeMap<>()).put(size, median(list)));
        }
        StringBuilder header = new StringBuilder("| N | Vault paths | requests: Connect / IAM / Vault | Vault reads,"
                + " first sent to last answered |");
        StringBuilder rule = new StringBuilder("|---|---|---|---|");
        for (String name : wall.keySet()) {
            header.append(' ').append(name).append(" | / N=1 |");
            rule.append("---|---|");
        }
        line(header.toString());
        line(rule.toString());
        for (int size : SIZES) {
            Map<String, Integer> counts = requests.get(size);
            int paths = size - size / 4 + (size / 4 > 0 ? 1 : 0); // one shared by every fourth connector
            StringBuilder row = new StringBuilder("| " + size + " | " + paths
                    + " | " + counts.get("connect") + " / " + counts.get("iam") + " / " + counts.get("vault") + " | "
                    + ms(median(vaultPhase.get(size))) + " |");
            for (Map<Integer, Double> byName : wall.values()) {
                row.append(' ').append(ms(byName.get(size))).append(" | ")
                        .append(ratio(byName.get(size) / byName.get(1))).append(" |");
            }
            line(row.toString());
        }
        line("");
        for (Map.Entry<String, Map<Integer, Double>> entry : wall.entrySet()) {
            if (entry.getKey().startsWith("baseline")) {
                continue;
            }
            Map<Integer, Double> byName = entry.getValue();
            double fifty = byName.get(50) / byName.get(1);
            double twoHundred = byName.get(200) / byName.get(1);
            verdict("plan wall N=50 / N=1 <= 1.2 (" + entry.getKey() + ")", ratio(fifty), fifty <= 1.2);
            verdict("plan wall N=200 <= 2 x N=1 (" + entry.getKey() + ")", ratio(twoHundred), twoHundred <= 2.0);
        }
        compare("plan N=200", wall, 200);
    }

    // ---------------------------------------------------------------------------------------- apply

    private void apply() throws Exception {
        line("## apply of " + APPLY_SIZE + " connectors");
        line("");
        line("Wall time of the whole command (plan included), ccc's own total ('seconds' of --output json: from"
                + " the first change sent to the last connector settled), requests, and the most Connect requests"
                + " answered at once. Waiting is ccc's default: each connector must hold its declared state for"
                + " the 5 s settle window.");
        line("");
        line("| case | variant | wall | ccc total | requests: Connect / IAM / Vault | most Connect at once |");
        line("|---|---|---|---|---|---|");
        Path first = repository("apply-v1", APPLY_SIZE, 1);
        Path second = repository("apply-v2", APPLY_SIZE, 2);
        Map<String, Double> walls = new LinkedHashMap<>();
        List<Variant> variants = new ArrayList<>(variants());
        variants.removeIf(variant -> variant.name().startsWith("launcher"));
        for (String kind : List.of("creates", "updates")) {
            for (boolean wait : List.of(true, false)) {
                for (Variant variant : variants) {
                    List<Double> wall = new ArrayList<>();
                    List<Double> total = new ArrayList<>();
                    Map<String, Integer> requests = null;
                    int most = 0;
                    for (int run = 0; run < options.applyRuns(); run++) {
                        if (kind.equals("creates")) {
                            cloud.connectors.clear();
                        } else {
                            settle(first);
                        }
                        cloud.latencyMillis = options.latency();
                        cloud.resetInFlight();
                        int before = cloud.requests.size();
                        List<String> args = new ArrayList<>(List.of("apply", "--env", "dev", "--root",
                                (kind.equals("creates") ? first : second).toString(), "--auto-approve", "--output",
                                "json"));
                        if (!wait) {
                            args.add("--no-wait");
                        }
                        Child.Result apply = ccc(variant, first, false, args.toArray(String[]::new));
                        if (apply.exitCode() != 0) {
                            throw new IllegalStateException(variant.name() + " " + kind + ":\n" + apply.describe());
                        }
                        wall.add(apply.wallMillis());
                        total.add(JSON.readTree(apply.out()).path("seconds").asDouble() * 1000);
                        requests = requestsSince(before);
                        most = Math.max(most, cloud.mostInFlight("connect"));
                    }
                    String name = kind + (wait ? "" : " --no-wait");
                    walls.put(name + "|" + variant.name(), median(wall));
                    line("| " + name + " | " + variant.name() + " | " + ms(median(wall)) + " | " + ms(median(total))
                            + " | " + requests.get("connect") + " / " + requests.get("iam") + " / "
                            + requests.get("vault") + " | " + most + " |");
                }
            }
        }
        line("");
        String current = variants.get(0).name();
        for (String kind : List.of("creates", "updates")) {
            double ratio = walls.get(kind + "|" + current) / walls.get(kind + " --no-wait|" + current);
            verdict("apply of " + APPLY_SIZE + " " + kind + " <= 2 x --no-wait (" + current + ")",
                    ms(walls.get(kind + "|" + current)) + " / " + ms(walls.get(kind + " --no-wait|" + current))
                            + " = " + ratio(ratio), ratio <= 2.0);
        }
        if (options.baseline() != null) {
            String baseline = variants.get(variants.size() - 1).name();
            for (String name : List.of("creates", "updates", "creates --no-wait", "updates --no-wait")) {
                double ratio = walls.get(name + "|" + current) / walls.get(name + "|" + baseline);
                verdict("apply " + name + ": not slower than the baseline", ratio(ratio) + " of the baseline's "
                        + ms(walls.get(name + "|" + baseline)), ratio <= 1.05);
            }
        }
    }

    // ------------------------------------------------------------------------------------- start-up

    private void startUp() throws Exception {
        line("## Start-up, as a ratio to 'java -version' run just before (paired)");
        line("");
        List<Variant> variants = new ArrayList<>(variants());
        variants.add(1, new Variant("java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar ccc.jar (flags, no archive)",
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC", "-XX:-UsePerfData", "-jar", options.jar().toString()), Map.of()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        List<Double> javaVersion = new ArrayList<>();
        Map<String, String[]> commands = new LinkedHashMap<>();
        commands.put("--help", new String[] {"--help"});
        commands.put("validate", new String[] {"validate", "--root", "connectors"});
        for (int run = 0; run < options.startupRuns(); run++) {
            for (Map.Entry<String, String[]> command : commands.entrySet()) {
                for (Variant variant : variants) {
                    double reference = Child.run(List.of(java, "-version"), env(), options.project()).wallMillis();
                    javaVersion.add(reference);
                    Child.Result result = ccc(variant, options.project(), false, command.getValue());
                    if (result.exitCode() != 0) {
                        throw new IllegalStateException(variant.name() + " " + command.getKey() + ":\n"
                                + result.describe());
                    }
                    String key = command.getKey() + "|" + variant.name();
                    ratios.computeIfAbsent(key, k -> new ArrayList<>()).add(result.wallMillis() / reference);
                    times.computeIfAbsent(key, k -> new ArrayList<>()).add(result.wallMillis());
                }
            }
        }
        line("'java -version' took " + ms(median(javaVersion)) + " (median).");
        line("");
        line("| command | variant | wall | / java -version |");
        line("|---|---|---|---|");
        for (String key : ratios.keySet()) {
            String[] parts = key.split("\\|", 2);
            line("| " + parts[0] + " | " + parts[1] + " | " + ms(median(times.get(key))) + " | "
                    + ratio(median(ratios.get(key))) + " |");
        }
        line("");
        String launcher = variants().get(1).name();
        double help = median(ratios.get("--help|" + launcher));
        double validate = median(ratios.get("validate|" + launcher));
        verdict("--help <= 4 x java -version (" + launcher + ")", ratio(help), help <= 4.0);
        verdict("validate <= 6 x java -version (" + launcher + ")", ratio(validate), validate <= 6.0);
        if (options.baseline() != null) {
            String baseline = variants.get(variants.size() - 1).name();
            String plain = variants.get(0).name();
            for (String command : commands.keySet()) {
                double ratio = median(times.get(command + "|" + plain)) / median(times.get(command + "|" + baseline));
                verdict(command + " (java -jar): not slower than the baseline", ratio(ratio) + " of the baseline's",
                        ratio <= 1.05);
            }
        }
    }

    // ------------------------------------------------------------------------ exit after last line

    private void exitAfterLastLine() throws Exception {
        line("## From the last line to the exit of the process");
        line("");
        Path repository = repository("plan-10", 10, 1);
        cloud.latencyMillis = options.latency();
        line("| variant | online plan (N=10) | offline plan (N=10) |");
        line("|---|---|---|");
        for (Variant variant : variants()) {
            List<Double> online = new ArrayList<>();
            List<Double> offline = new ArrayList<>();
            for (int run = 0; run < options.runs(); run++) {
                online.add(Math.max(0, ccc(variant, repository, false, "plan", "--env", "dev", "--root",
                        repository.toString()).afterLastLineMillis()));
                offline.add(Math.max(0, ccc(variant, repository, false, "plan", "--env", "dev", "--offline",
                        "--root", repository.toString()).afterLastLineMillis()));
            }
            line("| " + variant.name() + " | " + ms(median(online)) + " | " + ms(median(offline)) + " |");
            if (!variant.name().startsWith("baseline")) {
                verdict("exit after the last line < 50 ms, online (" + variant.name() + ")", ms(median(online)),
                        median(online) < 50);
            }
        }
        line("");
    }

    // --------------------------------------------------------------------------------------- memory

    private void memory() throws Exception {
        line("## Peak RSS of a plan of 200 connectors");
        line("");
        if (!Child.canMeasureMemory()) {
            line("Not measured: /usr/bin/time (GNU time) is not installed.");
            line("");
            return;
        }
        Path repository = repository("plan-200", 200, 1);
        settle(repository);
        cloud.latencyMillis = options.latency();
        line("| variant | peak RSS |");
        line("|---|---|");
        Map<String, Double> peaks = new LinkedHashMap<>();
        for (Variant variant : variants()) {
            List<Double> rss = new ArrayList<>();
            for (int run = 0; run < Math.min(3, options.runs()); run++) {
                rss.add((double) ccc(variant, repository, true, "plan", "--env", "dev", "--root",
                        repository.toString()).maxRssKb());
            }
            peaks.put(variant.name(), median(rss));
            line("| " + variant.name() + " | " + String.format(Locale.ROOT, "%.0f MB", median(rss) / 1024) + " |");
        }
        line("");
        if (options.baseline() != null) {
            String current = variants().get(0).name();
            String baseline = variants().get(variants().size() - 1).name();
            double ratio = peaks.get(current) / peaks.get(baseline);
            verdict("peak RSS (java -jar): not more than the baseline", ratio(ratio) + " of the baseline's",
                    ratio <= 1.05);
        }
    }

    // -------------------------------------------------------------------------------------- helpers

    private void compare(String what, Map<String, Map<Integer, Double>> wall, int size) {
        if (options.baseline() == null) {
            return;
        }
        List<String> names = new ArrayList<>(wall.keySet());
        double ratio = wall.get(names.get(0)).get(size) / wall.get(names.get(names.size() - 1)).get(size);
        verdict(what + " (java -jar): not slower than the baseline", ratio(ratio) + " of the baseline's",
                ratio <= 1.05);
    }

    private void verdict(String target, String measured, boolean met) {
        verdicts.add(new String[] {target, measured, met ? "yes" : "**no**"});
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String ms(double millis) {
        return millis >= 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000)
                : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }
}
