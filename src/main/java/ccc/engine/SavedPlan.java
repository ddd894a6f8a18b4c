package ccc.engine;

import ccc.CccException;
import ccc.config.SourceDocument;
import ccc.plan.Action;
import ccc.plan.Change;
import ccc.plan.Plan;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A plan written by {@code ccc plan -o FILE} for {@code ccc apply FILE}: a contract between the two
 * commands, not a view. It holds the request the plan was made with, three keyed fingerprints (the
 * cluster, the repository's desired state, the plan's actions) and a keyed MAC over all of it, so
 * that an edited file (a request turned into --prune, an action removed) is refused, and apply
 * carries out exactly the actions that were reviewed or nothing. No secret, and no unkeyed hash of
 * one, is in it: changes are listed by key only.
 */
public record SavedPlan(String environment, PlanRequest request, String clusterFingerprint,
                        String desiredFingerprint, String planFingerprint, List<String> actions) {

    public static final int FORMAT = 1;
    private static final String FORMAT_FIELD = "ccc_saved_plan";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    public SavedPlan {
        actions = List.copyOf(actions);
    }

    public static SavedPlan of(PlannedRun run, PlanRequest request) {
        return new SavedPlan(run.plan().environment(), request, run.plan().fingerprint(), run.desiredFingerprint(),
                planFingerprint(run.plan(), run.keyedDigest()), actionLines(run.plan()));
    }

    /** A keyed digest of every action with its changes: equal only for the same plan. */
    public static String planFingerprint(Plan plan, UnaryOperator<String> digest) {
        StringBuilder canonical = new StringBuilder();
        for (Action action : plan.actions()) {
            canonical.append(action.type().id()).append('\u0001').append(action.connector()).append('\u0001')
                    .append(action.renamedFrom()).append('\u0001').append(action.state()).append('\u0001');
            if (action.completesMove()) {
                canonical.append("completes-move").append('\u0001');
            }
            for (Change change : action.changes()) {
                canonical.append(change.key()).append('\u0002').append(change.before()).append('\u0002')
                        .append(change.after()).append('\u0002').append(change.sensitive()).append('\u0002');
            }
            canonical.append('\u0003');
        }
        return "hmac-sha256:" + digest.apply(canonical.toString());
    }

    private static List<String> actionLines(Plan plan) {
        List<String> lines = new ArrayList<>();
        for (Action action : plan.changes()) {
            lines.add(action.type().id() + " " + action.connector()
                    + (action.renamedFrom() == null ? "" : " (from " + action.renamedFrom()
                    + (action.completesMove() ? ", completing" : "") + ")")
                    + (action.changes().isEmpty() ? "" : ": " + String.join(", ",
                    action.changes().stream().map(Change::key).toList())));
        }
        return lines;
    }

    /** Writes the file, authenticated with the environment's keyed digest. */
    public void write(Path file, UnaryOperator<String> digest) {
        ObjectNode root = body();
        root.put("mac", mac(root, digest));
        try {
            Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CccException("cannot write the plan to " + file + ": " + SourceDocument.reason(e), e);
        }
    }

    private ObjectNode body() {
        ObjectNode root = JSON.createObjectNode();
        root.put(FORMAT_FIELD, FORMAT);
        root.put("environment", environment);
        ObjectNode options = root.putObject("request");
        ArrayNode names = options.putArray("names");
        request.names().forEach(names::add);
        options.put("prune", request.prune());
        options.put("allow_offset_loss", request.allowOffsetLoss());
        options.put("resend_secrets", request.resendSecrets());
        options.put("carry_offsets", request.carryOffsets());
        root.put("cluster_fingerprint", clusterFingerprint);
        root.put("desired_fingerprint", desiredFingerprint);
        root.put("plan_fingerprint", planFingerprint);
        ArrayNode list = root.putArray("actions");
        actions.forEach(list::add);
        return root;
    }

    private static String mac(JsonNode body, UnaryOperator<String> digest) {
        try {
            return "hmac-sha256:" + digest.apply(CANONICAL.writeValueAsString(CANONICAL.treeToValue(body, Object.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot canonicalise the saved plan", e);
        }
    }

    /** The environment a saved plan is for, read before anything else so that its session can be opened. */
    public static String environmentOf(Path file) {
        return readTree(file).get("environment").asText();
    }

    /**
     * Reads and authenticates a saved plan with the environment's keyed digest. A file that is not
     * a saved plan is an error; one whose MAC does not match (edited, or made with another key) is
     * refused.
     */
    public static SavedPlan read(Path file, UnaryOperator<String> digest) {
        JsonNode root = readTree(file);
        if (!(root instanceof ObjectNode body) || !root.path("mac").isTextual()) {
            throw notASavedPlan(file);
        }
        String mac = body.remove("mac").asText();
        if (!mac.equals(mac(body, digest))) {
            throw CccException.refused(file + " was changed after 'ccc plan -o' wrote it, or was made with another "
                    + "digest key (CCC_DIGEST_KEY, sensitive.digest_key or the Cloud API key); nothing was applied. "
                    + "Make and review a new plan.");
        }
        List<String> names = new ArrayList<>();
        root.path("request").path("names").forEach(name -> names.add(name.asText()));
        PlanRequest request = new PlanRequest(names, root.path("request").path("prune").asBoolean(),
                root.path("request").path("allow_offset_loss").asBoolean(), false,
                root.path("request").path("resend_secrets").asBoolean(),
                root.path("request").path("carry_offsets").asBoolean());
        List<String> actions = new ArrayList<>();
        root.path("actions").forEach(action -> actions.add(action.asText()));
        return new SavedPlan(root.path("environment").asText(), request, root.path("cluster_fingerprint").asText(),
                root.path("desired_fingerprint").asText(), root.path("plan_fingerprint").asText(), actions);
    }

    private static JsonNode readTree(Path file) {
        JsonNode root;
        try {
            root = SourceDocument.readJson(file);
        } catch (SourceDocument.Unparseable e) {
            throw new CccException("cannot read the saved plan: " + e.problem().sentence() + " Make it with "
                    + "'ccc plan --env ENV -o " + file + "'.");
        }
        if (root == null || root.path(FORMAT_FIELD).asInt() != FORMAT || !root.path("environment").isTextual()) {
            throw notASavedPlan(file);
        }
        return root;
    }

    private static CccException notASavedPlan(Path file) {
        return new CccException(file + " is not a plan saved by 'ccc plan -o' (" + FORMAT_FIELD + " " + FORMAT
                + "); make it again with 'ccc plan --env ENV -o " + file + "'.");
    }

    /**
     * Why the plan computed now is not the one saved, or null when it is: apply carries out exactly
     * what was reviewed or nothing.
     */
    public String staleBecause(PlannedRun now) {
        if (!clusterFingerprint.equals(now.plan().fingerprint())) {
            return "the cluster changed since the plan was made";
        }
        if (!desiredFingerprint.equals(now.desiredFingerprint())) {
            return "the repository (or a secret in Vault) changed since the plan was made";
        }
        if (!planFingerprint.equals(planFingerprint(now.plan(), now.keyedDigest()))) {
            return "the plan computed now differs from the saved one";
        }
        return null;
    }
}
