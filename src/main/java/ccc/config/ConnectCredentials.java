package ccc.config;

/**
 * HTTP Basic credentials of a self-managed Kafka Connect worker whose REST API is secured: the
 * user name as written, the password as a Vault reference. The environment variables
 * CCC_CONNECT_USERNAME_&lt;ENV&gt; and CCC_CONNECT_PASSWORD_&lt;ENV&gt; win over them.
 */
public record ConnectCredentials(String username, String passwordReference) {
}
