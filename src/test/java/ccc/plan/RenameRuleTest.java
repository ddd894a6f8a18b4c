package ccc.plan;

import static ccc.plan.PlannerTest.DIGEST;
import static ccc.plan.PlannerTest.SINK;
import static ccc.plan.PlannerTest.desired;
import static ccc.plan.PlannerTest.running;
import static ccc.plan.PlannerTest.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.config.Limits;
import ccc.config.SensitiveMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rename rule as the contract states it, one named case per row: what the cluster has, what
 * the repository now declares, and which connectors take over which (none for the negatives).
 * Every row is planned twice: without --allow-offset-loss a rename is refused, naming both
 * connectors and why they move the same data; with it, the rename is carried out in one apply
 * (the old connector deleted, an existing connector that takes over replaced) and nothing else
 * changes.
 */
class RenameRuleTest {

    static final Map<String, String> CDC = Map.of("connector.class", "PostgresCdcSource",
            "database.hostname", "db.example.com", "database.port", "5432", "database.dbname", "sales",
            "table.include.list", "public.orders", "topic.prefix", "pg");
    static final Map<String, String> FILE = Map.of("connector.class",
            "org.apache.kafka.connect.file.FileStreamSourceConnector", "file", "/data/orders.txt", "topic", "orders");
    static final Map<String, String> DATAGEN = Map.of("connector.class", "DatagenSource", "kafka.topic", "gen",
            "quickstart", "ORDERS");

    /** One row: the cluster before, the repository now, and new connector → the connectors it takes over from. */
    record Case(List<ActualConnectorState> cluster, List<DesiredConnectorState> repo,
                Map<String, List<String>> takeovers, String why, boolean prune, Set<String> selected,
                Set<String> alsoDeclared, boolean inPlace) {

        static Case of() {
            return new Case(List.of(), List.of(), Map.of(), null, false, Set.of(), Set.of(), false);
        }

        /** peve-old in the cluster, peve-new in the repository instead: a rename, for the reason given. */
        static Case rename(Map<String, String> before, Map<String, String> after, String why) {
            return distinct(before, after).renames("peve-old", "peve-new").because(why);
        }

        /** peve-old in the cluster, peve-new in the repository instead: no rename, unless renames() says so. */
        static Case distinct(Map<String, String> before, Map<String, String> after) {
            return of().had("peve-old", before).wants("peve-new", after);
        }

        Case had(String name, Map<String, String> config) {
            List<ActualConnectorState> more = new ArrayList<>(cluster);
            more.add(running(name, config));
            return new Case(more, repo, takeovers, why, prune, selected, alsoDeclared, inPlace);
        }

        Case wants(String name, Map<String, String> config) {
            List<DesiredConnectorState> more = new ArrayList<>(repo);
            more.add(desired(name, config));
            return new Case(cluster, more, takeovers, why, prune, selected, alsoDeclared, inPlace);
        }

        Case renames(String from, String to) {
            Map<String, List<String>> more = new TreeMap<>(takeovers);
            more.merge(to, List.of(from), (a, b) -> Stream.concat(a.stream(), b.stream()).sorted().toList());
            return new Case(cluster, repo, more, why, prune, selected, alsoDeclared, inPlace);
        }

        Case because(String reason) {
            return new Case(cluster, repo, takeovers, reason, prune, selected, alsoDeclared, inPlace);
        }

        Case pruned() {
            return new Case(cluster, repo, takeovers, why, true, selected, alsoDeclared, inPlace);
        }

        Case limitedTo(String... names) {
            return new Case(cluster, repo, takeovers, why, prune, Set.of(names), alsoDeclared, inPlace);
        }

        Case declaredButNotSelected(String... names) {
            return new Case(cluster, repo, takeovers, why, prune, selected, Set.of(names), inPlace);
        }

        /** The connector that takes over keeps reading its own data too, so keeps its offsets: updated in place. */
        Case keepingItsOwnData() {
            return new Case(cluster, repo, takeovers, why, prune, selected, alsoDeclared, true);
        }

        Plan plan(boolean allowOffsetLoss) {
            return plan(allowOffsetLoss, false);
        }

        Plan plan(boolean allowOffsetLoss, boolean carryOffsets) {
            Set<String> declared = new HashSet<>(alsoDeclared);
            repo.forEach(connector -> declared.add(connector.name()));
            List<DesiredConnectorState> chosen = repo.stream()
                    .filter(connector -> selected.isEmpty() || selected.contains(connector.name())).toList();
            return Planner.plan("dev", chosen, cluster, new PlanOptions("peve-", SensitiveMode.DIGEST,
                    Limits.DEFAULT, allowOffsetLoss, prune, selected, DIGEST, 0, declared)
                    .carryingOffsets(carryOffsets));
        }

        boolean declares(String name) {
            return repo.stream().anyMatch(connector -> connector.name().equals(name));
        }
    }

