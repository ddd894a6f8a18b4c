package ccc.config;

/**
 * How sink connectors get their dead letter queue by default. The pattern knows {topic} (the sink's
 * first topic) and {connector} (the connector name).
 */
public record DlqSettings(boolean enabled, String topicPattern) {
    public static final DlqSettings DEFAULT = new DlqSettings(true, "{topic}-dlq");
}
