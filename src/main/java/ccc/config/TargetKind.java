package ccc.config;

/** What kind of Connect service an environment's connectors run on: the kind of remote a target session talks to. */
public enum TargetKind {
    CONFLUENT_CLOUD("confluent-cloud"),
    KAFKA_CONNECT("kafka-connect");

    private final String id;

    TargetKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static TargetKind fromId(String id) {
        for (TargetKind target : values()) {
            if (target.id.equals(id)) {
                return target;
            }
        }
        return null;
    }
}
