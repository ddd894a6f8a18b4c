package ccc.output;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Markdown written piece by piece that stops cleanly before it would pass a length: whatever was
 * opened (a fenced block, a details element) is still closed, and a note saying that the rest was
 * left out ends it. Used for pull-request comments, which GitHub refuses past 65,536 characters.
 * Lengths are Java string lengths (UTF-16 units), never fewer than the characters GitHub counts.
 */
final class CappedMarkdown {

    private final long limit;
    private final String note;
    private final StringBuilder out = new StringBuilder();
    private final Deque<String> closers = new ArrayDeque<>();
    private int closing;
    private boolean cut;

    /**
     * @param limit the most characters the result may have, note included
     * @param note appended when something was left out
     */
    CappedMarkdown(long limit, String note) {
        this.limit = limit;
        this.note = note;
    }

    static CappedMarkdown unlimited() {
        return new CappedMarkdown(Long.MAX_VALUE, "");
    }

    /** Appends the piece when it fits with everything still to close and the note; otherwise appends nothing more, ever. */
    boolean add(String piece) {
        return fits(piece, "") && append(piece);
    }

    /** Appends an opening whose {@code closer} {@link #close} or {@link #result} will append. */
    boolean open(String opening, String closer) {
        if (!fits(opening, closer)) {
            return false;
        }
        out.append(opening);
        closers.push(closer);
        closing += closer.length();
        return true;
    }

    /** Closes the last opening that is still open (its room was kept when it was opened). */
    void close() {
        String closer = closers.pop();
        closing -= closer.length();
        out.append(closer);
    }

    boolean cut() {
        return cut;
    }

    String result() {
        while (!closers.isEmpty()) {
            close();
        }
        return cut ? out + note : out.toString();
    }

    private boolean fits(String piece, String closer) {
        if (cut) {
            return false;
        }
        if ((long) out.length() + piece.length() + closer.length() + closing + note.length() > limit) {
            cut = true;
            return false;
        }
        return true;
    }

    private boolean append(String piece) {
        out.append(piece);
        return true;
    }
}
