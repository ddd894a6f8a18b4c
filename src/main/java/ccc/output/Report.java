package ccc.output;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a command prints, in each of the three --output formats. A command builds one report and
 * hands it to {@link Console#emit}, which picks the format: no command switches on it.
 */
public interface Report {

    /**
     * For a person at a terminal; styled through the console (colour only where enabled), and every
     * name, value or message from outside ccc shown through {@link Console#value}.
     */
    String text(Console console);

    /** The machine-readable contract: a document that starts with format_version. */
    ObjectNode json();

    /** For a pull-request comment or a job summary; every outside text through {@code markdown}. */
    String markdown(Markdown markdown);
}
