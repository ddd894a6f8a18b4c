package ccc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Parameters;

/**
 * {@code ccc completion bash|zsh}: a completion script made from the command tree. Subcommands, options and the
 * values of enumerated options are in the script; environment names, connector names and templates are read when
 * they are completed, from ccc.yaml and the connector directories of the --root on the line, by the hidden
 * {@code ccc __complete} ({@link CompleteCommand}): no network, nothing to regenerate when a connector is added.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script for bash or zsh: commands, options, their values, and the "
                + "environment and connector names of the config repository (read from ccc.yaml and the connector "
                + "directories when you press TAB; no network).",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(ccc completion bash)       # in ~/.bashrc",
                "  source <(ccc completion zsh)        # in ~/.zshrc"})
final class CompletionCommand extends CommandSupport {

    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        String script = script(spec.root().commandLine());
        if (shell == Shell.zsh) {
            script = "#!/usr/bin/env zsh\n# ccc completion for zsh, through its bash compatibility (bashcompinit).\n"
                    + "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        context().out().print(script);
        context().out().flush();
        return ExitCode.OK;
    }

    /** What completes a value or a positional: a kind the script knows, or "words:a b c". */
    private static final String ENVS = "envs";
    private static final String NAMES = "names";
    private static final String FILES = "files";
    private static final String DIRS = "dirs";
    private static final String TEMPLATES = "templates";
    private static final String NONE = "none";

    /** The bash completion function for the whole command tree under {@code top}. */
    static String script(CommandLine top) {
        Map<String, CommandLine> commands = new LinkedHashMap<>();
        collect("", top, commands);
        StringBuilder spec = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (Map.Entry<String, CommandLine> entry : commands.entrySet()) {
            String path = entry.getKey();
            CommandSpec command = entry.getValue().getCommandSpec();
            List<String> subs = command.subcommands().entrySet().stream()
                    .filter(sub -> !sub.getValue().getCommandSpec().usageMessage().hidden())
                    .filter(sub -> sub.getKey().equals(sub.getValue().getCommandName()))
                    .map(Map.Entry::getKey).toList();
            List<String> offered = new ArrayList<>();
            List<String> valued = new ArrayList<>();
            for (OptionSpec option : command.options()) {
                if (!option.hidden()) {
                    offered.addAll(List.of(option.names()));
                    if (option.negatable()) {
                        for (String name : option.names()) {
                            String negated = command.negatableOptionTransformer().makeNegative(name, command);
                            if (!negated.equals(name)) {
                                offered.add(negated);
                            }
                        }
                    }
                }
                if (option.arity().max() > 0) {
                    valued.addAll(List.of(option.names()));
                    String kind = valueKind(option);
                    if (!kind.equals(NONE)) {
                        values.append("    \"").append(path).append('|')
                                .append(String.join("\"|\"" + path + "|", option.names())).append("\") echo '")
                                .append(kind).append("' ;;\n");
                    }
                }
            }
            spec.append("    \"").append(path).append("\") subs='").append(String.join(" ", subs))
                    .append("'; opts='").append(String.join(" ", offered)).append("'; valued='")
                    .append(String.join(" ", valued)).append("'; pos='").append(positionalKind(path, command, top))
                    .append("' ;;\n");
        }
        return TEMPLATE.replace("@SPEC@", spec).replace("@VALUES@", values);
    }

    private static void collect(String path, CommandLine command, Map<String, CommandLine> into) {
        if (command.getCommandSpec().usageMessage().hidden()) {
            return;
        }
        into.put(path, command);
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                collect(path.isEmpty() ? name : path + " " + name, sub, into);
            }
        });
    }

    private static String valueKind(OptionSpec option) {
        List<String> names = List.of(option.names());
        if (names.contains("--root")) {
            return DIRS;
        }
        if (names.contains("--env")) {
            return ENVS;
        }
        if (names.contains("--template")) {
            return TEMPLATES;
        }
        if (option.completionCandidates() != null) {
            return words(option.completionCandidates());
        }
        Class<?> type = option.auxiliaryTypes().length > 0 ? option.auxiliaryTypes()[0] : option.type();
        return Path.class.isAssignableFrom(type) || java.io.File.class.isAssignableFrom(type) ? FILES : NONE;
    }

    /**
     * What a command's positional parameters are: connector names for a command that takes NAME in an environment
     * (not a worker's NAME, as import and migrate take), a saved plan as well for apply, the values of an enumerated
     * one, the commands for help.
     */
    private static String positionalKind(String path, CommandSpec command, CommandLine top) {
        if (path.equals("help")) {
            return "words:" + top.getSubcommands().entrySet().stream()
                    .filter(sub -> !sub.getValue().getCommandSpec().usageMessage().hidden())
                    .map(Map.Entry::getKey).collect(Collectors.joining(" "));
        }
        for (PositionalParamSpec positional : command.positionalParameters()) {
            if (positional.hidden()) {
                continue;
            }
            boolean inEnvironment = command.findOption("--env") != null && command.findOption("--from") == null;
            if (positional.paramLabel().equals("NAME|PLANFILE")) {
                return NAMES + " " + FILES;
            }
            if (positional.paramLabel().equals("NAME") && inEnvironment) {
                return NAMES;
            }
            if (positional.completionCandidates() != null) {
                return words(positional.completionCandidates());
            }
        }
        return NONE;
    }

    private static String words(Iterable<String> candidates) {
        List<String> words = new ArrayList<>();
        candidates.forEach(word -> words.add(word.toLowerCase(Locale.ROOT)));
        return "words:" + String.join(" ", words);
    }

    private static final String TEMPLATE = """
            #!/usr/bin/env bash
            # ccc completion for bash. Load it with: source <(ccc completion bash)
            # Commands, options and their values are below; environment names, connector names and templates are read
            # from ccc.yaml and the connector directories of the --root on the line (default: connectors) when you
            # press TAB, by 'ccc __complete' (no network).

            # The command at path $1: sets subs (its subcommands), opts (its options), valued (the options that take a
            # value) and pos (what its positional parameters are).
            _ccc_spec() {
              subs=''; opts=''; valued=''; pos='none'
              case "$1" in
            @SPEC@  esac
            }

            # What the value of option $2 of the command at path $1 is.
            _ccc_value() {
              case "$1|$2" in
            @VALUES@    *) echo none ;;
              esac
            }

            _ccc() {
              local cur word path='' root='' env='' skip='' kind='' i subs opts valued pos candidates=''
              cur="${COMP_WORDS[COMP_CWORD]}"
              COMPREPLY=()
              for ((i = 1; i < COMP_CWORD; i++)); do
                word="${COMP_WORDS[i]}"
                if [ -n "$skip" ]; then
                  case "$skip" in --root) root="$word" ;; -e|--env) env="$word" ;; esac
                  skip=''
                  continue
                fi
                case "$word" in
                  --root=*) root="${word#*=}"; continue ;;
                  --env=*) env="${word#*=}"; continue ;;
                  -*)
                    _ccc_spec "$path"
                    case " $valued " in *" $word "*) skip="$word" ;; esac
                    continue ;;
                esac
                _ccc_spec "$path"
                case " $subs " in *" $word "*) path="${path:+$path }$word" ;; esac
              done
              _ccc_spec "$path"
              case "$root" in "~"/*) root="$HOME/${root#"~/"}" ;; esac
              if [ -n "$skip" ]; then
                kind="$(_ccc_value "$path" "$skip")"
              elif [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "$opts" -- "$cur"))
                return 0
              else
                kind="$pos"
                candidates="$subs"
              fi
              case " $kind " in
                *" envs "*) candidates="$candidates $(ccc __complete envs ${root:+--root "$root"} 2>/dev/null)" ;;
              esac
              case " $kind " in
                *" names "*) candidates="$candidates $(ccc __complete names ${root:+--root "$root"} ${env:+--env "$env"} 2>/dev/null)" ;;
              esac
              case " $kind " in
                *" templates "*) candidates="$candidates $(ccc __complete templates ${root:+--root "$root"} 2>/dev/null)" ;;
              esac
              case "$kind" in
                words:*) candidates="$candidates ${kind#words:}" ;;
              esac
              COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
              case " $kind " in
                *" files "*) COMPREPLY+=($(compgen -f -- "$cur")); type compopt >/dev/null 2>&1 && compopt -o filenames ;;
                *" dirs "*) COMPREPLY+=($(compgen -d -- "$cur")); type compopt >/dev/null 2>&1 && compopt -o filenames ;;
              esac
              return 0
            }

            complete -F _ccc ccc
            """;
}
