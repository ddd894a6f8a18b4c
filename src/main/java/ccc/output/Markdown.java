package ccc.output;

import ccc.secret.SecretRegistry;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub-flavoured markdown for text ccc did not write itself. Each value is scrubbed of secrets
 * first, then escaped for where it goes (the order JSON output uses too), so that neither a secret
 * nor a value's own markdown, pipes, backticks or control characters can leak, break a table, close
 * a code span or block, or hide what follows.
 */
public final class Markdown {

    private static final Pattern ACTIVE = Pattern.compile("[\\\\`*_\\[\\]<>|~&]");
    private static final Pattern PIPE = Pattern.compile("(\\\\*)\\|");
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private final SecretRegistry secrets;

    public Markdown(SecretRegistry secrets) {
        this.secrets = secrets;
    }

    /**
     * Inline text, in a table cell or a sentence: every character markdown or HTML would act on is
     * backslash-escaped (a pipe cannot end the cell, {@code <!--} cannot hide the rest of a comment,
     * a mask of asterisks is not emphasis). Null is empty.
     */
    public String cell(String text) {
        return text == null ? "" : ACTIVE.matcher(plain(text)).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }

    /**
     * Inline code that shows the value as it is: delimited by more backticks than it holds, and with
     * its pipes escaped for a table (GitHub removes the escape inside a cell). Empty for null or "".
     */
    public String code(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String value = PIPE.matcher(plain(text)).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + m.group(1) + "\\|"));
        String fence = "`".repeat(longestRun(value) + 1);
        boolean pad = value.startsWith("`") || value.endsWith("`");
        return fence + (pad ? " " + value + " " : value) + fence;
    }

    /** A link to a GitHub Actions run: "[workflow run 4242](url)". */
    public String runLink(String runUrl) {
        return "[workflow run " + cell(runUrl.substring(runUrl.lastIndexOf('/') + 1)) + "](" + url(runUrl) + ")";
    }

    /** A URL as a markdown link target: nothing in it can end the link or start markup. */
    public static String url(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E");
    }

    /** For a fenced code block: secrets masked and control characters escaped, nothing else. */
    public String plain(String text) {
        return Text.escape(secrets.scrub(text));
    }

    /** A fenced code block that no line of its body can close. */
    public static String fenced(String info, String body) {
        String fence = fence(body);
        return fence + info + "\n" + body + (body.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    /** The backticks that open and close a fenced block no line of the body can close. */
    static String fence(String body) {
        return "`".repeat(Math.max(3, longestRun(body) + 1));
    }

    public static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", headers)).append(" |\n");
        out.append("|").append("---|".repeat(headers.size())).append('\n');
        rows.forEach(row -> out.append(row(row)));
        return out.toString();
    }

    /** One row of a table, its line break included. */
    public static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static int longestRun(String text) {
        int longest = 0;
        Matcher run = BACKTICKS.matcher(text);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        return longest;
    }
}
