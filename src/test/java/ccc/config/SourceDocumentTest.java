package ccc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SourceDocumentTest {

    @TempDir
    Path dir;

    private Problem unparseable(Path file, boolean json) {
        SourceDocument.Unparseable e = assertThrows(SourceDocument.Unparseable.class,
                () -> {
                    if (json) {
                        SourceDocument.parseJson(file);
                    } else {
                        SourceDocument.parseYaml(file);
                    }
                });
        Problem problem = e.problem();
        assertTrue(problem.isError());
        assertEquals(file, problem.file());
        return problem;
    }

    @Test
    void jsonLocationsAreLineColumnOfTheKey() throws Exception {
        Path file = Repo.write(dir, "a.json", """
                {
                  "name": "peve-x",
                  "config_nonsensitive": {
                    "connector.class": "DatagenSource",
                    "a/b": "slash"
                  }
                }
                """);
        SourceDocument document = SourceDocument.parseJson(file);
        assertEquals(new Location(1, 1, ""), document.at(""));
        assertEquals(new Location(2, 3, "/name"), document.at("/name"));
        assertEquals(new Location(3, 3, "/config_nonsensitive"), document.at("/config_nonsensitive"));
        assertEquals(new Location(4, 5, "/config_nonsensitive/connector.class"),
                document.at("/config_nonsensitive/connector.class"));
        assertEquals(new Location(5, 5, "/config_nonsensitive/a~1b"), document.at("/config_nonsensitive/a~1b"));
        assertEquals("peve-x", document.root().path("name").asText());
    }

    @Test
    void unknownPointerFallsBackToThePointerAlone() throws Exception {
        SourceDocument document = SourceDocument.parseJson(Repo.write(dir, "a.json", "{}"));
        assertEquals(Location.pointer("/nope"), document.at("/nope"));
        assertEquals("/nope", document.at("/nope").describe());
    }

    @Test
    void yamlLocationsAreLineColumnOfTheKey() throws Exception {
        Path file = Repo.write(dir, "a.yaml", """
                # comment
                managed:
                  name_prefix: peve-
                list:
                  - one
                  - two
                """);
        SourceDocument document = SourceDocument.parseYaml(file);
        assertEquals(new Location(2, 1, "/managed"), document.at("/managed"));
        assertEquals(new Location(3, 3, "/managed/name_prefix"), document.at("/managed/name_prefix"));
        assertEquals(new Location(6, 5, "/list/1"), document.at("/list/1"));
    }

    @Test
    void anUnquotedValueIsNotEchoedInTheSyntaxError() {
        Path file = Repo.write(dir, "a.json", "{\"config_sensitive\": {\"key\": hunter2secret}}");
        SourceDocument.Unparseable error = assertThrows(SourceDocument.Unparseable.class,
                () -> SourceDocument.parseJson(file));
        assertTrue(error.problem().message().startsWith("malformed JSON: Unrecognized token (not shown)"),
                error.problem().message());
        assertFalse(error.problem().format().contains("hunter2"), error.problem().format());
        assertEquals(1, error.problem().location().line());
    }

    @Test
    void emptyFilesAreEmptyMappings() throws Exception {
        assertTrue(SourceDocument.parseYaml(Repo.write(dir, "empty.yaml", "")).root().isObject());
        assertTrue(SourceDocument.parseYaml(Repo.write(dir, "comment.yaml", "# nothing\n")).root().isObject());
        assertTrue(SourceDocument.parseJson(Repo.write(dir, "empty.json", "  \n")).root().isObject());
    }

    @Test
    void yamlScalarsKeepTheirText() throws Exception {
        SourceDocument document = SourceDocument.parseYaml(Repo.write(dir, "v.yaml", """
                int: 1000
                big: 123456789012345678901234567890
                decimal: 1.50
                bool: true
                text: "007"
                """));
        assertEquals("1000", document.scalarText("/int", document.root().get("int")));
        assertEquals("123456789012345678901234567890", document.scalarText("/big", document.root().get("big")));
        assertEquals("1.50", document.scalarText("/decimal", document.root().get("decimal")));
        assertEquals("true", document.scalarText("/bool", document.root().get("bool")));
        assertEquals("007", document.scalarText("/text", document.root().get("text")));
        assertEquals(1000, document.root().get("int").asInt(), "the tree keeps typed values for ccc.yaml");
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() {
        Path file = Repo.write(dir, "bad.json", """
                {
                  "name": "peve-x",
                  "config_nonsensitive": {
                    "a": "b",
                  }
                }
                """);
        Problem problem = unparseable(file, true);
        assertTrue(problem.message().startsWith("malformed JSON: "), problem.message());
        assertEquals(5, problem.location().line());
        assertTrue(problem.location().column() > 0);
    }

    @Test
    void duplicateJsonKeyIsReportedWhereTheSecondOneIs() {
        Path file = Repo.write(dir, "dup.json", """
                {
                  "name": "peve-x",
                  "name": "peve-y"
                }
                """);
        Problem problem = unparseable(file, true);
        assertTrue(problem.message().contains("Duplicate field 'name'"), problem.message());
        assertEquals(3, problem.location().line());
    }

    @Test
    void malformedYamlIsReportedWithLineAndColumn() {
        Path file = Repo.write(dir, "bad.yaml", """
                topic: a
                  nested: b
                """);
        Problem problem = unparseable(file, false);
        assertTrue(problem.message().startsWith("malformed YAML: "), problem.message());
        assertEquals(new Location(2, 9, ""), problem.location());
        assertEquals(file + ":2:9", problem.where());
    }

    @Test
    void yamlErrorSaysWhatIsWrongAndWhereItBegan() {
        Path file = Repo.write(dir, "flow.yaml", "a:\n  b: [\n    c: d\n    e: f\n");
        Problem problem = unparseable(file, false);
        assertEquals("malformed YAML: expected ',' or ']', but got : (while parsing a flow sequence at 2:6)",
                problem.message());
        assertEquals(new Location(4, 6, ""), problem.location());
    }

    @Test
    void tabIndentationIsReportedWhereTheTabIs() {
        Path file = Repo.write(dir, "tab.yaml", "topic: a\nextra:\n\tkey: b\n");
        Problem problem = unparseable(file, false);
        assertEquals(new Location(3, 1, ""), problem.location());
        assertTrue(problem.message().contains("(Do not use \\t(TAB) for indentation)"), problem.message());
    }

    @Test
    void unclosedQuoteSaysWhereTheQuoteIs() {
        Path file = Repo.write(dir, "quote.yaml", "topic: \"orders\nnext: b\n");
        Problem problem = unparseable(file, false);
        assertEquals("malformed YAML: found unexpected end of stream (while scanning a quoted scalar at 1:8)",
                problem.message());
    }

    @Test
    void parserMessagesAreReducedToWhatIsWrong() {
        assertEquals("unexpected content", SourceDocument.diagnose(null).text());
        assertEquals("one line", SourceDocument.diagnose("one line").text());
        SourceDocument.Diagnosis diagnosis = SourceDocument.diagnose("""
                while parsing a block mapping
                 in 'reader', line 1, column 1:
                    a: b
                    ^
                expected <block end>, but found '<block mapping start>'
                 in 'reader', line 3, column 3:
                      c: d
                      ^
                """);
        assertEquals("expected <block end>, but found '<block mapping start>' (while parsing a block mapping at 1:1)",
                diagnosis.text());
        assertEquals(new Location(3, 3, ""), diagnosis.mark());
    }

    @Test
    void duplicateYamlKeyIsAnError() {
        Path file = Repo.write(dir, "dup.yaml", "topic: a\nother: c\ntopic: b\n");
        Problem problem = unparseable(file, false);
        assertTrue(problem.message().contains("Duplicate field 'topic'"), problem.message());
        assertEquals(3, problem.location().line());
    }

    @Test
    void trailingJsonValueIsAnErrorNotIgnored() {
        Path file = Repo.write(dir, "two.json", "{\"name\": \"peve-a\"}\n{\"name\": \"peve-b\"}\n");
        Problem problem = unparseable(file, true);
        assertTrue(problem.message().startsWith("malformed JSON: "), problem.message());
        assertEquals(2, problem.location().line());
    }

    @Test
    void secondYamlDocumentIsAnErrorNotIgnored() {
        Path file = Repo.write(dir, "two.yaml", "topic: a\n---\ntopic: b\n");
        Problem problem = unparseable(file, false);
        assertTrue(problem.message().startsWith("malformed YAML: "), problem.message());
        assertTrue(problem.location().line() >= 2, problem.where());
    }

    @Test
    void yamlAliasesGiveTheAnchoredValue() throws Exception {
        SourceDocument document = SourceDocument.parseYaml(Repo.write(dir, "alias.yaml", """
                topic: &topic orders
                file: *topic
                vault: &vault {address: "https://vault:8200", auth: jwt}
                other: *vault
                merged:
                  <<: *vault
                  role: r
                """));
        assertEquals("orders", document.root().get("file").asText(), "not the anchor's name");
        assertEquals("jwt", document.root().get("other").get("auth").asText());
        assertEquals("r", document.root().get("merged").get("role").asText());
        assertEquals("https://vault:8200", document.root().get("merged").get("address").asText());
    }

    @Test
    void undefinedYamlAliasIsAnError() {
        Problem problem = unparseable(Repo.write(dir, "alias.yaml", "topic: a\nfile: *nothing\n"), false);
        assertTrue(problem.message().contains("nothing"), problem.message());
        assertEquals(2, problem.location().line());
    }

    @Test
    void oneYamlDocumentWithMarkersIsFine() throws Exception {
        SourceDocument document = SourceDocument.parseYaml(Repo.write(dir, "one.yaml", "---\ntopic: a\n...\n"));
        assertEquals("a", document.root().get("topic").asText());
    }

    @Test
    void fileThatIsNotUtf8IsNamedPlainly() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        Problem problem = unparseable(file, false);
        assertTrue(problem.message().contains("UTF-8"), problem.message());
        assertFalse(problem.format().contains("Exception"), problem.format());
    }

    @Test
    void missingFileIsAProblemNotAnException() {
        Problem problem = unparseable(dir.resolve("absent.json"), true);
        assertEquals("the file does not exist", problem.message());
        assertFalse(problem.format().contains("Exception"), problem.format());
    }

    // --- hostile files: refused quickly, with the file, the place and what to do

    /** Words that belong to the parser's code, not to the user's file. */
    private static final Pattern INTERNALS = Pattern.compile(
            "`[A-Za-z]+\\.|\\[Source|REDACTED|Feature|StreamReadConstraints|JsonToken|Base64Variant|org\\.yaml|snakeyaml|Event\\(|"
                    + "com\\.fasterxml|START_|END_(OBJECT|ARRAY)|VALUE_|FIELD_NAME|Exception");

    private Problem unparseableQuickly(Path file, boolean json) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> unparseable(file, json));
    }

    @Test
    void aFileAboveTheSizeLimitIsRefusedBeforeItIsParsed() throws IOException {
        Path file = dir.resolve("dev-vars.yaml");
        byte[] line = "key: value-that-is-long-enough-to-fill-the-file-quickly\n".getBytes();
        try (var out = Files.newOutputStream(file)) {
            for (int written = 0; written <= 10 * SourceDocument.MAX_FILE_BYTES; written += line.length) {
                out.write(line);
            }
        }
        long size = Files.size(file);
        Problem problem = unparseableQuickly(file, false);
        assertEquals(Location.NONE, problem.location());
        assertTrue(problem.message().contains(String.format(java.util.Locale.ROOT, "%,d bytes", size)), problem.message());
        assertTrue(problem.message().contains("1 MiB"), problem.message());
        assertFalse(problem.hint().isBlank());
    }

    @Test
    void aFileOfExactlyTheLimitIsRead() throws Exception {
        String start = "{\"name\": \"";
        String end = "\"}";
        Path file = Repo.write(dir, "a.json",
                start + "x".repeat(SourceDocument.MAX_FILE_BYTES - start.length() - end.length()) + end);
        assertEquals(SourceDocument.MAX_FILE_BYTES, Files.size(file));
        assertTrue(SourceDocument.parseJson(file).root().has("name"));
        Files.writeString(file, " ", java.nio.file.StandardOpenOption.APPEND);
        assertTrue(unparseable(file, true).message().contains("above the limit"));
    }

    @Test
    void aDirectoryWhereAFileShouldBeIsNamedAsSuch() throws IOException {
        Path directory = Files.createDirectories(dir.resolve("dev-vars.yaml"));
        Problem problem = unparseable(directory, false);
        assertEquals("this is a directory, not a file", problem.message());
        assertTrue(problem.hint().contains("dev-vars.yaml"), problem.hint());
    }

    @Test
    void aNamedPipeIsRefusedRatherThanReadForEver() throws Exception {
        Path fifo = dir.resolve("dev-vars.yaml");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo here");
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        assertEquals("this is not a regular file", unparseableQuickly(fifo, false).message());
    }

    @Test
    void whyAFileCannotBeReadNeverRepeatsItsPath() {
        assertEquals("permission denied", SourceDocument.reason(new java.nio.file.AccessDeniedException("/x/y")));
        assertEquals("it does not exist", SourceDocument.reason(new java.nio.file.NoSuchFileException("/x/y")));
        assertEquals("it is not a directory", SourceDocument.reason(new java.nio.file.NotDirectoryException("/x/y")));
        assertEquals("Is a directory",
                SourceDocument.reason(new java.nio.file.FileSystemException("/x/y", null, "Is a directory")));
        assertEquals("input/output error", SourceDocument.reason(new IOException("/x/y")));
    }

    @Test
    void billionLaughsFailsFastAtTheFirstNestedAlias() {
        Path file = Repo.write(dir, "bomb.yaml", """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                """);
        Problem problem = unparseableQuickly(file, false);
        assertEquals(new Location(2, 8, ""), problem.location());
        assertTrue(problem.message().contains("alias *a inside the anchored &b"), problem.message());
    }

    @Test
    void aWideAliasBombFailsFastWithTheLimitInTheMessage() {
        // 33 kB that Jackson alone expands to 45 million values: out of memory after a minute.
        Path file = Repo.write(dir, "wide.yaml", "a: &a [" + "x,".repeat(9000) + "x]\n"
                + "b: [" + "*a,".repeat(5000) + "*a]\n");
        Problem problem = unparseableQuickly(file, false);
        assertEquals(2, problem.location().line());
        assertTrue(problem.message().contains("expand to more than " + String.format("%,d", YamlGuard.MAX_ALIAS_VALUES)),
                problem.message());
        assertTrue(problem.hint().contains("alias"), problem.hint());
    }

    @Test
    void anAliasInsideAnAnchoredBlockIsRefusedRatherThanReadAsEmpty() {
        // Jackson's anchor-replaying parser records an anchored block without the aliases inside it:
        // 'c' below would silently read as [[], []].
        Path file = Repo.write(dir, "nested.yaml", "a: &a [1, 2]\nb: &b [*a, *a]\nc: [*b, *b]\n");
        Problem problem = unparseable(file, false);
        assertEquals(new Location(2, 8, ""), problem.location());
        assertFalse(INTERNALS.matcher(problem.format()).find(), problem.format());
    }

    @Test
    void aFewAliasesAreStillFine() throws Exception {
        SourceDocument document = SourceDocument.parseYaml(Repo.write(dir, "ok.yaml", """
                a: &a [1, 2]
                b: [*a, *a]
                m: &m {k: v}
                n:
                  <<: *m
                  j: w
                """));
        assertEquals("[[1,2],[1,2]]", document.root().get("b").toString());
        assertEquals("{\"k\":\"v\",\"j\":\"w\"}", document.root().get("n").toString());
    }

    @Test
    void deepYamlNestingFailsFastWhereTheLimitIsCrossed() {
        Path file = Repo.write(dir, "deep.yaml", "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        Problem problem = unparseableQuickly(file, false);
        assertEquals(1, problem.location().line());
        assertEquals(3 + SourceDocument.MAX_DEPTH, problem.location().column(), "the root mapping is a level");
        assertTrue(problem.message().contains("nested more than " + SourceDocument.MAX_DEPTH + " levels"),
                problem.message());
        assertFalse(INTERNALS.matcher(problem.format()).find(), problem.format());
    }

    @Test
    void deepJsonNestingFailsFastWhereTheLimitIsCrossed() {
        Path file = Repo.write(dir, "deep.json", "{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        Problem problem = unparseableQuickly(file, true);
        assertEquals(1, problem.location().line());
        assertTrue(problem.location().column() > SourceDocument.MAX_DEPTH, problem.where());
        assertTrue(problem.message().contains("nested more than " + SourceDocument.MAX_DEPTH + " levels"),
                problem.message());
        assertFalse(INTERNALS.matcher(problem.format()).find(), problem.format());
    }

    @Test
    void nestingWithinTheLimitIsFine() throws Exception {
        int depth = SourceDocument.MAX_DEPTH - 1;
        SourceDocument.parseYaml(Repo.write(dir, "ok.yaml", "a: " + "[".repeat(depth) + "]".repeat(depth) + "\n"));
        SourceDocument.parseJson(Repo.write(dir, "ok.json", "{\"a\": " + "[".repeat(depth) + "]".repeat(depth) + "}"));
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of("json", "{\"a\": NaN}", "not a number JSON allows"),
                Arguments.of("json", "{\"a\": Infinity}", "not a number JSON allows"),
                Arguments.of("json", "{\"a\": 1} // note", "JSON has no comments"),
                Arguments.of("json", "{\"a\": 1 /* note */}", "JSON has no comments"),
                Arguments.of("json", "{'a': 1}", "double quotes"),
                Arguments.of("json", "{a: 1}", "double quotes"),
                Arguments.of("json", "{\"a\": 'x'}", ""),
                Arguments.of("json", "{\"a\": 01}", "Leading zeroes"),
                Arguments.of("json", "{\"a\": 0x10}", ""),
                Arguments.of("json", "{\"a\": +1}", ""),
                Arguments.of("json", "{\"a\": .5}", ""),
                Arguments.of("json", "{\"a\": tru}", ""),
                Arguments.of("json", "{\"a\": \"\\q\"}", ""),
                Arguments.of("json", "{\"a\": 1,}", ""),
                Arguments.of("json", "{\"a\": [1,]}", ""),
                Arguments.of("json", "{\"a\" 1}", ""),
                Arguments.of("json", "{\"a\": 1 \"b\": 2}", ""),
                Arguments.of("json", "{\"a\":", ""),
                Arguments.of("json", "]", ""),
                Arguments.of("json", "{\"a\": " + "1".repeat(1001) + "}", ""),
                Arguments.of("yaml", "? [a]\n: b\n", "a list cannot be a key"),
                Arguments.of("yaml", "? {a: b}\n: c\n", "a mapping cannot be a key"),
                Arguments.of("yaml", "a: !!binary xx\n", "base64"),
                Arguments.of("yaml", "a: b: c\n", ""),
                Arguments.of("yaml", "- a\nb: c\n", ""),
                Arguments.of("yaml", "a: @b\n", ""),
                Arguments.of("yaml", "a: `b\n", ""),
                Arguments.of("yaml", "a: [1, 2]]\n", ""),
                Arguments.of("yaml", "a: {b\n", ""),
                Arguments.of("yaml", "a: \"x\n", ""),
                Arguments.of("yaml", "%YAML 9.9\n---\na: 1\n", ""),
                Arguments.of("yaml", "<<: 1\n", ""),
                Arguments.of("yaml", "a: " + "1".repeat(1001) + "\n", ""),
                Arguments.of("yaml", "a: *\n", "unexpected character found a line break (while scanning an alias"),
                Arguments.of("yaml", "a: &\n", "found a line break"),
                Arguments.of("yaml", "a: !!float hunter2\n", "Malformed numeric value (not shown)"));
    }

    /** Malformed files of every kind: the message says what is wrong in the user's terms, at a place. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedFiles")
    void parserMessagesCarryNoParserInternals(String format, String content, String expected) {
        Path file = Repo.write(dir, "case." + format, content);
        Problem problem = unparseable(file, format.equals("json"));
        assertFalse(INTERNALS.matcher(problem.format()).find(), problem.format());
        assertTrue(problem.location().line() > 0, problem.where());
        assertTrue(problem.message().contains(expected), problem.message());
        assertFalse(problem.message().contains(file.toString()), "the path is said once: " + problem.format());
    }

    @org.junit.jupiter.api.Test
    void aSymbolicLinkIsNotFollowedNorItsContentEchoed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path outside = java.nio.file.Files.writeString(dir.resolve("outside.txt"), "root:CANARYhash:1\n");
        java.nio.file.Path link = dir.resolve("dev-vars.yaml");
        java.nio.file.Files.createSymbolicLink(link, outside);
        SourceDocument.Unparseable e = org.junit.jupiter.api.Assertions.assertThrows(SourceDocument.Unparseable.class,
                () -> SourceDocument.parseYaml(link));
        org.junit.jupiter.api.Assertions.assertTrue(e.problem().message().contains("symbolic link"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertFalse(e.problem().toString().contains("CANARY"));
    }
}
