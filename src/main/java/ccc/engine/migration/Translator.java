package ccc.engine.migration;

import ccc.config.ConnectorKind;
import ccc.config.TargetKind;
import ccc.secret.SecretLikeness;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a self-managed connector's config into what a connector file declares for one environment:
 * for Confluent Cloud the class mapped to its fully-managed name ({@link ClassMappings}) with its
 * key changes, the keys only a self-managed worker knows left out and listed; for another
 * self-managed worker the config as it is. Either way every value that may be secret moves into
 * {@code config_sensitive} as a {@code ${vault:...}} reference and its value is never written
 * anywhere, and a literal {@code ${} (a worker's config provider) is escaped as {@code $${}.
 */
public final class Translator {

    /** A key renamed or derived on the way: {@code from} the worker's key(s), {@code to} the file's. */
    public record Rename(String from, String to) {
    }

    /** A key left out, and why. */
    public record Dropped(String key, String why) {
    }

    /** A secret moved to Vault: the key, the reference the file holds, and the worker's key its value comes from. */
    public record Secret(String key, String reference, String vaultPath, String vaultKey, String fromKey, String note) {
    }

    /** What the file will say, and what changed on the way. */
    public record Translation(String connectorClass, String originalClass, ConnectorKind kind,
                              Map<String, String> nonsensitive, Map<String, String> sensitive,
                              List<Rename> renames, List<Dropped> dropped, List<Secret> secrets, List<String> notes,
                              boolean mapped) {
    }

    /**
     * Keys only a self-managed worker knows, by prefix, with why they are left out for Confluent
     * Cloud (the converters are read first: they become data formats).
     */
    static final Map<String, String> SELF_MANAGED_ONLY = orderedMap(
            "key.converter", "Cloud sets the key converter from the class's key format (input.key.format / "
                    + "output.key.format where the class offers one)",
            "value.converter.schema.registry", "Cloud connects to the environment's Schema Registry itself",
            "value.converter.basic.auth", "Cloud connects to the environment's Schema Registry itself",
            "value.converter.schemas.enable", null,
            "value.converter", "Cloud sets the value converter from the data format",
            "header.converter", "Cloud sets the header converter",
            "consumer.override.", "client overrides are Cloud's own",
            "producer.override.", "client overrides are Cloud's own",
            "admin.override.", "client overrides are Cloud's own",
            "confluent.topic.", "Cloud runs the licensed connectors with its own license topic",
            "confluent.license", "Cloud runs the licensed connectors with its own license",
            "errors.log.", "Cloud logs errors itself (and drops these keys)",
            "errors.retry.", "Cloud sets its own retry policy",
            "errors.deadletterqueue.topic.replication.factor", "Cloud creates the DLQ topic itself",
            "errors.deadletterqueue.context.headers.enable", "almost no fully-managed class defines it",
            "config.action.reload", "a worker setting",
            "storage.class", "Cloud picks the storage class",
            "store.url", "Cloud reaches the object store at its own endpoint",
            "offset.flush.", "a worker setting",
            "topic.creation.", "Cloud creates topics with its own defaults");

    /** Keys that hold secrets in the common classes, besides those whose names say so. */
    static final Set<String> SENSITIVE_KEYS = Set.of("azblob.account.name", "azblob.account.key", "azblob.sas.token",
            "aws.access.key.id", "aws.secret.access.key", "azure.datalake.gen2.access.key",
            "azure.datalake.gen2.client.key", "azure.datalake.gen2.sas.key", "azure.eventhubs.sas.key",
            "azure.servicebus.connection.string", "azure.servicebus.sas.key", "azure.search.api.key",
            "connection.password", "database.password", "function.key", "gcs.credentials.json",
            "keyfile", "snowflake.private.key", "snowflake.private.key.passphrase", "sasl.jaas.config",
            "kafka.api.key", "kafka.api.secret", "connect.cosmos.master.key");


    private final TargetKind target;
    private final VaultPaths vault;

    /**
     * @param target the kind of remote the environment is: Confluent Cloud gets the class mapping
     * @param vault where the secrets of each connector are to be kept in Vault
     */
    public Translator(TargetKind target, VaultPaths vault) {
        this.target = target;
        this.vault = vault;
    }

    /** Where the Vault secret of one connector's sensitive key lives. */
    public interface VaultPaths {
        /** The KV path (mount first) for the connector whose name without the prefix is {@code stem}. */
        String path(String stem);
    }

    /**
     * @param stem the connector's name without the environment's prefix (the directory's base)
     * @param config the worker's config, as it returned it (secrets in plain text)
     */
    public Translation translate(String stem, Map<String, String> config) {
        Map<String, String> rest = new LinkedHashMap<>(config);
        rest.remove("name");
        String originalClass = rest.getOrDefault("connector.class", "");
        ConnectorKind kind = ConnectorKind.of(rest);
        List<Rename> renames = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> secretsFound = new LinkedHashMap<>();
        boolean mapped = false;
        if (target == TargetKind.CONFLUENT_CLOUD) {
            Optional<ClassMappings.Mapping> mapping = ClassMappings.of(originalClass);
            if (mapping.isPresent()) {
                kind = mapping.get().kind();
                mapped = true;
            }
            dataFormat(rest, kind, renames, dropped);
            if (mapping.isPresent()) {
                shape(mapping.get(), rest, renames, dropped, notes, secretsFound);
            } else {
                notes.add("no fully-managed class is known for " + originalClass + ": connector.class is kept as it "
                        + "is. Pick the fully-managed class before applying (or upload it as a custom connector)");
            }
            for (String key : List.copyOf(rest.keySet())) {
                String why = selfManagedOnly(key);
                if (why != null) {
                    rest.remove(key);
                    dropped.add(new Dropped(key, why));
                }
            }
            if (!rest.containsKey("kafka.auth.mode") && !rest.containsKey("kafka.api.key")) {
                rest.put("kafka.auth.mode", "SERVICE_ACCOUNT");
                notes.add("kafka.auth.mode SERVICE_ACCOUNT: the connector reaches Kafka as the service account "
                        + "named by service_account in the vars file");
            }
        }
        Map<String, String> nonsensitive = new LinkedHashMap<>();
        Map<String, String> sensitive = new LinkedHashMap<>();
        List<Secret> secrets = new ArrayList<>();
        String path = vault.path(stem);
        for (Map.Entry<String, String> entry : rest.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (isSecret(key, value) || secretsFound.containsKey(key)) {
                String vaultKey = key.replace('.', '_');
                String reference = "${vault:" + path + "#" + vaultKey + "}";
                sensitive.put(key, reference);
                String from = secretsFound.getOrDefault(key, key);
                secrets.add(new Secret(key, reference, path, vaultKey, from, value != null && value.contains("${")
                        ? "the worker reads it through a config provider: put the real value in Vault" : null));
            } else {
                nonsensitive.put(key, value == null ? "" : value.replace("${", "$${"));
            }
        }
        String connectorClass = nonsensitive.getOrDefault("connector.class", originalClass);
        return new Translation(connectorClass, originalClass, kind, nonsensitive, sensitive, renames, dropped,
                secrets, notes, mapped);
    }

    /** A value that may be secret: by the key (a known secret key, or a name that says so) or an embedded password. */
    static boolean isSecret(String key, String value) {
        if (key.equals("connector.class") || key.equals("kafka.auth.mode")) {
            return false;
        }
        return SENSITIVE_KEYS.contains(key) || SecretLikeness.looksSecret(key, value);
    }

    private static String selfManagedOnly(String key) {
        for (Map.Entry<String, String> entry : SELF_MANAGED_ONLY.entrySet()) {
            if (key.equals(entry.getKey()) || key.startsWith(entry.getKey().endsWith(".") ? entry.getKey()
                    : entry.getKey() + ".")) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** value.converter → input.data.format (a sink) or output.data.format (a source). */
    private static void dataFormat(Map<String, String> config, ConnectorKind kind, List<Rename> renames,
                                   List<Dropped> dropped) {
        String converter = config.get("value.converter");
        if (converter == null) {
            return;
        }
        String format = formatOf(converter);
        String key = kind == ConnectorKind.SINK ? "input.data.format" : "output.data.format";
        if (format != null && !config.containsKey(key)) {
            config.put(key, format);
            renames.add(new Rename("value.converter", key));
        } else if (format == null) {
            dropped.add(new Dropped("value.converter", "no fully-managed data format is known for " + converter
                    + ": set " + key));
        }
        config.remove("value.converter");
    }

    static String formatOf(String converter) {
        String name = converter.substring(converter.lastIndexOf('.') + 1);
        return switch (name) {
            case "AvroConverter" -> "AVRO";
            case "JsonSchemaConverter" -> "JSON_SR";
            case "ProtobufConverter" -> "PROTOBUF";
            case "JsonConverter" -> "JSON";
            case "StringConverter" -> "STRING";
            case "ByteArrayConverter" -> "BYTES";
            default -> null;
        };
    }

    private static void shape(ClassMappings.Mapping mapping, Map<String, String> config, List<Rename> renames,
                              List<Dropped> dropped, List<String> notes, Map<String, String> secrets) {
        config.put("connector.class", mapping.fullyManaged());
        switch (mapping.shape()) {
            case PLAIN -> {
            }
            case STORAGE_SINK -> storageSink(config, renames, dropped);
            case JDBC -> jdbc(mapping, config, renames, dropped, notes, secrets);
            case DEBEZIUM -> {
                rename(config, "database.server.name", "topic.prefix", renames);
                for (String key : List.copyOf(config.keySet())) {
                    if (key.startsWith("database.history") || key.startsWith("schema.history.internal")) {
                        config.remove(key);
                        dropped.add(new Dropped(key, "Cloud keeps the schema history itself"));
                    }
                }
            }
            case MONGODB -> mongodb(config, renames, dropped, notes, secrets);
            case ELASTICSEARCH -> {
                if (config.remove("type.name") != null) {
                    dropped.add(new Dropped("type.name", "Elasticsearch 7 and later have no mapping types"));
                }
            }
        }
    }

    private static void storageSink(Map<String, String> config, List<Rename> renames, List<Dropped> dropped) {
        String formatClass = config.remove("format.class");
        if (formatClass != null) {
            String simple = formatClass.substring(formatClass.lastIndexOf('.') + 1);
            String format = switch (simple) {
                case "AvroFormat" -> "AVRO";
                case "JsonFormat" -> "JSON";
                case "ParquetFormat" -> "PARQUET";
                case "ByteArrayFormat" -> "BYTES";
                default -> null;
            };
            if (format != null) {
                config.put("output.data.format", format);
                renames.add(new Rename("format.class", "output.data.format"));
            } else {
                dropped.add(new Dropped("format.class", "no fully-managed output.data.format is known for "
                        + formatClass));
            }
        }
        String partitioner = config.get("partitioner.class");
        if (partitioner != null) {
            String simple = partitioner.substring(partitioner.lastIndexOf('.') + 1);
            if (simple.equals("TimeBasedPartitioner") || simple.equals("FieldPartitioner")) {
                config.put("partitioner.class", simple);
                if (!simple.equals(partitioner)) {
                    renames.add(new Rename("partitioner.class", "partitioner.class (" + simple + ")"));
                }
            } else {
                config.remove("partitioner.class");
                dropped.add(new Dropped("partitioner.class", "fully-managed storage sinks offer TimeBasedPartitioner "
                        + "(the default) and FieldPartitioner, not " + simple));
            }
        }
        String duration = config.remove("partition.duration.ms");
        if (duration != null) {
            String interval = switch (duration.trim()) {
                case "3600000" -> "HOURLY";
                case "86400000" -> "DAILY";
                default -> null;
            };
            if (interval != null && !config.containsKey("time.interval")) {
                config.put("time.interval", interval);
                renames.add(new Rename("partition.duration.ms", "time.interval"));
            } else if (interval == null) {
                dropped.add(new Dropped("partition.duration.ms", "fully-managed storage sinks partition HOURLY or "
                        + "DAILY (time.interval), not every " + duration + " ms"));
            }
        }
    }

    private static final Pattern JDBC_URL = Pattern.compile("(?i)^jdbc:([a-z0-9]+):(.*)$");

    private static void jdbc(ClassMappings.Mapping mapping, Map<String, String> config, List<Rename> renames,
                             List<Dropped> dropped, List<String> notes, Map<String, String> secrets) {
        String url = config.get("connection.url");
        Matcher matcher = url == null ? null : JDBC_URL.matcher(url.trim());
        if (matcher == null || !matcher.matches()) {
            notes.add("connection.url does not name the database: connector.class is left as "
                    + mapping.fullyManaged() + "; keep one of them");
            return;
        }
        String database = matcher.group(1).toLowerCase(Locale.ROOT);
        Map<String, String> classes = mapping.kind() == ConnectorKind.SINK ? ClassMappings.JDBC_SINKS
                : ClassMappings.JDBC_SOURCES;
        String fullyManaged = classes.get(database);
        if (fullyManaged == null) {
            notes.add("no fully-managed JDBC connector is known for jdbc:" + database + ": connector.class is kept as "
                    + mapping.selfManaged());
            config.put("connector.class", mapping.selfManaged());
            return;
        }
        config.put("connector.class", fullyManaged);
        Map<String, String> parts = JdbcUrl.parse(database, matcher.group(2));
        if (parts.get("host") == null) {
            config.remove("connection.url");
            dropped.add(new Dropped("connection.url", "host, port and database could not be read from it: set "
                    + "connection.host, connection.port and db.name"));
            return;
        }
        config.remove("connection.url");
        config.put("connection.host", parts.get("host"));
        if (parts.get("port") != null) {
            config.put("connection.port", parts.get("port"));
        }
        if (parts.get("database") != null) {
            config.put("db.name", parts.get("database"));
        }
        renames.add(new Rename("connection.url", "connection.host, connection.port, db.name"));
        if (parts.get("user") != null && !config.containsKey("connection.user")) {
            config.put("connection.user", parts.get("user"));
            renames.add(new Rename("connection.url (user)", "connection.user"));
        }
        if (parts.get("password") != null && !config.containsKey("connection.password")) {
            config.put("connection.password", parts.get("password"));
            secrets.put("connection.password", "connection.url");
            renames.add(new Rename("connection.url (password)", "connection.password"));
        }
        List<String> ignored = new ArrayList<>(parts.keySet());
        ignored.removeAll(List.of("host", "port", "database", "user", "password"));
        if (!ignored.isEmpty()) {
            notes.add("connection.url also set " + String.join(", ", new TreeMap<>(parts).keySet().stream()
                    .filter(ignored::contains).toList()) + ": check the fully-managed class's ssl.mode and "
                    + "connection settings");
        }
    }

    private static final Pattern MONGO_URI = Pattern.compile("(?i)^(mongodb(\\+srv)?)://(?:([^:@/]*)(?::([^@/]*))?@)?"
            + "([^/?]+)(/[^?]*)?(\\?.*)?$");

    private static void mongodb(Map<String, String> config, List<Rename> renames, List<Dropped> dropped,
                                List<String> notes, Map<String, String> secrets) {
        String uri = config.remove("connection.uri");
        if (uri == null) {
            return;
        }
        Matcher matcher = MONGO_URI.matcher(uri.trim());
        if (!matcher.matches()) {
            dropped.add(new Dropped("connection.uri", "not a mongodb:// or mongodb+srv:// URI: set connection.host, "
                    + "connection.user and connection.password"));
            return;
        }
        config.put("connection.host", matcher.group(5));
        config.put("mongodb.instance.type", matcher.group(2) != null ? "MONGODB_ATLAS" : "MONGODB_SELF_MANAGED");
        renames.add(new Rename("connection.uri", "connection.host, mongodb.instance.type"));
        if (matcher.group(3) != null && !matcher.group(3).isEmpty()) {
            config.put("connection.user", URLDecoder.decode(matcher.group(3), StandardCharsets.UTF_8));
            renames.add(new Rename("connection.uri (user)", "connection.user"));
        }
        if (matcher.group(4) != null) {
            config.put("connection.password", URLDecoder.decode(matcher.group(4), StandardCharsets.UTF_8));
            secrets.put("connection.password", "connection.uri");
            renames.add(new Rename("connection.uri (password)", "connection.password"));
        }
        if (matcher.group(7) != null) {
            notes.add("connection.uri's options (" + matcher.group(7).substring(1).replaceAll("(?i)password=[^&]*",
                    "password=…") + ") are not carried: check the fully-managed connector's settings");
        }
    }

    private static void rename(Map<String, String> config, String from, String to, List<Rename> renames) {
        String value = config.remove(from);
        if (value != null && !config.containsKey(to)) {
            config.put(to, value);
            renames.add(new Rename(from, to));
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
