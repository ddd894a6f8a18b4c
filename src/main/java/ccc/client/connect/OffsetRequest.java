package ccc.client.connect;

/**
 * An offsets change as the service acknowledged it: Cloud answers 202 with the request's type and
 * {@code requested_at}, so that its status can be told apart from an earlier request's. A
 * self-managed worker changes offsets synchronously and acknowledges with {@link #SYNCHRONOUS}.
 */
public record OffsetRequest(String type, String requestedAt) {

    public static final OffsetRequest SYNCHRONOUS = new OffsetRequest(null, null);
}
