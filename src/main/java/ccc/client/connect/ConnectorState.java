package ccc.client.connect;

/** A connector's or task's status as the Connect API reports it. */
public record ConnectorState(String state, String workerId, String trace) {

    public boolean is(String expected) {
        return expected.equalsIgnoreCase(state);
    }
}
