package ccc.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A source connector's <em>source identity</em>, per class family: which keys say where it reads
 * from. The family is told by the class name (fully-managed or self-managed: "PostgresCdcSourceV2"
 * and "io.debezium.connector.postgresql.PostgresConnector" are both {@link #DATABASE}), so a class
 * change within a family (JDBC to CDC, V1 to V2) still reads from the same place. The first facet
 * of each family is required: without it the origin cannot be told from the config (for example
 * a connection URL declared sensitive), and {@link DataIdentity} falls back to the output topic.
 *
 * <pre>
 * family      class name contains                    facets (first required): keys
 * DATAGEN     datagen                                topic: kafka.topic; quickstart: quickstart
 *             (no external origin: what it generates and where it writes it is all there is)
 * FILE        filestream                             path: file (case-sensitive)
 * MONGODB     mongo                                  host: connection.host, the hosts of connection.uri,
 *                                                      connection.string, mongodb.connection.string;
 *                                                    database: database, database.include.list (not the
 *                                                      URI's path: that is the database to authenticate against);
 *                                                    collection: collection, collection.include.list
 * S3          s3                                     bucket: s3.bucket.name
 * GCS         gcs, googlecloudstorage                bucket: gcs.bucket.name
 * AZURE_BLOB  azureblob, azure.blob                  container: azblob.container.name;
 *                                                    account: azblob.account.name
 * HTTP        http                                   endpoint: url, http.url, http.api.url, http.api.base.url
 *                                                      (scheme, host, port, path; query dropped)
 * DATABASE    jdbc, postgres, mysql, mariadb,        host: database.hostname, connection.host,
 *             sqlserver, mssql, oracle, db2            oracle.server, connection.url's hosts;
 *             (or any class with database.hostname   port: database.port, connection.port, oracle.port, the URL's;
 *             or a jdbc: connection.url)             database: database.dbname, db.name, database.names,
 *                                                      database.include.list, oracle.sid,
 *                                                      oracle.service.name, the URL's;
 *                                                    table: table.include.list, table.whitelist,
 *                                                      table.inclusion.regex
 * </pre>
 *
 * Hosts, database, table, collection, bucket and container names compare ignoring case (the
 * systems do); paths, ports and topics as written. Tables and databases are include lists: they
 * overlap when they share a table (by name, by pattern, or an unqualified name equal to a
 * qualified one's last part). Same host and database with disjoint table lists is not the same
 * data: CDC squads routinely split one database's tables across connectors, and each keeps its
 * own offsets.
 */
enum SourceFamily {
    DATAGEN("Datagen generator", List.of("datagen"), config -> new Facets(config)
            .exact("topic", "kafka.topic")
            .ignoringCase("quickstart", "quickstart")),
    FILE("file", List.of("filestream"), config -> new Facets(config)
            .exact("path", "file")),
    MONGODB("MongoDB deployment", List.of("mongo"), config -> new Facets(config)
            .hosts("host", List.of("connection.host"), "connection.uri", "connection.string", "mongodb.connection.string")
            .identifiers("database", List.of("database", "database.include.list"))
            .identifiers("collection", List.of("collection", "collection.include.list"))),
    S3("S3 bucket", List.of("s3"), config -> new Facets(config)
            .ignoringCase("bucket", "s3.bucket.name")),
    GCS("GCS bucket", List.of("gcs", "googlecloudstorage"), config -> new Facets(config)
            .ignoringCase("bucket", "gcs.bucket.name")),
    AZURE_BLOB("Azure Blob Storage container", List.of("azureblob", "azure.blob"), config -> new Facets(config)
            .ignoringCase("container", "azblob.container.name")
            .ignoringCase("account", "azblob.account.name")),
    HTTP("HTTP endpoint", List.of("http"), config -> new Facets(config)
            .endpoint("endpoint", "url", "http.url", "http.api.url", "http.api.base.url")),
    DATABASE("database", List.of("jdbc", "postgres", "mysql", "mariadb", "sqlserver", "mssql", "oracle", "db2"),
            config -> new Facets(config)
                    .hosts("host", List.of("database.hostname", "connection.host", "oracle.server"), "connection.url")
                    .ports("port", List.of("database.port", "connection.port", "oracle.port"), "connection.url")
                    .identifiers("database", List.of("database.dbname", "db.name", "database.names",
                            "database.include.list", "oracle.sid", "oracle.service.name"), "connection.url")
                    .identifiers("table", List.of("table.include.list", "table.whitelist", "table.inclusion.regex")));

    private final String system;
    private final List<String> classMarkers;
    private final Function<Map<String, String>, Facets> facets;

    SourceFamily(String system, List<String> classMarkers, Function<Map<String, String>, Facets> facets) {
        this.system = system;
        this.classMarkers = classMarkers;
        this.facets = facets;
    }

    static Optional<SourceFamily> of(Map<String, String> config) {
        String connectorClass = config.getOrDefault("connector.class", "").toLowerCase(Locale.ROOT);
        for (SourceFamily family : values()) {
            if (family.classMarkers.stream().anyMatch(connectorClass::contains)) {
                return Optional.of(family);
            }
        }
        boolean looksRelational = config.containsKey("database.hostname")
                || config.getOrDefault("connection.url", "").trim().toLowerCase(Locale.ROOT).startsWith("jdbc:");
        return looksRelational ? Optional.of(DATABASE) : Optional.empty();
    }

    /** Where a connector of this family reads from, or empty when its config does not say. */
    Optional<SourceOrigin> origin(Map<String, String> config) {
        Facets collected = facets.apply(config);
        if (!collected.found.containsKey(collected.declared.get(0))) {
            return Optional.empty();
        }
        return Optional.of(new SourceOrigin(system, collected.found));
    }

    /** Collects one family's facets from a config, in the family's order, leaving out those it does not name. */
    private static final class Facets {

        private final Map<String, String> config;
        private final List<String> declared = new ArrayList<>();
        private final Map<String, NameSet> found = new LinkedHashMap<>();

        Facets(Map<String, String> config) {
            this.config = config;
        }

        Facets exact(String facet, String key) {
            List<String> values = config.containsKey(key) ? List.of(config.get(key)) : List.of();
            return put(facet, NameSet.exact(values));
        }

        Facets ignoringCase(String facet, String key) {
            return put(facet, NameSet.ignoringCase(NameSet.split(config.get(key))));
        }

        Facets identifiers(String facet, List<String> keys, String... connectionKeys) {
            List<String> names = listed(keys);
            for (String key : connectionKeys) {
                String database = parsed(key).map(ConnectionString::database).orElse(null);
                if (database != null && !database.isBlank()) {
                    names.add(database);
                }
            }
            return put(facet, NameSet.identifiers(names));
        }

        Facets hosts(String facet, List<String> keys, String... connectionKeys) {
            List<String> hosts = listed(keys);
            for (String key : connectionKeys) {
                parsed(key).ifPresent(connection -> hosts.addAll(connection.hosts()));
            }
            return put(facet, NameSet.ignoringCase(hosts));
        }

        Facets ports(String facet, List<String> keys, String connectionKey) {
            List<String> ports = listed(keys);
            parsed(connectionKey).map(ConnectionString::port).ifPresent(ports::add);
            return put(facet, NameSet.exact(ports));
        }

        Facets endpoint(String facet, String... keys) {
            List<String> endpoints = new ArrayList<>();
            for (String key : keys) {
                parsed(key).map(ConnectionString::endpoint).ifPresent(endpoints::add);
            }
            return put(facet, NameSet.exact(endpoints));
        }

        private List<String> listed(List<String> keys) {
            List<String> values = new ArrayList<>();
            keys.forEach(key -> values.addAll(NameSet.split(config.get(key))));
            return values;
        }

        private Optional<ConnectionString> parsed(String key) {
            String value = config.get(key);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(ConnectionString.parse(value));
        }

        private Facets put(String facet, NameSet names) {
            declared.add(facet);
            if (!names.isEmpty()) {
                found.put(facet, names);
            }
            return this;
        }
    }
}
