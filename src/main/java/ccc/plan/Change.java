package ccc.plan;

/**
 * One changed key. A sensitive change carries neither value, only its {@link Kind}; {@code before} is null for
 * an added key and {@code after} null for a removed one. The pseudo-key {@code status} records a pause or resume.
 */
public record Change(String key, String before, String after, boolean sensitive, Kind kind) {

    public static final String STATUS_KEY = "status";

    /** Whether the key is new, gone, or holds another value. */
    public enum Kind {
        ADDED, REMOVED, CHANGED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Change of(String key, String before, String after) {
        return new Change(key, before, after, false,
                before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED);
    }

    /** A sensitive key whose value changed (or may have: it is re-sent). */
    public static Change sensitive(String key) {
        return sensitive(key, Kind.CHANGED);
    }

    /** A sensitive key added, removed or changed: no value either way. */
    public static Change sensitive(String key, Kind kind) {
        return new Change(key, null, null, true, kind);
    }
}
