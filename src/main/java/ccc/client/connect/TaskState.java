package ccc.client.connect;

/** One task's status. */
public record TaskState(int id, String state, String workerId, String trace) {
}
