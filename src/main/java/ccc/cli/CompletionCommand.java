package ccc.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script for bash or zsh.",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(ccc completion bash)",
                "  ccc completion zsh > \"${fpath[1]}/_ccc\""})
final class CompletionCommand extends CommandSupport {

    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        // picocli's script serves both: under zsh it loads bashcompinit itself.
        String script = AutoComplete.bash("ccc", spec.root().commandLine());
        context().out().print(script);
        context().out().flush();
        return ExitCode.OK;
    }
}
