package ccc.config;

/** Where in a file something is: line and column (1-based, 0 when unknown) and a JSON pointer. */
public record Location(int line, int column, String pointer) {

    public static final Location NONE = new Location(0, 0, "");

    public static Location pointer(String pointer) {
        return new Location(0, 0, pointer);
    }

    public Location withPointer(String newPointer) {
        return new Location(line, column, newPointer);
    }

    /** "12:5 (/config_nonsensitive/topics)", "12:5", "/name" or "" as much as is known. */
    public String describe() {
        String position = line > 0 ? line + ":" + column : "";
        if (pointer == null || pointer.isEmpty()) {
            return position;
        }
        return position.isEmpty() ? pointer : position + " (" + pointer + ")";
    }
}
