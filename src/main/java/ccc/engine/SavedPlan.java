package ccc.engine;

import ccc.CccException;
import ccc.output.Json;
import ccc.output.PlanReport;
import ccc.plan.Plan;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan written by {@code ccc plan -o FILE}: the plan as {@code --output json} prints it, plus the
 * options it was made with and two keyed fingerprints, one of the cluster and one of the
 * repository's desired state. Neither holds a secret nor an unkeyed hash of one.
 */
public record SavedPlan(String environment, PlanRequest request, String clusterFingerprint,
                        String desiredFingerprint) {

    public static void write(Path file, Plan plan, PlanRequest request, String desiredFingerprint,
                             SecretRegistry secrets) {
        ObjectNode root = PlanReport.json(plan);
        ObjectNode saved = root.putObject("saved");
        saved.put("cluster_fingerprint", plan.fingerprint());
        saved.put("desired_fingerprint", desiredFingerprint);
        saved.put("prune", request.prune());
        saved.put("allow_offset_loss", request.allowOffsetLoss());
        ArrayNode names = saved.putArray("names");
        request.names().forEach(names::add);
        try {
            Files.writeString(file, secrets.scrub(Json.write(root)) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CccException("cannot write the plan to " + file + ": " + e.getMessage(), e);
        }
    }

    public static SavedPlan read(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CccException("cannot read the saved plan " + file + ": " + e.getMessage()
                    + ". Make it with 'ccc plan --env ENV -o " + file + "'.");
        }
        JsonNode saved = root == null ? null : root.get("saved");
        if (saved == null || root.path("format_version").asInt() != Json.FORMAT_VERSION
                || !root.path("environment").isTextual()) {
            throw new CccException(file + " is not a plan saved by 'ccc plan -o' (format_version "
                    + Json.FORMAT_VERSION + "); make it again with 'ccc plan --env ENV -o " + file + "'.");
        }
        List<String> names = new ArrayList<>();
        saved.path("names").forEach(name -> names.add(name.asText()));
        PlanRequest request = new PlanRequest(names, saved.path("prune").asBoolean(),
                saved.path("allow_offset_loss").asBoolean(), false);
        return new SavedPlan(root.get("environment").asText(), request, saved.path("cluster_fingerprint").asText(),
                saved.path("desired_fingerprint").asText());
    }
}
