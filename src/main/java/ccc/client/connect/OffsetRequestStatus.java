package ccc.client.connect;

/** GET /connectors/{name}/offsets/request/status: phase PENDING, PENDING_VALIDATION, APPLIED or FAILED. */
public record OffsetRequestStatus(String phase, String message) {

    public boolean isFinal() {
        return "APPLIED".equals(phase) || "FAILED".equals(phase);
    }
}
