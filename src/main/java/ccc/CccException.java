package ccc;

/**
 * An expected failure: something the user can fix. It carries the exit code it maps to, and its
 * message is printed as one paragraph without a stack trace.
 */
public class CccException extends RuntimeException {

    public enum Kind {
        ERROR(1), REFUSED(3), USAGE(64);

        public final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    private final Kind kind;

    public CccException(String message) {
        this(Kind.ERROR, message, null);
    }

    public CccException(Kind kind, String message) {
        this(kind, message, null);
    }

    public CccException(String message, Throwable cause) {
        this(Kind.ERROR, message, cause);
    }

    public CccException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static CccException refused(String message) {
        return new CccException(Kind.REFUSED, message);
    }

    public static CccException usage(String message) {
        return new CccException(Kind.USAGE, message);
    }
}
