package ccc.config;

/** What kind of Connect service an environment's connectors run on. */
public enum Target {
    CONFLUENT_CLOUD("confluent-cloud"),
    KAFKA_CONNECT("kafka-connect");

    private final String id;

    Target(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Target fromId(String id) {
        for (Target target : values()) {
            if (target.id.equals(id)) {
                return target;
            }
        }
        return null;
    }
}
