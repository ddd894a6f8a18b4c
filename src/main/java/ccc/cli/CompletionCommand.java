package ccc.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script for bash or zsh.",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(ccc completion bash)",
                "  source <(ccc completion zsh)       # in ~/.zshrc"})
final class CompletionCommand extends CommandSupport {

    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        // picocli writes a bash script; zsh runs it through its bash compatibility layer.
        String script = AutoComplete.bash("ccc", spec.root().commandLine());
        if (shell == Shell.zsh) {
            script = "# ccc completion for zsh, through bashcompinit\n"
                    + "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        context().out().print(script);
        context().out().flush();
        return ExitCode.OK;
    }
}
