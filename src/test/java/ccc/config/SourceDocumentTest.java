package ccc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ccc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
