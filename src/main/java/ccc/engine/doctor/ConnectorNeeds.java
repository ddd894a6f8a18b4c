package ccc.engine.doctor;

import ccc.config.ConnectorKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a connector reads and writes, from its rendered config: the topics a sink reads ({@code topics},
 * {@code topics.regex}), the topics a source writes ({@code kafka.topic}, {@code topic}, {@code topic.prefix}), the
 * DLQ topic ({@code errors.deadletterqueue.topic.name}), and the Schema Registry subjects of its schema formats
 * (AVRO, PROTOBUF, JSON_SR, or the matching converters), named as TopicNameStrategy names them.
 *
 * @param subjectsUnknown why some subjects cannot be named (another naming strategy, a regex or prefix), or null
 * @param schemaType      avro, protobuf or jsonschema (as the Confluent CLI spells them), or null without schemas
 */
record ConnectorNeeds(ConnectorKind kind, List<String> topicsRead, String topicsRegex, List<String> topicsWritten,
                      String topicPrefix, String dlqTopic, List<String> subjects, String subjectsUnknown,
                      String schemaType) {

    static final String DLQ_KEY = "errors.deadletterqueue.topic.name";
    /** The schema formats, their converters and their Confluent CLI types, in the same order. */
    private static final List<String> SCHEMA_FORMATS = List.of("AVRO", "PROTOBUF", "JSON_SR");
    private static final List<String> SCHEMA_CONVERTERS = List.of("AvroConverter", "ProtobufConverter",
            "JsonSchemaConverter");
    private static final List<String> CLI_TYPES = List.of("avro", "protobuf", "jsonschema");

    static ConnectorNeeds of(Map<String, String> config) {
        ConnectorKind kind = ConnectorKind.of(config);
        boolean sink = kind == ConnectorKind.SINK;
        List<String> read = sink ? list(config.get("topics")) : List.of();
        String regex = sink ? blankToNull(config.get("topics.regex")) : null;
        List<String> written = new ArrayList<>();
        String prefix = null;
        if (!sink) {
            written.addAll(list(config.get("kafka.topic")));
            list(config.get("topic")).stream().filter(t -> !written.contains(t)).forEach(written::add);
            prefix = blankToNull(config.get("topic.prefix"));
        }
        String io = sink ? "input" : "output";
        String valueType = schemaType(config.get(io + ".data.format"), config.get("value.converter"));
        String keyType = schemaType(config.get(io + ".key.format"), config.get("key.converter"));
        boolean valueSchema = valueType != null;
        boolean keySchema = keyType != null;
        List<String> subjects = new ArrayList<>();
        String unknown = null;
        if (valueSchema || keySchema) {
            String strategy = nonDefaultStrategy(config, valueSchema, keySchema);
            List<String> topics = sink ? read : written;
            if (strategy != null) {
                unknown = "subjects are named by " + strategy + ", so ccc cannot tell their names";
            } else {
                for (String topic : topics) {
                    if (valueSchema) {
                        subjects.add(topic + "-value");
                    }
                    if (keySchema) {
                        subjects.add(topic + "-key");
                    }
                }
                if (regex != null) {
                    unknown = "the subjects of the topics matching topics.regex '" + regex + "' cannot be named";
                } else if (prefix != null) {
                    unknown = "the subjects of the topics starting with topic.prefix '" + prefix + "' cannot be named";
                }
            }
        }
        return new ConnectorNeeds(kind, read, regex, List.copyOf(written), prefix, blankToNull(config.get(DLQ_KEY)),
                List.copyOf(subjects), unknown, valueType != null ? valueType : keyType);
    }

    /** avro, protobuf or jsonschema for a schema format (or converter), else null. */
    private static String schemaType(String format, String converter) {
        String upper = format == null ? "" : format.trim().toUpperCase(Locale.ROOT);
        for (int i = 0; i < SCHEMA_FORMATS.size(); i++) {
            if (upper.equals(SCHEMA_FORMATS.get(i))
                    || (converter != null && converter.contains(SCHEMA_CONVERTERS.get(i)))) {
                return CLI_TYPES.get(i);
            }
        }
        return null;
    }

    /** The subject name strategy in use when it is not TopicNameStrategy (the default), else null. */
    private static String nonDefaultStrategy(Map<String, String> config, boolean value, boolean key) {
        for (String side : value && key ? List.of("value", "key") : List.of(value ? "value" : "key")) {
            String strategy = blankToNull(config.get(side + ".subject.name.strategy"));
            if (strategy != null && !strategy.endsWith("TopicNameStrategy")) {
                return strategy;
            }
        }
        return null;
    }

    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