    static final Map<String, String> JDBC = Map.of("connector.class", "io.confluent.connect.jdbc.JdbcSourceConnector",
            "connection.url", "jdbc:postgresql://DB.example.com:5432/sales?ssl=true", "table.whitelist", "orders",
            "topic.prefix", "jdbc-");
    static final Map<String, String> MONGO = Map.of("connector.class", "com.mongodb.kafka.connect.MongoSourceConnector",
            "connection.uri", "mongodb+srv://Cluster0.abc.mongodb.net/shop?retryWrites=true", "collection", "orders");
    static final Map<String, String> ATLAS = Map.of("connector.class", "MongoDbAtlasSource",
            "connection.host", "cluster0.abc.mongodb.net", "database", "SHOP", "collection", "orders",
            "topic.prefix", "mongo");
    static final Map<String, String> HTTP = Map.of("connector.class", "HttpSource",
            "url", "https://API.example.com:443/v1/orders?page=1", "kafka.topic", "http-a");
    static final Map<String, String> HTTP_V2 = Map.of("connector.class", "HttpSourceV2",
            "http.api.base.url", "https://api.example.com/v1/orders/", "kafka.topic", "http-b");
    static final Map<String, String> S3 = Map.of("connector.class", "S3Source", "s3.bucket.name", "Landing");
    static final Map<String, String> SALESFORCE = Map.of("connector.class", "SalesforceCdcSource", "kafka.topic", "sf");

    static Map<String, String> sink(String topics) {
        return with(SINK, "topics", topics);
    }

    static Map<String, String> sinkMatching(String regex) {
        return with(SINK, "topics", null, "topics.regex", regex);
    }

