package ccc.client.connect;

/** GET /connectors/{name}/offsets/request/status: phase PENDING, PENDING_VALIDATION, APPLIED or FAILED. */
public record OffsetRequestStatus(String phase, String message) {

    public static final String APPLIED = "APPLIED";
    public static final String FAILED = "FAILED";

    public static OffsetRequestStatus applied() {
        return new OffsetRequestStatus(APPLIED, null);
    }

    public static OffsetRequestStatus failed(String message) {
        return new OffsetRequestStatus(FAILED, message);
    }

    public boolean isApplied() {
        return APPLIED.equals(phase);
    }

    public boolean isFinal() {
        return isApplied() || FAILED.equals(phase);
    }
}
