package ccc.client.iam;

/**
 * A Confluent Cloud role binding: {@code principal} (User:sa-...) holds {@code roleName} on what
 * {@code crnPattern} names; a pattern ending in {@code *} binds every resource whose name starts
 * with what precedes it (a prefix binding).
 */
public record RoleBinding(String id, String principal, String roleName, String crnPattern) {
}
