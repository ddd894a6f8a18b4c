package ccc.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.config.DeclaredState;
import ccc.config.Limits;
import ccc.config.SensitiveMode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PlannerTest {

    static final UnaryOperator<String> DIGEST = SensitiveDigest.hmac("test-key".getBytes(StandardCharsets.UTF_8));
    static final Map<String, String> SINK = Map.of("connector.class", "AzureBlobSink", "topics", "orders",
            "flush.size", "1000", "tasks.max", "1");

    static DesiredConnectorState desired(String name, Map<String, String> config) {
        return new DesiredConnectorState(name, "dir-" + name, config, Map.of(), DeclaredState.RUNNING);
    }

    static DesiredConnectorState desired(String name, Map<String, String> config, Map<String, String> secrets,
                                         DeclaredState state) {
        Map<String, String> digests = new HashMap<>();
        secrets.forEach((k, v) -> digests.put(k, SensitiveDigest.of(DIGEST, k, v)));
        return new DesiredConnectorState(name, "dir-" + name, config, digests, state);
    }

    static ActualConnectorState actual(String name, Map<String, String> config, String state) {
        return new ActualConnectorState(name, "lcc-" + name, config, state);
    }

    static ActualConnectorState running(String name, Map<String, String> config) {
        return actual(name, config, "RUNNING");
    }

    static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> copy = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                copy.remove(pairs[i]);
            } else {
                copy.put(pairs[i], pairs[i + 1]);
            }
        }
        return copy;
    }

    static PlanOptions options() {
        return options(false, false, Set.of(), SensitiveMode.DIGEST, Limits.DEFAULT);
    }

    static PlanOptions options(boolean allowOffsetLoss, boolean prune, Set<String> selected, SensitiveMode mode,
                               Limits limits) {
        return new PlanOptions("peve-", mode, limits, allowOffsetLoss, prune, selected, DIGEST, 0, Set.of());
    }

    static Plan plan(List<DesiredConnectorState> desired, List<ActualConnectorState> actual, PlanOptions options) {
        return Planner.plan("dev", desired, actual, options);
    }

    static Action only(Plan plan) {
        assertEquals(1, plan.actions().size(), plan.actions().toString());
        return plan.actions().get(0);
    }

    @Test
    void createsWhatTheClusterLacks() {
        Plan plan = plan(List.of(desired("peve-a", SINK, Map.of("key", "s3cr3t"), DeclaredState.RUNNING)), List.of(),
                options());
        Action action = only(plan);
        assertEquals(ActionType.CREATE, action.type());
        assertTrue(action.changes().contains(Change.of("flush.size", null, "1000")));
        assertTrue(action.changes().contains(Change.sensitive("key", Change.Kind.ADDED)));
        assertTrue(plan.refusals().isEmpty());
        assertTrue(plan.hasChanges());
    }

    @Test
    void identicalConfigIsNoOpDespiteServerAddedKeysAndMasks() {
        Map<String, String> returned = with(SINK, "cloud.environment", "prod", "cloud.provider", "azure",
                "kafka.endpoint", "SASL_SSL://x:9092", "kafka.region", "westeurope",
                "kafka.max.partition.validation.disable", "false", "config.internal.x", "1", "name", "peve-a",
                "key", "****************",
                SensitiveDigest.CONFIG_KEY, SensitiveDigest.encode(Map.of("key", SensitiveDigest.of(DIGEST, "key", "s3cr3t"))));
        Plan plan = plan(List.of(desired("peve-a", SINK, Map.of("key", "s3cr3t"), DeclaredState.RUNNING)),
                List.of(running("peve-a", returned)), options());
        assertEquals(ActionType.NO_OP, only(plan).type());
        assertFalse(plan.hasChanges());
    }

    @Test
    void changedValueIsAnInPlaceUpdateWithBeforeAndAfter() {
        Plan plan = plan(List.of(desired("peve-a", with(SINK, "flush.size", "2000"))),
                List.of(running("peve-a", SINK)), options());
        Action action = only(plan);
        assertEquals(ActionType.UPDATE, action.type());
        assertEquals(List.of(Change.of("flush.size", "1000", "2000")), action.changes());
    }

    @Test
    void addedAndRemovedKeysAreChanges() {
        Plan plan = plan(List.of(desired("peve-a", with(SINK, "time.interval", "HOURLY", "flush.size", null))),
                List.of(running("peve-a", SINK)), options());
        Action action = only(plan);
        assertEquals(ActionType.UPDATE, action.type());
        assertTrue(action.changes().contains(Change.of("time.interval", null, "HOURLY")));
        assertTrue(action.changes().contains(Change.of("flush.size", "1000", null)));
    }

    @Test
    void rotatedSecretIsASensitiveUpdateWithoutValues() {
        String oldDigest = SensitiveDigest.encode(Map.of("key", SensitiveDigest.of(DIGEST, "key", "old")));
        Plan plan = plan(List.of(desired("peve-a", SINK, Map.of("key", "new"), DeclaredState.RUNNING)),
                List.of(running("peve-a", with(SINK, "key", "****", SensitiveDigest.CONFIG_KEY, oldDigest))),
                options());
        Action action = only(plan);
        assertEquals(ActionType.UPDATE, action.type());
        assertEquals(List.of(Change.sensitive("key")), action.changes());
        assertNull(action.changes().get(0).before());
    }

    @Test
    void anAddedOrRemovedSensitiveKeyIsAnAdditionOrARemovalNotAChangedValue() {
        String digests = SensitiveDigest.encode(Map.of("old.key", SensitiveDigest.of(DIGEST, "old.key", "v")));
        Plan plan = plan(List.of(desired("peve-a", SINK, Map.of("new.key", "s3cr3t"), DeclaredState.RUNNING)),
                List.of(running("peve-a", with(SINK, "old.key", "****", SensitiveDigest.CONFIG_KEY, digests))),
                options());
        Action action = only(plan);
        assertEquals(ActionType.UPDATE, action.type());
        assertEquals(List.of(Change.sensitive("new.key", Change.Kind.ADDED), Change.sensitive("old.key",
                Change.Kind.REMOVED)), action.changes());
        assertTrue(action.changes().stream().allMatch(c -> c.before() == null && c.after() == null), "no values");
        for (SensitiveMode mode : SensitiveMode.values()) {
            assertEquals(action.changes(), only(plan(List.of(desired("peve-a", SINK, Map.of("new.key", "s3cr3t"),
                    DeclaredState.RUNNING)), List.of(running("peve-a", with(SINK, "old.key", "****",
                    SensitiveDigest.CONFIG_KEY, digests))), options(false, false, Set.of(), mode, Limits.DEFAULT)))
                    .changes(), "in every drift mode, " + mode);
        }
    }

    @Test
    void maskedValueWithoutDigestIsNoPhantomChangeButANotice() {
        List<DesiredConnectorState> desired =
                List.of(desired("peve-a", SINK, Map.of("key", "v"), DeclaredState.RUNNING));
        List<ActualConnectorState> actual = List.of(running("peve-a", with(SINK, "key", "********")));
        Plan digest = plan(desired, actual, options());
        assertEquals(ActionType.NO_OP, only(digest).type(), "a cluster that dropped ccc's digest must still converge");
        Notice notice = digest.notices().get(0);
        assertEquals(Notice.Kind.SECRET_DRIFT_UNVERIFIABLE, notice.kind());
        assertTrue(notice.fix().contains("--resend-secrets peve-a"), notice.fix());
        Plan resend = plan(desired, actual, new PlanOptions("peve-", SensitiveMode.DIGEST, Limits.DEFAULT, false,
                false, Set.of(), DIGEST, 0, Set.of(), IgnoredKeys.DEFAULT, true));
        assertEquals(ActionType.UPDATE, only(resend).type(), "--resend-secrets pushes the current value");
        assertEquals(List.of(Change.sensitive("key")), only(resend).changes());
        assertEquals(ActionType.NO_OP, only(plan(desired, actual,
                options(false, false, Set.of(), SensitiveMode.IGNORE, Limits.DEFAULT))).type());
        assertEquals(ActionType.UPDATE, only(plan(desired, actual,
                options(false, false, Set.of(), SensitiveMode.RESEND, Limits.DEFAULT))).type());
    }

    @Test
    void plainSecretsFromSelfManagedConnectAreComparedByDigest() {
        List<DesiredConnectorState> desired =
                List.of(desired("peve-a", SINK, Map.of("key", "v1"), DeclaredState.RUNNING));
        assertEquals(ActionType.NO_OP,
                only(plan(desired, List.of(running("peve-a", with(SINK, "key", "v1"))), options())).type());
        Action changed = only(plan(desired, List.of(running("peve-a", with(SINK, "key", "v0"))), options()));
        assertEquals(List.of(Change.sensitive("key")), changed.changes());
    }

    @Test
    void aMaskedNonSensitiveValueIsNeverADifference() {
        Plan plan = plan(List.of(desired("peve-a", with(SINK, "password.like", "x"))),
                List.of(running("peve-a", with(SINK, "password.like", "***"))), options());
        assertEquals(ActionType.NO_OP, only(plan).type());
    }

    @Test
    void declaredPausedPausesARunningConnector() {
        Plan plan = plan(List.of(desired("peve-a", SINK, Map.of(), DeclaredState.PAUSED)),
                List.of(running("peve-a", SINK)), options());
        Action action = only(plan);
        assertEquals(ActionType.PAUSE, action.type());
        assertEquals(List.of(Change.of("status", "RUNNING", "PAUSED")), action.changes());
    }

    @Test
    void declaredRunningResumesAPausedConnector() {
        Plan plan = plan(List.of(desired("peve-a", SINK)), List.of(actual("peve-a", SINK, "PAUSED")), options());
        assertEquals(ActionType.RESUME, only(plan).type());
    }

    @Test
    void declaredRunningResumesAStoppedConnector() {
        // A self-managed worker's STOPPED (KIP-875) runs nothing, like PAUSED: it is not RUNNING.
        Plan plan = plan(List.of(desired("peve-a", SINK)), List.of(actual("peve-a", SINK, "STOPPED")), options());
        Action action = only(plan);
        assertEquals(ActionType.RESUME, action.type());
        assertEquals(List.of(Change.of("status", "STOPPED", "RUNNING")), action.changes());
    }

    @Test
    void configChangeOfAStoppedConnectorCarriesTheResume() {
        Plan plan = plan(List.of(desired("peve-a", with(SINK, "flush.size", "5"))),
                List.of(actual("peve-a", SINK, "STOPPED")), options());
        Action action = only(plan);
        assertEquals(ActionType.UPDATE, action.type());
        assertTrue(action.changes().contains(Change.of("status", "STOPPED", "RUNNING")), action.changes().toString());
    }

    @Test
    void declaredPausedPausesAStoppedConnector() {
        Plan plan = plan(List.of(desired("peve-a", SINK, Map.of(), DeclaredState.PAUSED)),
                List.of(actual("peve-a", SINK, "STOPPED")), options());
        Action action = only(plan);
        assertEquals(ActionType.PAUSE, action.type());
        assertEquals(List.of(Change.of("status", "STOPPED", "PAUSED")), action.changes());
    }

    @Test
    void configChangeAndPauseTogetherIsAnUpdateCarryingTheStatus() {
        Plan plan = plan(List.of(desired("peve-a", with(SINK, "flush.size", "5"), Map.of(), DeclaredState.PAUSED)),
                List.of(running("peve-a", SINK)), options());
        Action action = only(plan);
        assertEquals(ActionType.UPDATE, action.type());
        assertTrue(action.changes().contains(Change.of("status", "RUNNING", "PAUSED")));
        assertEquals(DeclaredState.PAUSED, action.state());
    }

    @Test
    void classChangeIsAReplaceRefusedWithoutTheFlag() {
        List<DesiredConnectorState> desired = List.of(desired("peve-a", with(SINK, "connector.class", "S3_SINK")));
        List<ActualConnectorState> actual = List.of(running("peve-a", SINK));
        Plan refused = plan(desired, actual, options());
        assertEquals(ActionType.REPLACE, only(refused).type());
        assertEquals(1, refused.refusals().size());
        Refusal refusal = refused.refusals().get(0);
        assertEquals("peve-a", refusal.connector());
        assertEquals(RuleId.REPLACE, refusal.rule());
        assertEquals("--allow-offset-loss", refusal.override());
        assertTrue(refusal.message().contains("AzureBlobSink") && refusal.message().contains("S3_SINK"));

        Plan allowed = plan(desired, actual, options(true, false, Set.of(), SensitiveMode.DIGEST, Limits.DEFAULT));
        assertEquals(ActionType.REPLACE, only(allowed).type());
        assertTrue(allowed.refusals().isEmpty());
    }

    @Test
    void connectorMissingFromTheRepositoryIsAnOrphanUnlessPruned() {
        List<ActualConnectorState> actual = List.of(running("peve-gone", SINK));
        assertEquals(ActionType.ORPHAN, only(plan(List.of(), actual, options())).type());
        assertFalse(plan(List.of(), actual, options()).hasChanges());
        assertEquals(ActionType.DELETE, only(plan(List.of(), actual,
                options(false, true, Set.of(), SensitiveMode.DIGEST, Limits.DEFAULT))).type());
    }

    @Test
    void connectorsOutsideThePrefixAreNeverConsidered() {
        Plan plan = plan(List.of(), List.of(running("other-team-sink", SINK)),
                options(false, true, Set.of(), SensitiveMode.DIGEST, Limits.DEFAULT));
        assertTrue(plan.actions().isEmpty());
    }

    @Test
    void orphanPrunedWhileAnotherTeamsConnectorIsUntouched() {
        Plan plan = plan(List.of(desired("peve-a", SINK)),
                List.of(running("peve-a", SINK), running("peve-old", with(SINK, "topics", "x")),
                        running("team2-sink", with(SINK, "topics", "y"))),
                options(false, true, Set.of(), SensitiveMode.DIGEST, Limits.DEFAULT));
        assertEquals(2, plan.actions().size());
        assertTrue(plan.actions().stream().anyMatch(a -> a.connector().equals("peve-old")
                && a.type() == ActionType.DELETE));
        assertTrue(plan.actions().stream().noneMatch(a -> a.connector().equals("team2-sink")));
    }

    @Test
    void connectorLimitCountsConnectorsOutsideThePrefix() {
        Limits limits = new Limits(2, 10);
        Plan plan = Planner.plan("dev", List.of(desired("peve-a", SINK)),
                List.of(running("x-1", SINK), running("x-2", SINK)),
                new PlanOptions("peve-", SensitiveMode.DIGEST, limits, false, false, Set.of(), DIGEST, 2, Set.of()));
        assertEquals(RuleId.CONNECTOR_LIMIT, plan.refusals().get(0).rule());
        assertTrue(plan.refusals().get(0).override().contains("max_connectors_per_cluster"));
    }

    @Test
    void taskLimitIsRefused() {
        Plan plan = plan(List.of(desired("peve-a", with(SINK, "tasks.max", "11"))), List.of(), options());
        assertEquals(RuleId.TASK_LIMIT, plan.refusals().get(0).rule());
    }

    @Test
    void selectionLimitsBothSides() {
        Plan plan = plan(List.of(desired("peve-a", SINK), desired("peve-b", with(SINK, "topics", "b"))),
                List.of(running("peve-c", with(SINK, "topics", "c"))),
                options(false, false, Set.of("peve-a"), SensitiveMode.DIGEST, Limits.DEFAULT));
        assertEquals("peve-a", only(plan).connector());
    }

    @Test
    void fingerprintFollowsTheClusterAndIsKeyed() {
        List<ActualConnectorState> before = List.of(running("peve-a", SINK));
        List<ActualConnectorState> after = List.of(running("peve-a", with(SINK, "flush.size", "7")));
        String first = plan(List.of(), before, options()).fingerprint();
        assertEquals(first, plan(List.of(), before, options()).fingerprint());
        assertNotEquals(first, plan(List.of(), after, options()).fingerprint());
        String paused = plan(List.of(), List.of(actual("peve-a", SINK, "PAUSED")), options()).fingerprint();
        String stopped = plan(List.of(), List.of(actual("peve-a", SINK, "STOPPED")), options()).fingerprint();
        assertNotEquals(first, paused);
        assertNotEquals(first, stopped);
        assertNotEquals(paused, stopped);
        PlanOptions otherKey = new PlanOptions("peve-", SensitiveMode.DIGEST, Limits.DEFAULT, false, false, Set.of(),
                SensitiveDigest.hmac("other".getBytes(StandardCharsets.UTF_8)), 0, Set.of());
        assertNotEquals(first, Planner.plan("dev", List.of(), before, otherKey).fingerprint());
    }

    @Test
    void summaryCountsEveryAction() {
        Plan plan = plan(List.of(desired("peve-a", SINK), desired("peve-b", with(SINK, "topics", "b"))),
                List.of(running("peve-a", SINK), running("peve-z", with(SINK, "topics", "z"))), options());
        Map<ActionType, Integer> summary = plan.summary();
        assertEquals(1, summary.get(ActionType.NO_OP));
        assertEquals(1, summary.get(ActionType.CREATE));
        assertEquals(1, summary.get(ActionType.ORPHAN));
        assertEquals(0, summary.get(ActionType.DELETE));
    }
}
