package ccc.cli;

import ccc.CccException;
import ccc.output.Text;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** Entry point: builds the command line and maps every failure to an exit code and one message. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, CliContext.system()));
    }

    /** Credentials that may sit in the environment: masked in every output from the first line on. */
    static final List<String> SECRET_VARIABLES = List.of("CONFLUENT_CLOUD_API_SECRET", "VAULT_TOKEN",
            "VAULT_SECRET_ID", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "CCC_DIGEST_KEY", "KAFKA_API_SECRET",
            "SCHEMA_REGISTRY_API_SECRET");

    public static int run(String[] args, CliContext context) {
        SECRET_VARIABLES.forEach(name -> context.secrets().register(context.env(name)));
        // A secured worker's password, one variable per environment (CCC_CONNECT_PASSWORD_LOCAL).
        context.env().keySet().stream().filter(name -> name.startsWith("CCC_CONNECT_PASSWORD_"))
                .forEach(name -> context.secrets().register(context.env(name)));
        CccCommand top = new CccCommand(context);
        CommandLine commandLine = new CommandLine(top);
        Commands.register(commandLine, args);
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpAutoWidth(true);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + context.secrets().scrub(e.getMessage()));
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return ExitCode.USAGE;
        });
        boolean debugAnywhere = java.util.Arrays.asList(args).contains("--debug");
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) ->
                handle(e, top.debug() || debugAnywhere, context));
        return commandLine.execute(args);
    }

    static int handle(Exception e, boolean debug, CliContext context) {
        PrintWriter err = context.err();
        if (e instanceof CccException failure) {
            err.println("error: " + Text.paragraph(context.secrets().scrub(failure.getMessage()), context.width(), "  "));
            if (debug && failure.getCause() != null) {
                err.println(Text.escapeKeepingLines(context.secrets().scrub(stackTrace(failure))));
            }
            err.flush();
            return failure.kind().exitCode;
        }
        err.println("error: unexpected failure: " + Text.escape(context.secrets().scrub(String.valueOf(e))));
        if (debug) {
            err.println(Text.escapeKeepingLines(context.secrets().scrub(stackTrace(e))));
        } else {
            err.println("Run again with --debug for details, and report it if it persists.");
        }
        err.flush();
        return ExitCode.ERROR;
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
