package ccc.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Registers ccc's commands with picocli. Building a command's model (its options, mixins and
 * converters, by reflection) for all of them was most of ccc's start-up before its first line
 * (issue 17): a run builds in full only the command it invokes, and for {@code help NAME} the one it
 * asks about. Every other command is registered as a stub with the name, header and description of
 * its {@code @Command}: all that the command list of {@code --help} and picocli's suggestions read. A
 * run whose command cannot be told from its arguments ({@code completion}, which describes them all,
 * an {@code @file} of arguments, a name ccc does not know) gets every command in full.
 */
final class Commands {

    private Commands() {
    }

    /** Adds every command of {@link CccCommand#COMMANDS} to {@code top}, before any setting is made on it. */
    static void register(CommandLine top, String[] args) {
        List<String> full = inFull(args);
        for (Class<?> command : CccCommand.COMMANDS) {
            Command annotation = command.getAnnotation(Command.class);
            if (full == null || full.contains(annotation.name())) {
                top.addSubcommand(command);
            } else {
                top.addSubcommand(annotation.name(), stub(annotation));
            }
        }
    }

    /** The commands to build in full: none, some, or null for all of them. */
    static List<String> inFull(String[] args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                words.add(arg);
            }
        }
        if (words.isEmpty()) {
            return List.of(); // --help, --version, or a usage error: the list of commands is enough
        }
        String invoked = words.get(0);
        if (invoked.equals("help")) {
            if (words.size() == 1) {
                return List.of("help");
            }
            return known(words.get(1)) ? List.of("help", words.get(1)) : null;
        }
        return known(invoked) && !invoked.equals("completion") ? List.of(invoked) : null;
    }

    private static boolean known(String name) {
        return CccCommand.COMMANDS.stream().anyMatch(command -> command.getAnnotation(Command.class).name().equals(name));
    }

    /** A command as the top-level help lists it, never run. */
    private static CommandLine stub(Command annotation) {
        CommandSpec spec = CommandSpec.create().name(annotation.name()).aliases(annotation.aliases());
        spec.usageMessage().header(annotation.header()).description(annotation.description())
                .hidden(annotation.hidden());
        return new CommandLine(spec);
    }
}
