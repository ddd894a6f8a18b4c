package ccc.plan;

import java.util.Locale;

/** What a plan does to one connector. */
public enum ActionType {
    CREATE("+"), UPDATE("~"), REPLACE("-/+"), DELETE("-"), PAUSE("‖"), RESUME(">"), NO_OP(" "), ORPHAN("?"),
    /**
     * A rename carried out with its offsets (--carry-offsets): the old connector paused (or
     * stopped), its offsets read, the new one created from them and verified running, the old
     * one deleted last.
     */
    MOVE(">>");

    private final String symbol;

    ActionType(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The contract's name: create, update, replace, delete, pause, resume, no-op, orphan, move. */
    public String id() {
        return this == NO_OP ? "no-op" : name().toLowerCase(Locale.ROOT);
    }

    /** True when carrying it out changes the cluster. */
    public boolean changesCluster() {
        return this != NO_OP && this != ORPHAN;
    }
}
