package ccc.client.iam;

/** A Confluent Cloud service account: its id (sa-...) and display name. */
public record ServiceAccount(String id, String displayName) {
}
