package ccc.output;

import java.util.List;

/** Small helpers for GitHub-flavoured markdown tables and code. */
public final class Markdown {

    private Markdown() {
    }

    public static String cell(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("|", "\\|").replace("\n", " ");
    }

    public static String code(String text) {
        return text == null || text.isEmpty() ? "" : "`" + text.replace("`", "'") + "`";
    }

    public static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", headers)).append(" |\n");
        out.append("|").append("---|".repeat(headers.size())).append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }
}
