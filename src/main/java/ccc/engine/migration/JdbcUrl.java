package ccc.engine.migration;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a JDBC URL the fully-managed JDBC connectors take as separate keys: host, port,
 * database, and user and password where the URL carries them; other parameters by their own
 * names. Forms: {@code //host:port/db?k=v&...} (PostgreSQL, MySQL), {@code //host:port;k=v;...}
 * (SQL Server, database in {@code databaseName}), {@code thin:@host:port/service},
 * {@code thin:@host:port:sid} and {@code thin:@//host:port/service} (Oracle).
 */
final class JdbcUrl {

    private static final Pattern SLASHED = Pattern.compile("^//([^/:;?]+)(?::(\\d+))?(?:/([^?;]*))?(?:[?;](.*))?$");
    private static final Pattern ORACLE = Pattern.compile("(?i)^thin:@(?://)?([^:/]+)(?::(\\d+))?[:/]([^?]+)(?:\\?(.*))?$");

    private JdbcUrl() {
    }

    /** @param rest what follows {@code jdbc:database:} */
    static Map<String, String> parse(String database, String rest) {
        Map<String, String> parts = new LinkedHashMap<>();
        Matcher matcher = (database.equals("oracle") ? ORACLE : SLASHED).matcher(rest.trim());
        if (!matcher.matches()) {
            return parts;
        }
        parts.put("host", matcher.group(1));
        parts.put("port", matcher.group(2));
        String name = matcher.group(3);
        parts.put("database", name == null || name.isBlank() ? null : name);
        String parameters = matcher.group(4);
        if (parameters != null) {
            for (String parameter : parameters.split("[&;]")) {
                int equals = parameter.indexOf('=');
                if (equals <= 0) {
                    continue;
                }
                String key = parameter.substring(0, equals).trim();
                String value = URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
                switch (key.toLowerCase(Locale.ROOT)) {
                    case "user" -> parts.put("user", value);
                    case "password" -> parts.put("password", value);
                    case "databasename", "database" -> parts.put("database", value);
                    default -> parts.put(key, value);
                }
            }
        }
        return parts;
    }
}
