package ccc.output;

/** The --output formats. */
public enum Format {
    TEXT, JSON, MARKDOWN
}
