package ccc.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ccc.testing.FakeConfluentCloud;
import ccc.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell steps of the composite actions, run as a job would run them: the real scripts, the real
 * ccc (this build's classes, started as a separate process), Confluent Cloud and Vault faked by
 * {@link FakeConfluentCloud}, and GitHub's CLI and curl replaced by recording fakes that answer from
 * canned API responses (applying the scripts' own --jq filters with jq).
 */
class ActionScriptsTest {

    static final String ACCOUNT_KEY = "canary-account-key-Hq81Zu";
    static final String API_SECRET = "canary-api-secret-Mw27Rt";
    static final String VAULT_TOKEN = "canary-vault-token-Ld55Kc";
    static final Path ACTIONS = Path.of(".github/actions").toAbsolutePath();

    @TempDir
    Path workspace;
    Path gh;
    Path out;
    FakeConfluentCloud cloud;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(onPath("jq"), "the fake gh applies the scripts' --jq filters with jq");
        cloud = new FakeConfluentCloud();
        cloud.passwordKeys.add("azblob.account.key");
        cloud.serviceAccounts.put("SA_BLOB", "sa-blob01");
        cloud.vaultSecrets.put("peve/blob", Map.of("account_key", ACCOUNT_KEY));
        Path bin = Files.createDirectories(workspace.resolve(".bin"));
        executable(bin.resolve("ccc"), "#!/usr/bin/env bash\nexec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                + System.getProperty("java.class.path") + "' ccc.cli.Main \"$@\"\n");
        for (String fake : List.of("gh", "curl")) {
            executable(bin.resolve(fake), new String(ActionScriptsTest.class.getResourceAsStream("/github/" + fake)
                    .readAllBytes(), StandardCharsets.UTF_8));
        }
        gh = Files.createDirectories(workspace.resolve(".gh"));
        out = workspace.resolve(".out");
        env = new HashMap<>(cloud.env(API_SECRET, VAULT_TOKEN));
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("FAKE_GH_DIR", gh.toString());
        env.putAll(Repo.githubJob(workspace));
        env.put("GITHUB_SHA", "merge0000000000000000000000000000000000");
        env.put("GITHUB_OUTPUT", workspace.resolve(".github_output").toString());
        env.put("GITHUB_STEP_SUMMARY", workspace.resolve(".step_summary").toString());
        env.put("CCC_ENV", "dev");
        env.put("CCC_ROOT", "connectors");
        env.put("CCC_OUT", out.toString());
        env.put("NO_COLOR", "1");
        Repo.write(workspace, "connectors/ccc.yaml", Repo.VAULT_TOKEN_CCC_YAML);
        sink("1000");
    }

    @AfterEach
    void tearDown() {
        if (cloud != null) {
            cloud.close();
        }
    }

    void sink(String flushSize) {
        Repo.connector(workspace.resolve("connectors"), "dev", "ccloud-blob-01", """
                {"name": "peve-blob-01",
                 "config_nonsensitive": {"connector.class": "AzureBlobSink", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "topics": "orders", "flush.size": "${flush}", "tasks.max": "1"},
                 "config_sensitive": {"azblob.account.key": "${vault:secret/peve/blob#account_key}"}}
                """, "service_account: SA_BLOB\nflush: " + flushSize + "\n");
    }

    static boolean onPath(String command) {
        try {
            return new ProcessBuilder("bash", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    record Run(int exitCode, String output) {
    }

    /** Runs an action's script in the workspace, as its step would, with extra variables. */
    Run script(String script, String... variables) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ACTIONS.resolve(script).toString())
                .directory(workspace.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        for (int i = 0; i < variables.length; i += 2) {
            builder.environment().put(variables[i], variables[i + 1]);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), script + " did not end");
        for (String canary : List.of(ACCOUNT_KEY, API_SECRET, VAULT_TOKEN)) {
            assertFalse(output.contains(canary), "a secret reached the log of " + script + ":\n" + output);
        }
        return new Run(process.exitValue(), output);
    }

    String calls() throws IOException {
        Path log = gh.resolve("calls.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    String outputs() throws IOException {
        return Files.readString(Path.of(env.get("GITHUB_OUTPUT")));
    }

    void answer(String name, String json) throws IOException {
        Repo.write(gh, name, json);
    }

    /** The cluster as the repository says, set up in-process (a process per ccc run is what takes time here). */
    void apply() {
        ccc.testing.Cli.Result apply = ccc.testing.Cli.run(env, "", "apply", "--env", "dev", "--auto-approve",
                "--root", workspace.resolve("connectors").toString(), "--poll-interval", "10ms");
        assertEquals(0, apply.exitCode(), apply::toString);
    }

    @Test
    void thePlanStepWritesTheSavedPlanTheFullPlanAndTheCommentAndTheCommentStepUpdatesTheBotsOwn() throws Exception {
        apply();
        sink("2000");
        Run plan = script("plan/plan.sh");
        assertEquals(0, plan.exitCode(), plan.output());
        assertTrue(outputs().contains("exit-code=2\n"), outputs());
        assertTrue(Files.isRegularFile(out.resolve("dev.plan.json")));
        assertTrue(plan.output().contains("+ flush.size = 2000"), "the full plan is in the log: " + plan.output());
        String comment = Files.readString(out.resolve("comment.md"));
        assertTrue(comment.startsWith("<!-- ccc-plan:dev -->\n"));
        assertEquals(comment, Files.readString(Path.of(env.get("GITHUB_STEP_SUMMARY"))), "the job summary is the comment");

        answer("api/repos_bank_peve-connectors_issues_12_comments.json", """
                [{"id": 5, "user": {"login": "mallory", "type": "User"}, "body": "<!-- ccc-plan:dev -->\\nnot ours"},
                 {"id": 98, "user": {"login": "github-actions[bot]", "type": "Bot"}, "body": "<!-- ccc-plan:prod -->\\n"},
                 {"id": 99, "user": {"login": "github-actions[bot]", "type": "Bot"}, "body": "<!-- ccc-plan:dev -->\\nold"}]
                """);
        Run update = script("plan/comment.sh", "CCC_PR", "12", "CCC_BODY", out.resolve("comment.md").toString());
        assertEquals(0, update.exitCode(), update.output() + calls());
        assertEquals("PATCH repos/bank/peve-connectors/issues/comments/99\n", Files.readString(gh.resolve("posted-0.target")));
        assertEquals(comment, Files.readString(gh.resolve("posted-0.md")));

        answer("api/repos_bank_peve-connectors_issues_12_comments.json", "[]");
        Run first = script("plan/comment.sh", "CCC_PR", "12", "CCC_BODY", out.resolve("comment.md").toString());
        assertEquals(0, first.exitCode(), first.output());
        assertEquals("POST repos/bank/peve-connectors/issues/12/comments\n", Files.readString(gh.resolve("posted-1.target")));

        Run refused = script("plan/verdict.sh", "CCC_EXIT_CODE", "3");
        assertEquals(3, refused.exitCode());
        assertTrue(refused.output().startsWith("::error title=ccc plan dev::refused by a safety rule"));
        assertEquals(0, script("plan/verdict.sh", "CCC_EXIT_CODE", "2").exitCode());
    }

    @Test
    void applyCarriesOutTheReviewedPlanAndFallsBackToAFreshOneWhenTheClusterMoved() throws Exception {
        apply();
        sink("2000");
        assertEquals(0, script("plan/plan.sh").exitCode());
        Path artifact = gh.resolve("artifacts/555/ccc-plan-dev");
        Repo.copyTree(out, artifact);
        Files.delete(Path.of(env.get("GITHUB_OUTPUT")));
        answer("api/repos_bank_peve-connectors_commits_merge0000000000000000000000000000000000_pulls.json", """
                [{"number": 12, "merged_at": "2026-05-01T10:00:00Z", "head": {"sha": "head111"}}]
                """);
        answer("api/repos_bank_peve-connectors_actions_artifacts_name_ccc-plan-dev_per_page_100.json", """
                {"artifacts": [
                  {"expired": false, "created_at": "2026-05-01T09:00:00Z", "workflow_run": {"id": 554, "head_sha": "head000"}},
                  {"expired": false, "created_at": "2026-05-01T09:30:00Z", "workflow_run": {"id": 555, "head_sha": "head111"}},
                  {"expired": true, "created_at": "2026-05-01T09:45:00Z", "workflow_run": {"id": 556, "head_sha": "head111"}}]}
                """);
        Run reviewed = script("apply/apply.sh");
        assertEquals(0, reviewed.exitCode(), reviewed.output() + calls());
        assertTrue(outputs().contains("reviewed=true\n"), reviewed.output());
        assertTrue(calls().contains("gh run download 555 --repo bank/peve-connectors --name ccc-plan-dev --dir "));
        assertEquals("2000", cloud.connectors.get("peve-blob-01").config.get("flush.size"));
        assertTrue(Files.readString(Path.of(env.get("GITHUB_STEP_SUMMARY"))).contains("succeeded"),
                "the outcome is the job summary");

        Files.delete(Path.of(env.get("GITHUB_OUTPUT")));
        sink("3000");
        assertEquals(0, script("plan/plan.sh").exitCode());
        Files.copy(out.resolve("dev.plan.json"), artifact.resolve("dev.plan.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        cloud.connectors.get("peve-blob-01").config.put("flush.size", "2500");
        Files.delete(Path.of(env.get("GITHUB_OUTPUT")));
        Run fresh = script("apply/apply.sh");
        assertEquals(0, fresh.exitCode(), fresh.output());
        assertTrue(fresh.output().contains("the cluster changed since the plan was made"), fresh.output());
        assertTrue(fresh.output().contains("::notice title=ccc apply dev::the reviewed plan was refused"), fresh.output());
        assertTrue(outputs().contains("reviewed=false\n"), outputs());
        assertEquals("3000", cloud.connectors.get("peve-blob-01").config.get("flush.size"));
    }

    @Test
    void alertOpensOneIssueUpdatesItWithoutRepeatingTheWebhookAndClosesItOnceHealthy() throws Exception {
        apply();
        cloud.connectors.get("peve-blob-01").taskStates.set(0, "FAILED");
        cloud.connectors.get("peve-blob-01").taskTraces.set(0, "org.apache.kafka.connect.errors.ConnectException: "
                + "container unreachable with key " + ACCOUNT_KEY);
        answer("issue-list.json", """
                [{"number": 3, "body": "<!-- ccc-alert:prod -->\\nanother environment's"}]
                """);
        String[] alert = {"CCC_LABEL", "ccc-alert", "CCC_WEBHOOK_URL", "https://hooks.example/T0/B0"};
        Run opened = script("alert/alert.sh", alert);
        assertEquals(0, opened.exitCode(), opened.output() + calls());
        assertTrue(calls().contains("gh label create ccc-alert"), calls());
        assertEquals("ccc: dev needs attention: 1 connector not running\n",
                Files.readString(gh.resolve("issue-created-title.txt")));
        String body = Files.readString(gh.resolve("issue-created.md"));
        assertTrue(body.startsWith("<!-- ccc-alert:dev -->\n"), body);
        assertFalse(body.contains(ACCOUNT_KEY), body);
        assertTrue(Files.readString(gh.resolve("webhook-posted.json")).contains("peve-blob-01 RUNNING, but task 0 is FAILED"));
        assertTrue(calls().contains("curl --fail --silent --show-error --retry 3 --max-time 30 -X POST"));
        assertTrue(outputs().contains("healthy=false\nissue=7\n"), outputs());

        Files.delete(gh.resolve("webhook-posted.json"));
        answer("issue-list.json", """
                [{"number": 3, "body": "<!-- ccc-alert:prod -->\\n"}, {"number": 7, "body": %s}]
                """.formatted(ccc.output.Json.MAPPER.writeValueAsString(body)));
        answer("issue-view.json", ccc.output.Json.MAPPER.writeValueAsString(Map.of("body", body)));
        Run again = script("alert/alert.sh", alert);
        assertEquals(0, again.exitCode(), again.output() + calls());
        assertTrue(calls().contains("gh issue edit 7 --repo bank/peve-connectors --title ccc: dev needs attention"));
        assertFalse(Files.exists(gh.resolve("webhook-posted.json")), "the open issue already says it: "
                + again.output() + Files.readString(out.resolve("previous.md")) + "\n---\n"
                + Files.readString(gh.resolve("issue-edited.md")));

        cloud.connectors.get("peve-blob-01").taskStates.set(0, "RUNNING");
        Run healthy = script("alert/alert.sh", alert);
        assertEquals(0, healthy.exitCode(), healthy.output());
        assertTrue(Files.readString(gh.resolve("issue-comment.md")).contains("is healthy again"));
        assertTrue(calls().contains("gh issue close 7 --repo bank/peve-connectors"));
        assertTrue(Files.readString(gh.resolve("webhook-posted.json")).contains("✅ ccc: dev is healthy again."));
        assertTrue(outputs().endsWith("healthy=true\nissue=\n"), outputs());
    }

    @Test
    void scopeListsTheEnvironmentsAPushChanged() throws Exception {
        Repo.write(workspace, "connectors/ccc.yaml", Repo.read(workspace.resolve("connectors/ccc.yaml"))
                + "  prod:\n    environment_id: env-abc123\n    kafka_cluster_id: lkc-prod01\n");
        git("init", "-q");
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one");
        sink("2000");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "two");
        Run scope = script("scope/scope.sh", "CCC_ENVIRONMENTS", "dev,prod", "CCC_BASE", "HEAD~1", "CCC_HEAD", "HEAD");
        assertEquals(0, scope.exitCode(), scope.output());
        assertTrue(outputs().startsWith("affected<<CCC_AFFECTED_EOF\n{"), outputs());
        assertTrue(outputs().contains("\"environments\" : [ \"dev\" ]"), outputs());
        Files.delete(Path.of(env.get("GITHUB_OUTPUT")));
        assertEquals(0, script("scope/scope.sh", "CCC_ENVIRONMENTS", "dev,prod", "CCC_BASE",
                "0000000000000000000000000000000000000000").exitCode());
        assertTrue(outputs().contains("\"environments\" : [ \"dev\", \"prod\" ]"), "a new branch: every environment");
    }

    void git(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
    }
}
