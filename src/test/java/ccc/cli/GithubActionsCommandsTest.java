package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.output.Json;
import ccc.testing.Cli;
import ccc.testing.FakeConfluentCloud;
import ccc.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the GitHub Actions workflow gets from ccc, against the stateful fake of Confluent Cloud and
 * Vault: the plan comment (and the comment when no plan can be made), and the alert's issue, closing
 * comment and chat message. The rendered examples are kept under target/github-examples for the README.
 */
class GithubActionsCommandsTest {

    static final String ACCOUNT_KEY = "canary-account-key-9Tq2Lx";
    static final String API_SECRET = "canary-api-secret-Vb63Nm";
    static final String VAULT_TOKEN = "canary-vault-token-Pp41Za";
    static final Path EXAMPLES = Path.of("target/github-examples");

    @TempDir
    Path checkout;
    Path root;
    Path out;
    FakeConfluentCloud cloud;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        cloud = new FakeConfluentCloud();
        cloud.passwordKeys.add("azblob.account.key");
        cloud.serviceAccounts.put("SA_PEVE_BLOB_01", "sa-blob01");
        cloud.vaultSecrets.put("peve/azure-blob", Map.of("account_key", ACCOUNT_KEY));
        env = new HashMap<>(cloud.env(API_SECRET, VAULT_TOKEN));
        env.putAll(Repo.githubJob(checkout));
        root = checkout.resolve("connectors");
        out = checkout.resolve("out");
        Repo.write(root, "ccc.yaml", Repo.VAULT_TOKEN_CCC_YAML);
        sink("1000");
        Repo.connector(root, "dev", "ccloud-datagen-source-connector-01", """
                {"name": "peve-datagen-source-connector-01",
                 "config_nonsensitive": {"connector.class": "DatagenSource", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "kafka.topic": "azc-peve-orders", "quickstart": "ORDERS", "tasks.max": "1"}}
                """, "service_account: sa-datagen01\n");
        Files.createDirectories(EXAMPLES);
    }

    @AfterEach
    void tearDown() {
        cloud.close();
    }

    void sink(String flushSize) {
        Repo.connector(root, "dev", "ccloud-azure-blob-storage-sink-connector-01", """
                {"name": "peve-azure-blob-storage-sink-connector-01",
                 "config_nonsensitive": {"connector.class": "AzureBlobSink", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "topics": "${topic}", "flush.size": "${flush_size}", "tasks.max": "1",
                                         "input.data.format": "AVRO", "output.data.format": "JSON"},
                 "config_sensitive": {"azblob.account.key": "${vault:secret/peve/azure-blob#account_key}"}}
                """, "service_account: SA_PEVE_BLOB_01\ntopic: azc-peve-connect-test\nflush_size: " + flushSize + "\n");
    }

    Cli.Result ccc(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--root", root.toString()));
        if (args[0].equals("apply")) {
            all.addAll(List.of("--poll-interval", "10ms", "--timeout", "20s"));
        }
        Cli.Result result = Cli.run(env, "", all.toArray(String[]::new));
        for (String canary : List.of(ACCOUNT_KEY, API_SECRET, VAULT_TOKEN)) {
            assertFalse(result.all().contains(canary), "a secret was printed:\n" + result);
        }
        return result;
    }

    String read(Path file) throws Exception {
        String text = Files.readString(file);
        for (String canary : List.of(ACCOUNT_KEY, API_SECRET, VAULT_TOKEN)) {
            assertFalse(text.contains(canary), "a secret was written to " + file + ":\n" + text);
        }
        return text;
    }

    void keep(String name, String text) throws Exception {
        Files.writeString(EXAMPLES.resolve(name), text);
    }

    @Test
    void thePlanCommentShowsTheReviewedPlanAndIsReplacedWhenNoPlanCanBeMade() throws Exception {
        assertEquals(0, ccc("apply", "--env", "dev", "--auto-approve").exitCode());
        sink("2000");
        Repo.connector(root, "dev", "ccloud-orders-sink-01", """
                {"name": "peve-orders-sink-01",
                 "config_nonsensitive": {"connector.class": "AzureBlobSink", "kafka.auth.mode": "SERVICE_ACCOUNT",
                                         "topics": "azc-peve-orders", "flush.size": "500", "tasks.max": "1",
                                         "input.data.format": "AVRO", "output.data.format": "JSON"},
                 "config_sensitive": {"azblob.account.key": "${vault:secret/peve/azure-blob#account_key}"}}
                """, "service_account: SA_PEVE_BLOB_01\n");

        Cli.Result plan = ccc("plan", "--env", "dev", "--detailed-exitcode", "-o", out.resolve("dev.plan.json").toString(),
                "--comment", out.resolve("dev.comment.md").toString(), "--output", "markdown");
        assertEquals(2, plan.exitCode(), plan::toString);
        String comment = read(out.resolve("dev.comment.md"));
        assertTrue(comment.startsWith("<!-- ccc-plan:dev -->\n### ccc plan: `dev`"), comment);
        assertTrue(comment.contains("**Plan: 1 to create, 1 to update"), comment);
        assertTrue(comment.contains("- flush.size = 1000\n+ flush.size = 2000\n"), comment);
        assertTrue(comment.contains("[workflow run 4242](https://github.com/bank/peve-connectors/actions/runs/4242)"));
        assertTrue(Files.isRegularFile(out.resolve("dev.plan.json")), "the saved plan for the artifact");
        assertTrue(comment.contains(plan.out()), "the comment holds the markdown the job summary gets");
        keep("plan-comment.md", comment);

        ccc("plan", "--env", "dev", "--comment", out.resolve("cut.md").toString(), "--comment-max-length", "1200");
        String cut = read(out.resolve("cut.md"));
        assertTrue(cut.length() <= 1200 && cut.contains("so it is cut here"), cut);
        keep("plan-comment-cut.md", cut);

        Repo.write(root, "ccloud-orders-sink-01/dev-vars.yaml", "service_account: SA_PEVE_BLOB_01\nflush: [1\n");
        Cli.Result broken = ccc("plan", "--env", "dev", "--comment", out.resolve("dev.comment.md").toString());
        assertEquals(1, broken.exitCode(), broken::toString);
        assertTrue(broken.err().contains("::error file=connectors/ccloud-orders-sink-01/dev-vars.yaml,line="),
                broken::toString);
        String failed = read(out.resolve("dev.comment.md"));
        assertTrue(failed.startsWith("<!-- ccc-plan:dev -->\n### ccc plan: `dev` failed\n"), failed);
        assertTrue(failed.contains("error: the config repository has 1 error"), failed);
        keep("plan-comment-failed.md", failed);
    }

    @Test
    void anAlertIsOpenedForAFailedConnectorAndDriftRepeatedOnlyWithNewsAndClosedOnceHealthy() throws Exception {
        assertEquals(0, ccc("apply", "--env", "dev", "--auto-approve").exitCode());
        Cli.Result healthy = ccc("alert", "--env", "dev", "--issue-title", out.resolve("title.txt").toString(),
                "--issue-body", out.resolve("body.md").toString(), "--webhook-payload", out.resolve("hook.json").toString());
        assertEquals(0, healthy.exitCode(), healthy::toString);
        assertEquals("ccc: dev is healthy\n", healthy.out());
        assertFalse(Files.exists(out), "healthy with no open issue: nothing to write");

        FakeConfluentCloud.Connector datagen = cloud.connectors.get("peve-datagen-source-connector-01");
        datagen.taskStates.set(0, "FAILED");
        datagen.taskTraces.set(0, "org.apache.kafka.connect.errors.ConnectException: topic azc-peve-orders not "
                + "authorized for sa-datagen01 (key " + ACCOUNT_KEY + ")\n\tat org.apache.kafka.connect.runtime.WorkerTask");
        cloud.connectors.get("peve-azure-blob-storage-sink-connector-01").config.put("flush.size", "5000");
        cloud.put("peve-handmade-sink-01", Map.of("connector.class", "AzureBlobSink", "topics", "x"));

        String[] files = {"--issue-title", out.resolve("title.txt").toString(), "--issue-body",
                out.resolve("body.md").toString(), "--webhook-payload", out.resolve("hook.json").toString()};
        Cli.Result alert = ccc(concat(new String[] {"alert", "--env", "dev"}, files));
        assertEquals(1, alert.exitCode(), alert::toString);
        String title = read(out.resolve("title.txt"));
        assertEquals("ccc: dev needs attention: 1 connector not running, 2 connectors drifted\n", title);
        String body = read(out.resolve("body.md"));
        assertTrue(body.startsWith("<!-- ccc-alert:dev -->\n<!-- ccc-alert-state:"), body);
        assertTrue(body.contains("| `peve-datagen-source-connector-01` | `" + datagen.id
                + "` | RUNNING, but task 0 is FAILED: org.apache.kafka.connect.errors.ConnectException: topic"), body);
        assertTrue(body.contains("| update | `peve-azure-blob-storage-sink-connector-01` | flush.size |"), body);
        assertTrue(body.contains("| orphan | `peve-handmade-sink-01` |"), body);
        JsonNode hook = Json.MAPPER.readTree(read(out.resolve("hook.json")));
        assertEquals("🚨 ccc: dev needs attention: 1 connector not running, 2 connectors drifted. "
                + "peve-datagen-source-connector-01 RUNNING, but task 0 is FAILED, "
                + "peve-azure-blob-storage-sink-connector-01 update, peve-handmade-sink-01 orphan. "
                + "https://github.com/bank/peve-connectors/actions/runs/4242", hook.get("text").asText());
        keep("alert-issue-title.txt", title);
        keep("alert-issue.md", body);
        keep("alert-webhook.json", read(out.resolve("hook.json")));

        Files.writeString(checkout.resolve("open-issue.md"), body);
        Files.delete(out.resolve("hook.json"));
        datagen.taskTraces.set(0, "org.apache.kafka.connect.errors.ConnectException: another wording, same failure");
        Cli.Result again = ccc(concat(new String[] {"alert", "--env", "dev", "--previous",
                checkout.resolve("open-issue.md").toString(), "--output", "json"}, files));
        assertEquals(1, again.exitCode());
        JsonNode json = Json.MAPPER.readTree(again.out());
        assertFalse(json.get("notify").asBoolean(), "the open issue already says it: no second message");
        assertFalse(Files.exists(out.resolve("hook.json")));
        assertEquals("update", json.at("/drift/actions/0/action").asText(), json.toString());

        datagen.taskStates.set(0, "RUNNING");
        datagen.taskTraces.set(0, null);
        cloud.connectors.remove("peve-handmade-sink-01");
        cloud.connectors.get("peve-azure-blob-storage-sink-connector-01").config.put("flush.size", "1000");
        Cli.Result recovered = ccc(concat(new String[] {"alert", "--env", "dev", "--previous",
                checkout.resolve("open-issue.md").toString()}, files));
        assertEquals(0, recovered.exitCode(), recovered::toString);
        String closing = read(out.resolve("body.md"));
        assertTrue(closing.startsWith("### :white_check_mark: ccc: `dev` is healthy again\n"), closing);
        assertEquals("✅ ccc: dev is healthy again. https://github.com/bank/peve-connectors/actions/runs/4242",
                Json.MAPPER.readTree(read(out.resolve("hook.json"))).get("text").asText());
        keep("alert-closing-comment.md", closing);
    }

    @Test
    void aCheckThatCannotBeMadeIsAnAlertToo() throws Exception {
        cloud.apiKey = "OTHERKEY";
        cloud.apiSecret = "other-secret-value";
        Cli.Result alert = ccc("alert", "--env", "dev", "--issue-title", out.resolve("title.txt").toString(),
                "--issue-body", out.resolve("body.md").toString());
        assertEquals(1, alert.exitCode(), alert::toString);
        assertEquals("ccc: dev needs attention: the check failed\n", read(out.resolve("title.txt")));
        assertTrue(read(out.resolve("body.md")).contains("#### The check failed"));

        Cli.Result unknown = ccc("alert", "--env", "staging");
        assertEquals(64, unknown.exitCode(), "a workflow asking for an unknown environment is its own mistake");
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
