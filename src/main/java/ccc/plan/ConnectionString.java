package ccc.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The place a connection string names: a JDBC URL (PostgreSQL, MySQL, MariaDB, Db2, SQL Server,
 * Oracle thin), a MongoDB connection string, or an HTTP URL. Credentials and parameters are dropped
 * (they do not change where the data is), hosts and the scheme are lower-cased, the path is kept as
 * written. Parsed by hand because the plan engine uses no networking classes, and because JDBC and
 * MongoDB strings are not URIs anyway (several hosts, {@code ;databaseName=}, Oracle's {@code @}).
 *
 * @param hosts lower-cased, empty when the string names none
 * @param port the first port given, or null
 * @param path what follows the hosts up to {@code ? ; #}, without the leading slash, or ""
 * @param database the database: the first path segment, or SQL Server's {@code databaseName}, or
 *     Oracle's service name or SID; null when none is named
 */
record ConnectionString(String scheme, List<String> hosts, String port, String path, String database) {

    private static final Pattern SQL_SERVER_DATABASE = Pattern.compile("(?i);\\s*database(?:name)?\\s*=\\s*([^;]+)");
    private static final Pattern ORACLE_HOST = Pattern.compile("(?i)\\(\\s*HOST\\s*=\\s*([^)\\s]+)");
    private static final Pattern ORACLE_PORT = Pattern.compile("(?i)\\(\\s*PORT\\s*=\\s*(\\d+)");
    private static final Pattern ORACLE_SERVICE = Pattern.compile("(?i)\\(\\s*(?:SERVICE_NAME|SID)\\s*=\\s*([^)\\s]+)");

    static ConnectionString parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.regionMatches(true, 0, "jdbc:", 0, 5)) {
            value = value.substring(5);
            int at = value.indexOf('@');
            if (value.regionMatches(true, 0, "oracle:", 0, 7) && at >= 0) {
                return oracle(value.substring(at + 1));
            }
        }
        int separator = value.indexOf("://");
        if (separator < 0) {
            return new ConnectionString("", List.of(), null, "", null);
        }
        String scheme = value.substring(0, separator).toLowerCase(Locale.ROOT);
        String rest = value.substring(separator + 3);
        int authorityEnd = indexOfAny(rest, "/?;#");
        String authority = rest.substring(0, authorityEnd);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        List<String> hosts = new ArrayList<>();
        String port = null;
        for (String hostAndPort : NameSet.split(authority)) {
            int colon = hostAndPort.lastIndexOf(':');
            boolean hasPort = colon > hostAndPort.lastIndexOf(']');
            hosts.add((hasPort ? hostAndPort.substring(0, colon) : hostAndPort).toLowerCase(Locale.ROOT));
            if (hasPort && port == null) {
                port = hostAndPort.substring(colon + 1);
            }
        }
        String afterAuthority = rest.substring(authorityEnd);
        String path = "";
        if (afterAuthority.startsWith("/")) {
            path = afterAuthority.substring(1, indexOfAny(afterAuthority, "?;#"));
        }
        String database = path.isEmpty() ? null : path.split("/")[0];
        Matcher sqlServer = SQL_SERVER_DATABASE.matcher(afterAuthority);
        if (sqlServer.find()) {
            database = sqlServer.group(1).trim();
        }
        return new ConnectionString(scheme, hosts, port, path, database);
    }

    /** An HTTP endpoint as one comparable string: scheme, host, a port other than the scheme's default, path. */
    String endpoint() {
        if (hosts.isEmpty()) {
            return null;
        }
        boolean defaultPort = port == null || (scheme.equals("http") && port.equals("80"))
                || (scheme.equals("https") && port.equals("443"));
        String trimmedPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return scheme + "://" + hosts.get(0) + (defaultPort ? "" : ":" + port)
                + (trimmedPath.isEmpty() ? "" : "/" + trimmedPath);
    }

    /** {@code host:port:SID}, {@code //host:port/service}, or a {@code (DESCRIPTION=...)} block. */
    private static ConnectionString oracle(String afterAt) {
        String value = afterAt.startsWith("//") ? afterAt.substring(2) : afterAt;
        if (value.startsWith("(")) {
            return new ConnectionString("oracle", ORACLE_HOST.matcher(value).results()
                    .map(m -> m.group(1).toLowerCase(Locale.ROOT)).toList(),
                    first(ORACLE_PORT, value), "", first(ORACLE_SERVICE, value));
        }
        String[] parts = value.split("[:/?]", 4);
        String port = parts.length > 1 && parts[1].matches("\\d+") ? parts[1] : null;
        String database = parts.length > (port == null ? 1 : 2) ? parts[port == null ? 1 : 2] : null;
        return new ConnectionString("oracle", List.of(parts[0].toLowerCase(Locale.ROOT)), port, "", database);
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