    static Stream<Named<Case>> cases() {
        return Stream.of(
                Named.of("sink: rename, nothing else", Case.rename(SINK, SINK, "topic orders")),
                Named.of("sink: rename + add a topic",
                        Case.rename(SINK, sink("orders,payments"), "topic orders")),
                Named.of("sink: rename + topics listed in another order",
                        Case.rename(sink("a,b"), sink("b, a"), "topic b")),
                Named.of("sink: rename + topics replaced by an equivalent topics.regex",
                        Case.rename(SINK, sinkMatching("ord.*"), "orders (matched by ord.*)")),
                Named.of("sink: rename + topics.regex replaced by a topic it matches",
                        Case.rename(sinkMatching("orders-(eu|us)"), sink("orders-eu"), "orders-eu")),
                Named.of("sink: rename, both with the same topics.regex",
                        Case.rename(sinkMatching("orders\\..*"), sinkMatching("orders\\..*"), "orders\\..*")),
                Named.of("sink: rename + change the class",
                        Case.rename(SINK, with(SINK, "connector.class", "S3_SINK"), "topic orders")),
                Named.of("sink: two connectors merged into one", Case.of()
                        .had("peve-a", sink("a")).had("peve-b", sink("b")).wants("peve-ab", sink("a,b"))
                        .renames("peve-a", "peve-ab").renames("peve-b", "peve-ab").because("topic a")),
                Named.of("sink: rename with --prune is still refused",
                        Case.rename(SINK, SINK, "topic orders").pruned()),
                Named.of("sink: rename while the plan is limited to the new name",
                        Case.rename(SINK, SINK, "topic orders").limitedTo("peve-new")),
                Named.of("sink: rename while an unrelated connector updates",
                        Case.rename(SINK, SINK, "topic orders")
                                .had("peve-b", sink("b")).wants("peve-b", with(sink("b"), "tasks.max", "2"))),
                Named.of("CDC: rename + add a table",
                        Case.rename(CDC, with(CDC, "table.include.list", "public.orders,public.customers"),
                                "table public.orders")),
                Named.of("CDC: rename + change the database host's case",
                        Case.rename(CDC, with(CDC, "database.hostname", "DB.Example.COM"), "host db.example.com")),
                Named.of("CDC: rename + a table pattern that covers the old table",
                        Case.rename(CDC, with(CDC, "table.include.list", "public\\..*"),
                                "public.orders (matched by public\\..*)")),
                Named.of("CDC: rename + no table list (every table)",
                        Case.rename(CDC, with(CDC, "table.include.list", null),
                                "host db.example.com, port 5432, database sales")),
                Named.of("database: rename + change the class from JDBC to CDC",
                        Case.rename(JDBC, with(CDC, "connector.class", "PostgresCdcSourceV2"),
                                "table orders (as public.orders)")),
                Named.of("file: rename + change the output topic",
                        Case.rename(FILE, with(FILE, "topic", "orders-v2"), "path /data/orders.txt")),
                Named.of("MongoDB: rename from a connection string to Atlas host keys",
                        Case.rename(MONGO, ATLAS, "host cluster0.abc.mongodb.net")),
                Named.of("S3: rename + bucket name case",
                        Case.rename(S3, with(S3, "s3.bucket.name", "landing"), "bucket landing")),
                Named.of("HTTP: rename + URL host case, default port, query and output topic",
                        Case.rename(HTTP, HTTP_V2, "endpoint https://api.example.com/v1/orders")),
                Named.of("Datagen: rename, same topic and quickstart",
                        Case.rename(DATAGEN, with(DATAGEN, "quickstart", "orders"), "topic gen")),
                Named.of("unknown source class: rename, same output topic",
                        Case.rename(SALESFORCE, SALESFORCE, "write to topic sf")),
                Named.of("sinks: two connectors swap names", Case.of()
                        .had("peve-x", sink("d1")).had("peve-y", sink("d2"))
                        .wants("peve-x", sink("d2")).wants("peve-y", sink("d1"))
                        .renames("peve-y", "peve-x").renames("peve-x", "peve-y").because("topic d")),
                Named.of("files: two sources swap names", Case.of()
                        .had("peve-x", with(FILE, "file", "/data/a")).had("peve-y", with(FILE, "file", "/data/b"))
                        .wants("peve-x", with(FILE, "file", "/data/b")).wants("peve-y", with(FILE, "file", "/data/a"))
                        .renames("peve-y", "peve-x").renames("peve-x", "peve-y").because("path /data/")),
                Named.of("sink: an update moves onto the data of a connector leaving the repository", Case.of()
                        .had("peve-x", sink("d1")).had("peve-y", sink("d2")).wants("peve-x", sink("d2"))
                        .renames("peve-y", "peve-x").because("topic d2")),
                Named.of("sink: an update adds the topic of a connector leaving the repository", Case.of()
                        .had("peve-x", sink("d1")).had("peve-y", sink("d2")).wants("peve-x", sink("d1,d2"))
                        .renames("peve-y", "peve-x").because("topic d2").keepingItsOwnData()),

                Named.of("not a rename: sinks on different topics", Case.distinct(SINK, sink("payments"))),
                Named.of("not a rename: a topics.regex that matches none of the old topics",
                        Case.distinct(SINK, sinkMatching("pay.*"))),
                Named.of("not a rename: file paths differ in case",
                        Case.distinct(FILE, with(FILE, "file", "/data/ORDERS.txt"))),
                Named.of("not a rename: different files, same output topic",
                        Case.distinct(FILE, with(FILE, "file", "/data/other.txt"))),
                Named.of("not a rename: same host and database, disjoint tables",
                        Case.distinct(CDC, with(CDC, "table.include.list", "public.customers"))),
                Named.of("not a rename: same tables on another database host",
                        Case.distinct(CDC, with(CDC, "database.hostname", "db2.example.com"))),
                Named.of("not a rename: Datagen with another quickstart",
                        Case.distinct(DATAGEN, with(DATAGEN, "quickstart", "USERS"))),
                Named.of("not a rename: a source and a sink on the same topic", Case.distinct(FILE, SINK)),
                Named.of("not a rename: an S3 and a GCS bucket of one name",
                        Case.distinct(S3, Map.of("connector.class", "GcsSource", "gcs.bucket.name", "Landing"))),
                Named.of("not a rename: the old connector is still declared, only not selected",
                        Case.distinct(SINK, SINK).limitedTo("peve-new").declaredButNotSelected("peve-old")),
                Named.of("not a rename: the old connector is outside the prefix", Case.of()
                        .had("other-team-sink", SINK).wants("peve-new", SINK).pruned()),
                Named.of("not a rename: an update onto a topic whose connector stays", Case.of()
                        .had("peve-x", sink("d1")).had("peve-y", sink("d2"))
                        .wants("peve-x", sink("d2")).wants("peve-y", sink("d2"))),
                Named.of("not a rename: of two sinks on one topic, one leaves and the other updates", Case.of()
                        .had("peve-x", SINK).had("peve-y", SINK).wants("peve-x", with(SINK, "tasks.max", "2"))),
                Named.of("not a rename: an update onto a topic nobody read", Case.of()
                        .had("peve-x", sink("d1")).wants("peve-x", sink("d3"))));
    }

