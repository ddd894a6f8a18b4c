package ccc.cli;

import ccc.CccException;
import ccc.client.connect.ConnectorOffsets;
import ccc.client.Poll;
import ccc.config.SourceDocument;
import ccc.engine.Runbook;
import ccc.output.Format;
import ccc.output.OffsetsMoveReport;
import ccc.output.Console;
import ccc.output.OffsetsReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "offsets", mixinStandardHelpOptions = true,
        description = "Inspect or move a connector's offsets.",
        subcommands = {OffsetsCommand.Get.class, OffsetsCommand.Set.class, OffsetsCommand.Reset.class},
        footerHeading = "%nExamples:%n",
        footer = {"  ccc offsets get --env prod peve-azure-blob-storage-sink-connector-01",
                "  ccc offsets get --env prod peve-azure-blob-storage-sink-connector-01 --output json > offsets.json",
                "  ccc offsets set --env prod peve-azure-blob-storage-sink-connector-01 --file offsets.json --yes",
                "  ccc offsets reset --env prod peve-azure-blob-storage-sink-connector-01 --yes"})
final class OffsetsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: get, set or reset");
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Show a connector's offsets (partition and position).",
            footerHeading = "%nExamples:%n",
            footer = {"  ccc offsets get --env prod peve-azure-blob-storage-sink-connector-01 --output json"})
    static final class Get extends RunbookCommand {
        @Parameters(paramLabel = "NAME", description = "The connector (name or directory name).")
        String name;

        @Override
        public Integer call() {
            Console console = open();
            String connector = runbook.resolveNames(List.of(name), runbook.cluster()).get(0);
            console.emit(output.format, new OffsetsReport(runbook.offsets(connector)));
            return ExitCode.OK;
        }
    }

    /** set and reset: print the offsets, refuse without --yes, submit, poll the request, print again. */
    @Command
    abstract static class Move extends RunbookCommand {
        @Parameters(paramLabel = "NAME", description = "The connector (name or directory name).")
        String name;

        @Option(names = "--yes", description = "Confirm: moving offsets changes where the connector reads or writes.")
        boolean yes;

        @Mixin
        WaitOptions waiting;

        abstract String request();

        abstract String describe();

        abstract Runbook.OffsetsMove submit(String connector, ConnectorOffsets before, Poll poll);

        void prepare() {
        }

        @Override
        public Integer call() {
            Console console = open();
            prepare();
            String connector = runbook.resolveNames(List.of(name), runbook.cluster()).get(0);
            ConnectorOffsets before = runbook.offsets(connector);
            if (output.format == Format.TEXT) {
                console.println("Offsets of " + connector + " before:");
                console.print(new OffsetsReport(before).text(console));
            }
            String interruption = runbook.stoppedForOffsets(connector)
                    .map(state -> "; " + OffsetsMoveReport.interruption(connector, state)).orElse("");
            if (!yes) {
                throw CccException.refused("not moving the offsets of " + connector + " (" + describe()
                        + "): this changes where it resumes" + interruption + ". Run again with --yes to confirm.");
            }
            console.info("Requested: " + describe() + interruption + "; waiting for the request to be applied...");
            Poll poll = waiting.poll(Duration.ofMinutes(5));
            Runbook.OffsetsMove move = submit(connector, before, poll);
            console.emit(output.format, new OffsetsMoveReport(environment.name, request(), move));
            if (move.timedOut()) {
                console.error("the offsets request for " + connector + " is still " + move.status().phase() + " after "
                        + poll.timeout().toSeconds() + "s; check again with 'ccc offsets get'.");
                return ExitCode.ERROR;
            }
            if (!move.status().isApplied()) {
                console.error("the offsets request for " + connector + " ended " + move.status().phase()
                        + (move.status().message() == null ? "" : ": " + move.status().message()));
                return ExitCode.ERROR;
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Move a connector's offsets to the positions in a file (the JSON that "
                    + "'offsets get --output json' prints, edited). Refuses without --yes.",
            footerHeading = "%nExamples:%n",
            footer = {"  ccc offsets set --env prod peve-x --file offsets.json --yes"})
    static final class Set extends Move {
        @Option(names = "--file", required = true, paramLabel = "FILE",
                description = "JSON with {\"offsets\": [{\"partition\": {...}, \"offset\": {...}}]}.")
        Path file;

        List<ConnectorOffsets.Entry> entries;

        @Override
        void prepare() {
            entries = readOffsets(file);
        }

        @Override
        String describe() {
            return "set " + entries.size() + " offset" + (entries.size() == 1 ? "" : "s") + " from " + file;
        }

        @Override
        String request() {
            return "set";
        }

        @Override
        Runbook.OffsetsMove submit(String connector, ConnectorOffsets before, Poll poll) {
            return runbook.setOffsets(connector, entries, before, poll);
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Reset a connector's offsets, so that it starts from scratch. Refuses without --yes.",
            footerHeading = "%nExamples:%n",
            footer = {"  ccc offsets reset --env dev peve-x --yes"})
    static final class Reset extends Move {
        @Override
        String describe() {
            return "reset all offsets";
        }

        @Override
        String request() {
            return "reset";
        }

        @Override
        Runbook.OffsetsMove submit(String connector, ConnectorOffsets before, Poll poll) {
            return runbook.resetOffsets(connector, before, poll);
        }
    }

    static List<ConnectorOffsets.Entry> readOffsets(Path file) {
        JsonNode root;
        if (!Files.exists(file)) {
            throw new CccException("no offsets file " + file + "; write one with "
                    + "'ccc offsets get --env ENV NAME --output json > " + file + "' and edit it.");
        }
        try {
            root = SourceDocument.readJson(file);
        } catch (SourceDocument.Unparseable e) {
            throw new CccException("cannot read the offsets: " + e.problem().sentence()
                    + " Write it like the output of 'ccc offsets get --output json'.");
        }
        JsonNode list = root != null && root.isObject() ? root.get("offsets") : root;
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new CccException(file + ": expected {\"offsets\": [{\"partition\": {...}, \"offset\": {...}}]} "
                    + "with at least one entry.");
        }
        List<ConnectorOffsets.Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            if (!entry.path("partition").isObject() || !(entry.path("offset").isObject() || entry.path("offset").isNull())) {
                throw new CccException(file + ": /offsets/" + i + " needs a 'partition' object and an 'offset' object.");
            }
            entries.add(new ConnectorOffsets.Entry(entry.get("partition"), entry.get("offset")));
        }
        return entries;
    }
}
