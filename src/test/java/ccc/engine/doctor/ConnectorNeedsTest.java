package ccc.engine.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.config.ConnectorKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorNeedsTest {

    @Test
    void aSinkReadsItsTopicsWritesItsDlqAndReadsTheSubjectsOfItsSchemaFormats() {
        ConnectorNeeds needs = ConnectorNeeds.of(Map.of("connector.class", "AzureBlobSink", "topics", " orders, payments ,",
                "input.data.format", "avro", "input.key.format", "PROTOBUF",
                "errors.deadletterqueue.topic.name", "orders-dlq"));
        assertEquals(ConnectorKind.SINK, needs.kind());
        assertEquals(List.of("orders", "payments"), needs.topicsRead());
        assertEquals("orders-dlq", needs.dlqTopic());
        assertEquals(List.of("orders-value", "orders-key", "payments-value", "payments-key"), needs.subjects());
        assertEquals("avro", needs.schemaType());
        assertNull(needs.subjectsUnknown());
    }

    @Test
    void aSourceWritesItsTopicOrPrefix() {
        ConnectorNeeds needs = ConnectorNeeds.of(Map.of("connector.class", "PostgresCdcSource", "topic.prefix", "pg.",
                "output.data.format", "JSON_SR"));
        assertEquals(ConnectorKind.SOURCE, needs.kind());
        assertEquals(List.of(), needs.topicsWritten());
        assertEquals("pg.", needs.topicPrefix());
        assertEquals("jsonschema", needs.schemaType());
        assertTrue(needs.subjectsUnknown().contains("topic.prefix 'pg.'"), needs.subjectsUnknown());
        assertEquals(List.of("gen"), ConnectorNeeds.of(Map.of("connector.class", "DatagenSource", "kafka.topic", "gen"))
                .topicsWritten());
    }

    @Test
    void subjectsOfARegexOrAnotherNamingStrategyCannotBeNamed() {
        assertTrue(ConnectorNeeds.of(Map.of("connector.class", "S3_SINK", "topics.regex", "orders\\..*",
                "input.data.format", "AVRO")).subjectsUnknown().contains("topics.regex"));
        ConnectorNeeds record = ConnectorNeeds.of(Map.of("connector.class", "S3_SINK", "topics", "orders",
                "input.data.format", "AVRO", "value.subject.name.strategy", "RecordNameStrategy"));
        assertEquals(List.of(), record.subjects());
        assertTrue(record.subjectsUnknown().contains("RecordNameStrategy"));
    }

    @Test
    void aSelfManagedConverterIsASchemaFormatToo() {
        ConnectorNeeds needs = ConnectorNeeds.of(Map.of("connector.class", "FileStreamSink", "topics", "orders",
                "value.converter", "io.confluent.connect.avro.AvroConverter"));
        assertEquals(List.of("orders-value"), needs.subjects());
        assertEquals(List.of(), ConnectorNeeds.of(Map.of("connector.class", "FileStreamSink", "topics", "orders",
                "input.data.format", "JSON")).subjects());
    }
}
