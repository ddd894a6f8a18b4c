package ccc.plan;

import ccc.config.DeclaredState;
import java.util.List;

/**
 * What happens to one connector. {@code state} is the state it must end in (null for delete and
 * orphan); {@code renamedFrom} names the connector a create takes over, when it is a rename.
 */
public record Action(ActionType type, String connector, String directory, List<Change> changes,
                     DeclaredState state, String renamedFrom) {

    public Action {
        changes = List.copyOf(changes);
    }

    public Action as(ActionType other) {
        return new Action(other, connector, directory, changes, state, renamedFrom);
    }

    public Action renamedFrom(String previous) {
        return new Action(type, connector, directory, changes, state, previous);
    }
}
