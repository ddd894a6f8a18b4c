package ccc.cli;

import ccc.config.SourceDocument;
import ccc.CccException;
import ccc.config.Problem;
import ccc.config.Workspace;
import ccc.engine.HealthCheck;
import ccc.output.AlertReport;
import ccc.output.Console;
import ccc.output.Json;
import ccc.output.Markdown;
import ccc.targets.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "alert", mixinStandardHelpOptions = true,
        description = "The scheduled check of one environment: is every managed connector running (as 'ccc status'), "
                + "and does the cluster match the repository (as 'ccc plan --detailed-exitcode')? Exits 0 when "
                + "healthy, 1 when not or when the check itself failed. For a workflow, it writes the GitHub issue "
                + "to open or update (or, once healthy, the comment that closes it) and a chat message when there "
                + "is news.",
        footerHeading = "%nExamples:%n",
        footer = {"  ccc alert --env prod",
                "  ccc alert --env prod --previous open-issue.md --issue-title title.txt --issue-body body.md \\",
                "            --webhook-payload webhook.json"})
final class AlertCommand extends CommandSupport {

    @Mixin
    RootOption root;

    @Mixin
    OutputOptions output;

    @Mixin
    EnvironmentOption environment;

    @Option(names = "--previous", paramLabel = "FILE",
            description = "The body of the alert issue still open for the environment (absent or empty: none is open).")
    Path previous;

    @Option(names = "--issue-title", paramLabel = "FILE", description = "Write the issue's title here (when unhealthy).")
    Path issueTitle;

    @Option(names = "--issue-body", paramLabel = "FILE",
            description = "Write the issue's body here (marked <!-- ccc-alert:ENV -->) when unhealthy; when healthy "
                    + "and an issue is open (--previous), the comment that closes it.")
    Path issueBody;

    @Option(names = "--webhook-payload", paramLabel = "FILE",
            description = "Write a chat message ({\"text\": ...}, for Slack and Teams webhooks) here when there is news: "
                    + "a first or a different finding, or recovery from the open issue's.")
    Path webhookPayload;

    @Override
    public Integer call() {
        Console console = console(output);
        String env = environment.name;
        Workspace workspace = load(root, env);
        HealthCheck.Result result;
        if (workspace.config() == null) {
            result = HealthCheck.failed(env, null, workspace.errors().stream().findFirst().map(Problem::sentence)
                    .orElse("ccc.yaml cannot be loaded"));
        } else {
            try {
                Session session = session(workspace, env, false);
                result = HealthCheck.run(workspace, env, session, context().secrets());
            } catch (CccException e) {
                result = HealthCheck.failed(env, null, e.getMessage());
            }
        }
        AlertReport report = new AlertReport(result, Instant.now(), runUrl(), previousBody());
        console.emit(output.format, report);
        Markdown md = new Markdown(context().secrets());
        if (!report.healthy() && issueTitle != null) {
            console.writeFile(issueTitle, report.title() + "\n");
        }
        if (issueBody != null && (!report.healthy() || report.previousBody() != null)) {
            console.writeFile(issueBody, report.markdown(md));
        }
        if (webhookPayload != null && report.worthTelling()) {
            console.writeFile(webhookPayload, Json.write(Json.scrubbed(report.webhook(), context().secrets())) + "\n");
        }
        return report.healthy() ? ExitCode.OK : ExitCode.ERROR;
    }

    private String previousBody() {
        if (previous == null || !Files.isRegularFile(previous)) {
            return null;
        }
        try {
            String body = Files.readString(previous, StandardCharsets.UTF_8);
            return body.isBlank() ? null : body;
        } catch (IOException e) {
            throw new CccException("cannot read the open issue's body " + previous + ": " + SourceDocument.reason(e), e);
        }
    }
}
