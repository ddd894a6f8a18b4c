package ccc.cli;

/** The exit codes of the contract (see the README). */
public final class ExitCode {
    public static final int OK = 0;
    public static final int ERROR = 1;
    /** Only with --detailed-exitcode: the plan has changes. */
    public static final int CHANGES = 2;
    public static final int REFUSED = 3;
    public static final int USAGE = 64;

    private ExitCode() {
    }
}
