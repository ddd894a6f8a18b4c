package ccc.testing;

import ccc.cli.CliContext;
import ccc.cli.Main;
import ccc.secret.SecretRegistry;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/** Runs ccc in-process, as a user would from a shell without a terminal, and captures what it prints. */
public final class Cli {

    /** What one run returned and printed. */
    public record Result(int exitCode, String out, String err) {

        /** Standard output and standard error together, for "does it say X anywhere". */
        public String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    /** {@code command --root root extra...}, as in a shell without a terminal. */
    public static Result inRoot(String command, java.nio.file.Path root, String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = command;
        args[1] = "--root";
        args[2] = root.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return run(args);
    }

    public static Result run(String... args) {
        return run(Map.of(), "", args);
    }

    public static Result run(Map<String, String> env, String stdin, String... args) {
        return run(env, false, stdin, args);
    }

    /** As if on a terminal (terminal true) or in a pipe or CI job (false). */
    public static Result run(Map<String, String> env, boolean terminal, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin)), env, terminal, new SecretRegistry());
        int exit = Main.run(args, context);
        return new Result(exit, out.toString(), err.toString());
    }
}
