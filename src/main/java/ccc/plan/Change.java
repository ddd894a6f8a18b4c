package ccc.plan;

/**
 * One changed key. A sensitive change carries neither value; {@code before} is null for an added
 * key and {@code after} null for a removed one. The pseudo-key {@code status} records a pause or
 * resume.
 */
public record Change(String key, String before, String after, boolean sensitive) {

    public static final String STATUS_KEY = "status";

    public static Change of(String key, String before, String after) {
        return new Change(key, before, after, false);
    }

    public static Change sensitive(String key) {
        return new Change(key, null, null, true);
    }
}
