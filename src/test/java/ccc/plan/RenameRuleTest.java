package ccc.plan;

import static ccc.plan.PlannerTest.DIGEST;
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

    static final Map<String, String> SINK = Map.of("connector.class", "AzureBlobSink", "topics", "orders",
            "tasks.max", "1");
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
                Set<String> alsoDeclared) {

        static Case of() {
            return new Case(List.of(), List.of(), Map.of(), null, false, Set.of(), Set.of());
        }

        Case had(String name, Map<String, String> config) {
            List<ActualConnectorState> more = new ArrayList<>(cluster);
            more.add(running(name, config));
            return new Case(more, repo, takeovers, why, prune, selected, alsoDeclared);
        }

        Case wants(String name, Map<String, String> config) {
            List<DesiredConnectorState> more = new ArrayList<>(repo);
            more.add(desired(name, config));
            return new Case(cluster, more, takeovers, why, prune, selected, alsoDeclared);
        }

        Case renames(String from, String to) {
            Map<String, List<String>> more = new TreeMap<>(takeovers);
            more.merge(to, List.of(from), (a, b) -> Stream.concat(a.stream(), b.stream()).sorted().toList());
            return new Case(cluster, repo, more, why, prune, selected, alsoDeclared);
        }

        Case because(String reason) {
            return new Case(cluster, repo, takeovers, reason, prune, selected, alsoDeclared);
        }

        Case pruned() {
            return new Case(cluster, repo, takeovers, why, true, selected, alsoDeclared);
        }

        Case limitedTo(String... names) {
            return new Case(cluster, repo, takeovers, why, prune, Set.of(names), alsoDeclared);
        }

        Case declaredButNotSelected(String... names) {
            return new Case(cluster, repo, takeovers, why, prune, selected, Set.of(names));
        }

        Plan plan(boolean allowOffsetLoss) {
            Set<String> declared = new HashSet<>(alsoDeclared);
            repo.forEach(connector -> declared.add(connector.name()));
            List<DesiredConnectorState> chosen = repo.stream()
                    .filter(connector -> selected.isEmpty() || selected.contains(connector.name())).toList();
            return Planner.plan("dev", chosen, cluster, new PlanOptions("peve-", SensitiveMode.DIGEST,
                    Limits.DEFAULT, allowOffsetLoss, prune, selected, DIGEST, 0, declared));
        }

        boolean declares(String name) {
            return repo.stream().anyMatch(connector -> connector.name().equals(name));
        }
    }

    static Stream<Named<Case>> cases() {
        return Stream.of(
                Named.of("sink: rename, nothing else", Case.of()
                        .had("peve-old", SINK).wants("peve-new", SINK)
                        .renames("peve-old", "peve-new").because("topic orders")),
                Named.of("sink: rename + add a topic", Case.of()
                        .had("peve-old", SINK).wants("peve-new", with(SINK, "topics", "orders,payments"))
                        .renames("peve-old", "peve-new").because("topic orders")),
                Named.of("sink: rename + topics listed in another order", Case.of()
                        .had("peve-old", with(SINK, "topics", "a,b")).wants("peve-new", with(SINK, "topics", "b, a"))
                        .renames("peve-old", "peve-new").because("topic b")),
                Named.of("sink: rename + topics replaced by an equivalent topics.regex", Case.of()
                        .had("peve-old", SINK).wants("peve-new", with(SINK, "topics", null, "topics.regex", "ord.*"))
                        .renames("peve-old", "peve-new").because("orders (matched by ord.*)")),
                Named.of("sink: rename + topics.regex replaced by a topic it matches", Case.of()
                        .had("peve-old", with(SINK, "topics", null, "topics.regex", "orders-(eu|us)"))
                        .wants("peve-new", with(SINK, "topics", "orders-eu"))
                        .renames("peve-old", "peve-new").because("orders-eu")),
                Named.of("sink: rename, both with the same topics.regex", Case.of()
                        .had("peve-old", with(SINK, "topics", null, "topics.regex", "orders\\..*"))
                        .wants("peve-new", with(SINK, "topics", null, "topics.regex", "orders\\..*"))
                        .renames("peve-old", "peve-new").because("orders\\..*")),
                Named.of("sink: rename + change the class", Case.of()
                        .had("peve-old", SINK).wants("peve-new", with(SINK, "connector.class", "S3_SINK"))
                        .renames("peve-old", "peve-new").because("topic orders")),
                Named.of("sink: two connectors merged into one", Case.of()
                        .had("peve-a", with(SINK, "topics", "a")).had("peve-b", with(SINK, "topics", "b"))
                        .wants("peve-ab", with(SINK, "topics", "a,b"))
                        .renames("peve-a", "peve-ab").renames("peve-b", "peve-ab").because("topic a")),
                Named.of("sink: rename with --prune is still refused", Case.of()
                        .had("peve-old", SINK).wants("peve-new", SINK).pruned()
                        .renames("peve-old", "peve-new").because("topic orders")),
                Named.of("sink: rename while the plan is limited to the new name", Case.of()
                        .had("peve-old", SINK).wants("peve-new", SINK).limitedTo("peve-new")
                        .renames("peve-old", "peve-new").because("topic orders")),
                Named.of("sink: rename while an unrelated connector updates", Case.of()
                        .had("peve-old", SINK).had("peve-b", with(SINK, "topics", "b"))
                        .wants("peve-new", SINK).wants("peve-b", with(SINK, "topics", "b", "tasks.max", "2"))
                        .renames("peve-old", "peve-new").because("topic orders")),
                Named.of("CDC: rename + add a table", Case.of()
                        .had("peve-old", CDC)
                        .wants("peve-new", with(CDC, "table.include.list", "public.orders,public.customers"))
                        .renames("peve-old", "peve-new").because("table public.orders")),
                Named.of("CDC: rename + change the database host's case", Case.of()
                        .had("peve-old", CDC).wants("peve-new", with(CDC, "database.hostname", "DB.Example.COM"))
                        .renames("peve-old", "peve-new").because("host db.example.com")),
                Named.of("CDC: rename + a table pattern that covers the old table", Case.of()
                        .had("peve-old", CDC).wants("peve-new", with(CDC, "table.include.list", "public\\..*"))
                        .renames("peve-old", "peve-new").because("public.orders (matched by public\\..*)")),
                Named.of("CDC: rename + no table list (every table)", Case.of()
                        .had("peve-old", CDC).wants("peve-new", with(CDC, "table.include.list", null))
                        .renames("peve-old", "peve-new").because("host db.example.com, port 5432, database sales")),
                Named.of("database: rename + change the class from JDBC to CDC", Case.of()
                        .had("peve-old", Map.of("connector.class", "io.confluent.connect.jdbc.JdbcSourceConnector",
                                "connection.url", "jdbc:postgresql://DB.example.com:5432/sales?ssl=true",
                                "table.whitelist", "orders", "topic.prefix", "jdbc-"))
                        .wants("peve-new", with(CDC, "connector.class", "PostgresCdcSourceV2"))
                        .renames("peve-old", "peve-new").because("table orders (as public.orders)")),
                Named.of("file: rename + change the output topic", Case.of()
                        .had("peve-old", FILE).wants("peve-new", with(FILE, "topic", "orders-v2"))
                        .renames("peve-old", "peve-new").because("path /data/orders.txt")),
                Named.of("MongoDB: rename from a connection string to Atlas host keys", Case.of()
                        .had("peve-old", Map.of("connector.class", "com.mongodb.kafka.connect.MongoSourceConnector",
                                "connection.uri", "mongodb+srv://Cluster0.abc.mongodb.net/shop?retryWrites=true",
                                "collection", "orders"))
                        .wants("peve-new", Map.of("connector.class", "MongoDbAtlasSource",
                                "connection.host", "cluster0.abc.mongodb.net", "database", "SHOP", "collection", "orders",
                                "topic.prefix", "mongo"))
                        .renames("peve-old", "peve-new").because("host cluster0.abc.mongodb.net")),
                Named.of("S3: rename + bucket name case", Case.of()
                        .had("peve-old", Map.of("connector.class", "S3Source", "s3.bucket.name", "Landing"))
                        .wants("peve-new", Map.of("connector.class", "S3Source", "s3.bucket.name", "landing"))
                        .renames("peve-old", "peve-new").because("bucket landing")),
                Named.of("HTTP: rename + URL host case, default port and query", Case.of()
                        .had("peve-old", Map.of("connector.class", "HttpSource",
                                "url", "https://API.example.com:443/v1/orders?page=1", "kafka.topic", "http-a"))
                        .wants("peve-new", Map.of("connector.class", "HttpSourceV2",
                                "http.api.base.url", "https://api.example.com/v1/orders/", "kafka.topic", "http-b"))
                        .renames("peve-old", "peve-new").because("endpoint https://api.example.com/v1/orders")),
                Named.of("Datagen: rename, same topic and quickstart", Case.of()
                        .had("peve-old", DATAGEN).wants("peve-new", with(DATAGEN, "quickstart", "orders"))
                        .renames("peve-old", "peve-new").because("topic gen")),
                Named.of("unknown source class: rename, same output topic", Case.of()
                        .had("peve-old", Map.of("connector.class", "SalesforceCdcSource", "kafka.topic", "sf"))
                        .wants("peve-new", Map.of("connector.class", "SalesforceCdcSource", "kafka.topic", "sf"))
                        .renames("peve-old", "peve-new").because("write to topic sf")),
                Named.of("sinks: two connectors swap names", Case.of()
                        .had("peve-x", with(SINK, "topics", "d1")).had("peve-y", with(SINK, "topics", "d2"))
                        .wants("peve-x", with(SINK, "topics", "d2")).wants("peve-y", with(SINK, "topics", "d1"))
                        .renames("peve-y", "peve-x").renames("peve-x", "peve-y").because("topic d")),
                Named.of("files: two sources swap names", Case.of()
                        .had("peve-x", with(FILE, "file", "/data/a")).had("peve-y", with(FILE, "file", "/data/b"))
                        .wants("peve-x", with(FILE, "file", "/data/b")).wants("peve-y", with(FILE, "file", "/data/a"))
                        .renames("peve-y", "peve-x").renames("peve-x", "peve-y").because("path /data/")),
                Named.of("sink: an update moves onto the data of a connector leaving the repository", Case.of()
                        .had("peve-x", with(SINK, "topics", "d1")).had("peve-y", with(SINK, "topics", "d2"))
                        .wants("peve-x", with(SINK, "topics", "d2"))
                        .renames("peve-y", "peve-x").because("topic d2")),

                Named.of("not a rename: sinks on different topics", Case.of()
                        .had("peve-old", SINK).wants("peve-new", with(SINK, "topics", "payments"))),
                Named.of("not a rename: a topics.regex that matches none of the old topics", Case.of()
                        .had("peve-old", SINK).wants("peve-new", with(SINK, "topics", null, "topics.regex", "pay.*"))),
                Named.of("not a rename: file paths differ in case", Case.of()
                        .had("peve-old", FILE).wants("peve-new", with(FILE, "file", "/data/ORDERS.txt"))),
                Named.of("not a rename: same host and database, disjoint tables", Case.of()
                        .had("peve-old", CDC).wants("peve-new", with(CDC, "table.include.list", "public.customers"))),
                Named.of("not a rename: same tables on another database host", Case.of()
                        .had("peve-old", CDC).wants("peve-new", with(CDC, "database.hostname", "db2.example.com"))),
                Named.of("not a rename: different files, same output topic", Case.of()
                        .had("peve-old", FILE).wants("peve-new", with(FILE, "file", "/data/other.txt"))),
                Named.of("not a rename: Datagen with another quickstart", Case.of()
                        .had("peve-old", DATAGEN).wants("peve-new", with(DATAGEN, "quickstart", "USERS"))),
                Named.of("not a rename: a source and a sink on the same topic", Case.of()
                        .had("peve-old", FILE).wants("peve-new", SINK)),
                Named.of("not a rename: the old connector is still declared, only not selected", Case.of()
                        .had("peve-old", SINK).wants("peve-new", SINK)
                        .limitedTo("peve-new").declaredButNotSelected("peve-old")),
                Named.of("not a rename: the old connector is outside the prefix", Case.of()
                        .had("other-team-sink", SINK).wants("peve-new", SINK).pruned()),
                Named.of("not a rename: an update onto a topic whose connector stays", Case.of()
                        .had("peve-x", with(SINK, "topics", "d1")).had("peve-y", with(SINK, "topics", "d2"))
                        .wants("peve-x", with(SINK, "topics", "d2")).wants("peve-y", with(SINK, "topics", "d2"))),
                Named.of("not a rename: an update onto a topic nobody read", Case.of()
                        .had("peve-x", with(SINK, "topics", "d1")).wants("peve-x", with(SINK, "topics", "d3"))));
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
            assertEquals(rename.declares(to) && rename.cluster().stream().anyMatch(c -> c.name().equals(to))
                    ? ActionType.REPLACE : ActionType.CREATE, actions.get(to), "an existing connector that takes "
                    + "over other data keeps no offsets: " + actions);
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
}
