package ccc.engine.migration;

import ccc.config.ConnectorKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Self-managed connector classes and the fully-managed classes Confluent Cloud runs them as: the
 * table {@code ccc import} translates by, and that the README prints ("Migrating a connector"; a
 * test keeps the two equal). The class pairs are those Confluent's own Connect Migration Utility
 * indexes (each fully-managed connector names the self-managed class it runs); the key changes are
 * the ones their published configuration references differ by. A {@link Shape} names the key
 * changes a family of classes shares; every other key is kept as it is, except the keys only a
 * self-managed worker knows ({@link Translator#SELF_MANAGED_ONLY}), which are left out and listed.
 */
public final class ClassMappings {

    /** How a family of classes' keys change on the way to Confluent Cloud. */
    public enum Shape {
        /** Nothing but the class and the common keys (converters become data formats). */
        PLAIN("the class; converters become data formats"),
        /** Object storage sinks: format.class becomes output.data.format, partitioner.class its short name,
         *  partition.duration.ms time.interval. */
        STORAGE_SINK("format.class → output.data.format; partitioner.class → its short name; "
                + "partition.duration.ms → time.interval"),
        /** JDBC: the class follows connection.url's database, which becomes connection.host, connection.port
         *  and db.name. */
        JDBC("the class follows connection.url's database; connection.url → connection.host, connection.port, "
                + "db.name"),
        /** Debezium CDC, as the V2 fully-managed connectors: database.server.name becomes topic.prefix;
         *  the schema history is Cloud's own. */
        DEBEZIUM("database.server.name → topic.prefix; database.history.* and schema.history.internal.* left "
                + "out (Cloud keeps the schema history)"),
        /** MongoDB: connection.uri becomes connection.host, connection.user and connection.password. */
        MONGODB("connection.uri → connection.host, connection.user, connection.password (sensitive), "
                + "mongodb.instance.type"),
        /** Elasticsearch: type.name is gone (Elasticsearch 7+). */
        ELASTICSEARCH("type.name left out (Elasticsearch 7 and later have no types)");

        private final String changes;

        Shape(String changes) {
            this.changes = changes;
        }

        public String changes() {
            return changes;
        }
    }

    /** One row: a self-managed class, the fully-managed class (or classes, for JDBC), and its key changes. */
    public record Mapping(String selfManaged, String fullyManaged, ConnectorKind kind, Shape shape) {
    }

    /** The JDBC connectors' fully-managed classes, by the database of connection.url (jdbc:SCHEME:...). */
    static final Map<String, String> JDBC_SOURCES = Map.of("postgresql", "PostgresSource", "mysql", "MySqlSource",
            "sqlserver", "MicrosoftSqlServerSource", "oracle", "OracleDatabaseSource");
    static final Map<String, String> JDBC_SINKS = Map.of("postgresql", "PostgresSink", "mysql", "MySqlSink",
            "sqlserver", "MicrosoftSqlServerSink", "oracle", "OracleDatabaseSink");

    public static final List<Mapping> ALL = List.of(
            sink("io.confluent.connect.azure.blob.AzureBlobStorageSinkConnector", "AzureBlobSink", Shape.STORAGE_SINK),
            sink("io.confluent.connect.azure.datalake.gen2.AzureDataLakeGen2SinkConnector", "AzureDataLakeGen2Sink",
                    Shape.STORAGE_SINK),
            sink("io.confluent.connect.s3.S3SinkConnector", "S3_SINK", Shape.STORAGE_SINK),
            sink("io.confluent.connect.gcs.GcsSinkConnector", "GcsSink", Shape.STORAGE_SINK),
            sink("io.confluent.connect.jdbc.JdbcSinkConnector",
                    "PostgresSink, MySqlSink, MicrosoftSqlServerSink, OracleDatabaseSink", Shape.JDBC),
            sink("io.confluent.connect.elasticsearch.ElasticsearchSinkConnector", "ElasticsearchSink",
                    Shape.ELASTICSEARCH),
            sink("com.mongodb.kafka.connect.MongoSinkConnector", "MongoDbAtlasSink", Shape.MONGODB),
            sink("com.azure.cosmos.kafka.connect.sink.CosmosDBSinkConnector", "CosmosDbSink", Shape.PLAIN),
            sink("io.confluent.connect.azure.functions.AzureFunctionsSinkConnector", "AzureFunctionsSink", Shape.PLAIN),
            sink("io.confluent.connect.azure.search.AzureSearchSinkConnector", "AzureCognitiveSearchSink", Shape.PLAIN),
            sink("io.confluent.connect.http.HttpSinkConnector", "HttpSink", Shape.PLAIN),
            sink("com.snowflake.kafka.connector.SnowflakeSinkConnector", "SnowflakeSink", Shape.PLAIN),
            sink("com.wepay.kafka.connect.bigquery.BigQuerySinkConnector", "BigQuerySink", Shape.PLAIN),
            source("io.confluent.connect.jdbc.JdbcSourceConnector",
                    "PostgresSource, MySqlSource, MicrosoftSqlServerSource, OracleDatabaseSource", Shape.JDBC),
            source("io.debezium.connector.postgresql.PostgresConnector", "PostgresCdcSourceV2", Shape.DEBEZIUM),
            source("io.debezium.connector.mysql.MySqlConnector", "MySqlCdcSourceV2", Shape.DEBEZIUM),
            source("io.debezium.connector.sqlserver.SqlServerConnector", "SqlServerCdcSourceV2", Shape.DEBEZIUM),
            source("io.confluent.connect.oracle.cdc.OracleCdcSourceConnector", "OracleCdcSource", Shape.PLAIN),
            source("com.mongodb.kafka.connect.MongoSourceConnector", "MongoDbAtlasSource", Shape.MONGODB),
            source("io.confluent.connect.azure.blob.storage.AzureBlobStorageSourceConnector", "AzureBlobSource",
                    Shape.PLAIN),
            source("io.confluent.connect.s3.source.S3SourceConnector", "S3Source", Shape.PLAIN),
            source("io.confluent.connect.azure.eventhubs.EventHubsSourceConnector", "AzureEventHubsSource", Shape.PLAIN),
            source("io.confluent.connect.azure.servicebus.ServiceBusSourceConnector", "AzureServiceBusSource",
                    Shape.PLAIN),
            source("com.azure.cosmos.kafka.connect.source.CosmosDBSourceConnector", "CosmosDbSource", Shape.PLAIN),
            source("io.confluent.connect.http.HttpSourceConnector", "HttpSource", Shape.PLAIN),
            source("io.confluent.kafka.connect.datagen.DatagenConnector", "DatagenSource", Shape.PLAIN));

    private ClassMappings() {
    }

    private static Mapping sink(String selfManaged, String fullyManaged, Shape shape) {
        return new Mapping(selfManaged, fullyManaged, ConnectorKind.SINK, shape);
    }

    private static Mapping source(String selfManaged, String fullyManaged, Shape shape) {
        return new Mapping(selfManaged, fullyManaged, ConnectorKind.SOURCE, shape);
    }

    /** The row of a self-managed class (its full name, compared ignoring case). */
    public static Optional<Mapping> of(String selfManagedClass) {
        if (selfManagedClass == null) {
            return Optional.empty();
        }
        String wanted = selfManagedClass.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(row -> row.selfManaged().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