    static Map<String, String> renamedFrom(Plan plan) {
        Map<String, String> renamed = new TreeMap<>();
        plan.actions().stream().filter(action -> action.renamedFrom() != null)
                .forEach(action -> renamed.put(action.connector(), action.renamedFrom()));
        return renamed;
    }

    static Map<String, String> expectedRenamedFrom(Case rename) {
        Map<String, String> expected = new TreeMap<>();
        rename.takeovers().forEach((to, from) -> expected.put(to, from.get(0)));
        return expected;
    }

    static Map<String, ActionType> actions(Plan plan) {
        Map<String, ActionType> types = new LinkedHashMap<>();
        for (Action action : plan.actions()) {
            assertEquals(null, types.put(action.connector(), action.type()), "two actions for " + action.connector());
        }
        return types;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void withoutTheFlagARenameIsRefusedNamingBothConnectorsAndWhy(Case rename) {
        Plan plan = rename.plan(false);
        List<Refusal> refusals = plan.refusals().stream().filter(r -> r.rule() == RuleId.RENAME).toList();
        assertEquals(rename.takeovers().keySet(), refusals.stream().map(Refusal::connector)
                .collect(Collectors.toCollection(TreeSet::new)), plan.refusals().toString());
        assertEquals(expectedRenamedFrom(rename), renamedFrom(plan));
        for (Refusal refusal : refusals) {
            assertEquals("--allow-offset-loss", refusal.override());
            assertTrue(refusal.message().contains(refusal.connector()), refusal.message());
            rename.takeovers().get(refusal.connector())
                    .forEach(old -> assertTrue(refusal.message().contains(old), refusal.message()));
            assertTrue(refusal.message().contains(rename.why()), refusal.message());
            assertTrue(refusal.message().contains("--allow-offset-loss"), refusal.message());
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void withTheFlagTheRenameIsCarriedOutInOneApply(Case rename) {
        Plan plan = rename.plan(true);
        assertTrue(plan.refusals().isEmpty(), plan.refusals().toString());
        assertEquals(expectedRenamedFrom(rename), renamedFrom(plan));
        Map<String, ActionType> actions = actions(plan);
        rename.takeovers().forEach((to, from) -> {
            boolean existing = rename.cluster().stream().anyMatch(connector -> connector.name().equals(to));
            ActionType expected = !existing ? ActionType.CREATE
                    : rename.inPlace() ? ActionType.UPDATE : ActionType.REPLACE;
            assertEquals(expected, actions.get(to), "an existing connector that moves onto other data keeps no "
                    + "offsets; one that adds data keeps its own: " + actions);
            from.stream().filter(old -> !rename.declares(old))
                    .forEach(old -> assertEquals(ActionType.DELETE, actions.get(old), "left behind: " + actions));
        });
        Set<String> involved = new HashSet<>(rename.takeovers().keySet());
        rename.takeovers().values().forEach(involved::addAll);
        Map<String, ActionType> refused = actions(rename.plan(false));
        refused.keySet().removeAll(involved);
        actions.keySet().removeAll(involved);
        assertEquals(refused, actions, "the flag changes nothing but the renames");
    }

    /**
     * Whether --carry-offsets can carry this takeover, as the contract says: one old connector
     * leaving, one new connector created in its place and nothing else taking over the old one's
     * data, and offsets the new one can read (a sink's always; a source's only within its class).
     */
    static boolean carriable(Case rename, String to) {
        List<String> from = rename.takeovers().get(to);
        if (from.size() != 1 || rename.cluster().stream().anyMatch(c -> c.name().equals(to))
                || rename.declares(from.get(0))
                || rename.takeovers().values().stream().filter(olds -> olds.contains(from.get(0))).count() > 1) {
            return false;
        }
        Map<String, String> after = rename.repo().stream().filter(c -> c.name().equals(to)).findFirst().orElseThrow()
                .config();
        Map<String, String> before = rename.cluster().stream().filter(c -> c.name().equals(from.get(0))).findFirst()
                .orElseThrow().config();
        return ccc.config.ConnectorKind.of(after) == ccc.config.ConnectorKind.SINK
                || after.get("connector.class").equalsIgnoreCase(before.get("connector.class"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void withCarryOffsetsARenameIsAMoveAndTheOldConnectorHasNoActionOfItsOwn(Case rename) {
        Plan plan = rename.plan(false, true);
        Map<String, ActionType> actions = actions(plan);
        Set<String> refused = plan.refusals().stream().filter(r -> r.rule() == RuleId.RENAME).map(Refusal::connector)
                .collect(Collectors.toCollection(TreeSet::new));
        rename.takeovers().forEach((to, from) -> {
            Action action = plan.actions().stream().filter(a -> a.connector().equals(to)).findFirst().orElseThrow();
            if (refused.contains(to)) {
                String message = plan.refusals().stream().filter(r -> r.connector().equals(to)).findFirst()
                        .orElseThrow().message();
                assertTrue(message.contains("--carry-offsets cannot carry it: "), message);
                assertTrue(action.type() != ActionType.MOVE, actions.toString());
                return;
            }
            assertEquals(ActionType.MOVE, action.type(), actions.toString());
            assertEquals(from.get(0), action.renamedFrom());
            assertEquals(false, action.completesMove());
            assertEquals(null, actions.get(from.get(0)), "the move deletes the old connector last: " + actions);
        });
        Set<String> expectRefused = rename.takeovers().keySet().stream().filter(to -> !carriable(rename, to))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expectRefused, refused, plan.refusals().toString());
        if (rename.takeovers().isEmpty()) {
            assertEquals(actions(rename.plan(false)), actions, "no rename, nothing moves");
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void withBothFlagsWhatCannotBeCarriedIsCarriedOutWithoutOffsets(Case rename) {
        Plan plan = rename.plan(true, true);
        assertTrue(plan.refusals().isEmpty(), plan.refusals().toString());
    }

    @org.junit.jupiter.api.Test
    void aMoveLeftHalfDoneIsCompletedWithTheFlagAndNotedWithoutIt() {
        Case halfDone = Case.of().had("peve-new", SINK).wants("peve-new", SINK);
        List<ActualConnectorState> cluster = new ArrayList<>(halfDone.cluster());
        cluster.add(new ActualConnectorState("peve-old", null, SINK, "PAUSED"));
        Case withOld = new Case(cluster, halfDone.repo(), Map.of(), null, false, Set.of(), Set.of(), false);
        Case withOldPruning = new Case(cluster, halfDone.repo(), Map.of(), null, true, Set.of(), Set.of(), false);

        Plan notPruning = withOld.plan(false, true);
        assertEquals(Map.of("peve-new", ActionType.NO_OP, "peve-old", ActionType.ORPHAN), actions(notPruning),
                "completing deletes peve-old, which no action names: only with --prune");
        assertTrue(notPruning.notices(Notice.Kind.UNFINISHED_MOVE).get(0).fix()
                .contains("--carry-offsets --prune peve-new"), notPruning.notices().toString());

        Plan carried = withOldPruning.plan(false, true);
        assertTrue(carried.refusals().isEmpty(), carried.refusals().toString());
        assertEquals(1, carried.actions().size(), carried.actions().toString());
        Action move = carried.actions().get(0);
        assertEquals(ActionType.MOVE, move.type());
        assertEquals("peve-old", move.renamedFrom());
        assertTrue(move.completesMove());

        Plan plain = withOld.plan(false, false);
        assertEquals(Map.of("peve-new", ActionType.NO_OP, "peve-old", ActionType.ORPHAN), actions(plain));
        assertTrue(plain.notices(Notice.Kind.UNFINISHED_MOVE).get(0).fix()
                .contains("ccc apply --env dev --carry-offsets --prune peve-new"), plain.notices().toString());

        List<ActualConnectorState> running = new ArrayList<>(halfDone.cluster());
        running.add(running("peve-old", SINK));
        Case bothRunning = new Case(running, halfDone.repo(), Map.of(), null, false, Set.of(), Set.of(), false);
        assertEquals(Map.of("peve-new", ActionType.NO_OP, "peve-old", ActionType.ORPHAN),
                actions(bothRunning.plan(false, true)), "a running old connector is not a move left half done");
    }
}
