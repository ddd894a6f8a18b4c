package ccc.client.connect;

/**
 * GET /connectors/{name}/offsets/request/status: phase PENDING, PENDING_VALIDATION, APPLIED or
 * FAILED (more may be added), and the request it describes, which is the latest one and may not be
 * the caller's yet.
 */
public record OffsetRequestStatus(String phase, String message, String requestType, String requestedAt) {

    public static final String APPLIED = "APPLIED";
    public static final String FAILED = "FAILED";

    public OffsetRequestStatus(String phase, String message) {
        this(phase, message, null, null);
    }

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

    /**
     * Whether this status describes {@code request}: the same type and the same requested_at. A
     * field either side lacks is not compared (some answers carry no timestamp).
     */
    public boolean describes(OffsetRequest request) {
        return same(request.type(), requestType) && same(request.requestedAt(), requestedAt);
    }

    private static boolean same(String mine, String theirs) {
        return mine == null || theirs == null || mine.equalsIgnoreCase(theirs);
    }
}
