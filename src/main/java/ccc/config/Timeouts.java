package ccc.config;

/**
 * How long ccc waits for any remote (Confluent Cloud, Vault, a worker) to connect and to answer;
 * ccc.yaml's {@code timeouts} may change them. A remote that hangs fails within these bounds, its
 * retries included, with a message naming it.
 */
public record Timeouts(int connectSeconds, int readSeconds) {
    public static final Timeouts DEFAULT = new Timeouts(10, 30);
}
