package ccc.plan;

import ccc.config.DeclaredState;
import java.util.List;

/**
 * What happens to one connector. {@code state} is the state it must end in (null for delete and
 * orphan); {@code renamedFrom} names the connector a create takes over, when it is a rename (for a
 * move: the connector whose offsets it starts from, deleted last).
 *
 * @param completesMove a move that an earlier apply began: the new connector exists already
 *     (created from the old one's offsets) and the old one is still there, paused or stopped; this
 *     apply makes the new one run and then deletes the old one
 */
public record Action(ActionType type, String connector, String directory, List<Change> changes,
                     DeclaredState state, String renamedFrom, boolean completesMove) {

    public Action {
        changes = List.copyOf(changes);
    }

    public Action(ActionType type, String connector, String directory, List<Change> changes, DeclaredState state,
                  String renamedFrom) {
        this(type, connector, directory, changes, state, renamedFrom, false);
    }

    public Action as(ActionType other) {
        return new Action(other, connector, directory, changes, state, renamedFrom, completesMove);
    }

    public Action renamedFrom(String previous) {
        return new Action(type, connector, directory, changes, state, previous, completesMove);
    }

    /** This action as a move from {@code previous}; {@code completing} when the new connector exists already. */
    public Action movedFrom(String previous, boolean completing) {
        return new Action(ActionType.MOVE, connector, directory, changes, state, previous, completing);
    }
}
