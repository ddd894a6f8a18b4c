package ccc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.secret.SecretRegistry;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A run builds only the command it invokes; what picocli shows of the others is the same as in full. */
class CommandsTest {

    private static CommandLine top(boolean stubs) {
        CliContext context = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new BufferedReader(new StringReader("")), Map.of(), false, new SecretRegistry());
        CommandLine top = new CommandLine(new CccCommand(context));
        if (stubs) {
            Commands.register(top, new String[] {"--help"});
        } else {
            CccCommand.COMMANDS.forEach(top::addSubcommand);
        }
        top.setUsageHelpAutoWidth(true);
        return top;
    }

    @Test
    void theTopLevelHelpIsTheSameWithStubsAsWithEveryCommandBuilt() {
        CommandLine stubbed = top(true);
        CommandLine full = top(false);

        assertEquals(full.getUsageMessage(), stubbed.getUsageMessage());
        assertEquals(full.getSubcommands().keySet(), stubbed.getSubcommands().keySet());
        assertEquals(CccCommand.COMMANDS.size(), stubbed.getSubcommands().size());
        assertTrue(full.getSubcommands().get("plan").getCommand() instanceof PlanCommand);
        assertTrue(!(stubbed.getSubcommands().get("plan").getCommand() instanceof PlanCommand), "plan is a stub");
    }

    @Test
    void onlyTheInvokedCommandIsBuiltInFull() {
        assertEquals(List.of(), Commands.inFull(new String[] {}));
        assertEquals(List.of(), Commands.inFull(new String[] {"--help"}));
        assertEquals(List.of(), Commands.inFull(new String[] {"--debug", "-V"}));
        assertEquals(List.of("plan"), Commands.inFull(new String[] {"plan", "--env", "dev", "peve-a"}));
        assertEquals(List.of("apply"), Commands.inFull(new String[] {"--debug", "apply", "plan.json"}));
        assertEquals(List.of("help"), Commands.inFull(new String[] {"help"}));
        assertEquals(List.of("help", "plan"), Commands.inFull(new String[] {"help", "plan"}));
    }

    @Test
    void whatCannotBeToldFromTheArgumentsBuildsEveryCommand() {
        assertNull(Commands.inFull(new String[] {"completion", "bash"}), "completion describes every command");
        assertNull(Commands.inFull(new String[] {"@arguments.txt"}), "picocli expands an @file later");
        assertNull(Commands.inFull(new String[] {"plna"}), "a misspelt command");
        assertNull(Commands.inFull(new String[] {"help", "plna"}));
    }

    @Test
    void everyCommandIsOneThatPicocliKnowsByTheNameOfItsAnnotation() {
        for (Class<?> command : CccCommand.COMMANDS) {
            String name = command.getAnnotation(Command.class).name();
            List<String> full = Commands.inFull(new String[] {name});
            assertTrue(full == null ? name.equals("completion") : full.equals(List.of(name)), name + ": " + full);
        }
    }
}
