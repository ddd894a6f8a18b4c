package ccc.cli;

import ccc.CccException;
import ccc.client.HttpSettings;
import ccc.client.connect.ConnectClient;
import ccc.targets.Sessions;
import picocli.CommandLine.Option;

/** --from and its credentials: the self-managed worker that import and migrate read from. */
public final class SourceWorkerOptions {
    @Option(names = "--from", required = true, paramLabel = "URL",
            description = "The self-managed Kafka Connect worker's REST URL, e.g. http://connect.internal:8083.")
    String url;

    @Option(names = "--from-user", paramLabel = "USER",
            description = "HTTP Basic user for the worker's REST API (with --from-password-env).")
    String user;

    @Option(names = "--from-password-env", paramLabel = "VAR",
            description = "The environment variable holding the worker's REST password (never given on the command "
                    + "line).")
    String passwordVariable;

    ConnectClient open(CliContext context) {
        String password = null;
        if (passwordVariable != null) {
            password = context.env(passwordVariable);
            if (password == null) {
                throw CccException.usage("--from-password-env names " + passwordVariable + ", which is not set");
            }
            if (user == null) {
                throw CccException.usage("--from-password-env needs --from-user");
            }
        }
        return Sessions.worker(url, user, password, context.secrets(), HttpSettings.DEFAULT);
    }
}
