package ccc.plan;

import static ccc.plan.PlannerTest.DIGEST;
import static ccc.plan.PlannerTest.SINK;
import static ccc.plan.PlannerTest.desired;
import static ccc.plan.PlannerTest.running;
import static ccc.plan.PlannerTest.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.config.DeclaredState;
import ccc.config.Limits;
import ccc.config.Policies;
import ccc.config.ProjectConfigLoader;
import ccc.config.SensitiveMode;
import ccc.testing.Repo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan checks the policies of ccc.yaml again, on what it would send: refusals with the policy's rule id. */
class PolicyRuleTest {

    @TempDir
    Path root;

    private Policies policies(String yaml) {
        Repo.write(root, "ccc.yaml", Repo.MINIMAL_CCC_YAML + "policies:\n" + yaml.indent(2));
        ProjectConfigLoader.Result result = ProjectConfigLoader.load(root);
        assertEquals(List.of(), result.problems());
        return result.config().policies();
    }

    private Plan plan(Policies policies, List<DesiredConnectorState> desired, List<ActualConnectorState> actual) {
        return Planner.plan("dev", desired, actual, new PlanOptions("peve-", SensitiveMode.DIGEST, Limits.DEFAULT,
                false, false, Set.of(), DIGEST, 0, Set.of(), IgnoredKeys.DEFAULT, false, false, policies));
    }

    private static final String CEILING = """
            small:
              description: dev runs small
              require: {properties: {numbers: {properties: {tasks.max: {maximum: 2}}}}}
            """;

    @Test
    void aCreateThatBreaksAPolicyIsRefusedWithItsRuleId() {
        Plan plan = plan(policies(CEILING), List.of(desired("peve-a", with(SINK, "tasks.max", "4"))), List.of());
        assertEquals(1, plan.refusals().size(), plan.refusals()::toString);
        Refusal refusal = plan.refusals().get(0);
        assertEquals("policy/small", refusal.ruleId());
        assertEquals(RuleId.POLICY, refusal.rule());
        assertEquals("peve-a", refusal.connector());
        assertEquals("peve-a does not meet policy 'small' (dev runs small): 'tasks.max' is 4, above the ceiling of 2",
                refusal.message());
        assertTrue(refusal.override().contains("exception"), refusal.override());
    }

    @Test
    void aConnectorThatMeetsItOrThatThePlanLeavesAloneIsNotRefused() {
        Policies policies = policies(CEILING);
        assertEquals(List.of(), plan(policies, List.of(desired("peve-a", SINK)), List.of()).refusals());
        Map<String, String> big = with(SINK, "tasks.max", "4");
        Plan noOp = plan(policies, List.of(desired("peve-a", big)), List.of(running("peve-a", big)));
        assertEquals(ActionType.NO_OP, noOp.actions().get(0).type());
        assertEquals(List.of(), noOp.refusals(), "a new policy does not block unrelated changes");
        Plan update = plan(policies, List.of(desired("peve-a", with(big, "flush.size", "2000"))),
                List.of(running("peve-a", big)));
        assertEquals(List.of("policy/small"), update.refusals().stream().map(Refusal::ruleId).toList());
    }

    @Test
    void aWaivedViolationOrAWarningIsANotice() {
        Plan waived = plan(policies(CEILING + """
                  exceptions:
                    - connectors: [dir-peve-a]
                      reason: load test
                      owner: jane
                """), List.of(desired("peve-a", with(SINK, "tasks.max", "4"))), List.of());
        assertEquals(List.of(), waived.refusals());
        assertEquals(List.of(Notice.Kind.POLICY_EXCEPTION), waived.notices().stream().map(Notice::kind).toList());
        assertTrue(waived.notices().get(0).message().contains("exception owned by jane: load test"),
                waived.notices().get(0).message());

        Plan warned = plan(policies(CEILING + "  severity: warning\n"),
                List.of(desired("peve-a", with(SINK, "tasks.max", "4"))), List.of());
        assertEquals(List.of(), warned.refusals());
        assertEquals(List.of(Notice.Kind.POLICY_WARNING), warned.notices().stream().map(Notice::kind).toList());
    }

    @Test
    void sensitiveValuesAreHiddenAndCccsOwnKeysAbsent() {
        Policies policies = policies("""
                no-digest-key:
                  require:
                    properties:
                      config:
                        not: {required: [ccc.sensitive.digest]}
                        properties:
                          azblob.account.key: {const: "hunter2"}
                """);
        DesiredConnectorState connector = desired("peve-a", with(SINK, SensitiveDigest.CONFIG_KEY, "x"),
                Map.of("azblob.account.key", "hunter2"), DeclaredState.RUNNING);
        Plan plan = plan(policies, List.of(connector), List.of());
        assertEquals(1, plan.refusals().size(), plan.refusals()::toString);
        String message = plan.refusals().get(0).message();
        assertTrue(message.contains("'azblob.account.key' must be 'hunter2', not '********'"), message);
        assertFalse(message.contains("ccc.sensitive.digest"), message);
    }
}
