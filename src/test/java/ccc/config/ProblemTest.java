package ccc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private static final Path FILE = Path.of("connectors/ccloud-x/dev-ccloud-x.json");

    @Test
    void locationDescribesWhatIsKnown() {
        assertEquals("12:5 (/config_nonsensitive/topics)", new Location(12, 5, "/config_nonsensitive/topics").describe());
        assertEquals("12:5", new Location(12, 5, "").describe());
        assertEquals("/name", Location.pointer("/name").describe());
        assertEquals("", Location.NONE.describe());
        assertEquals(new Location(3, 1, "/b"), new Location(3, 1, "/a").withPointer("/b"));
    }

    @Test
    void whereJoinsFileAndPlace() {
        assertEquals(FILE + ":12:5 (/name)", Problem.error("schema", FILE, new Location(12, 5, "/name"), "m", "").where());
        assertEquals(FILE + " /name", Problem.error("schema", FILE, Location.pointer("/name"), "m", "").where());
        assertEquals(FILE.toString(), Problem.error("schema", FILE, Location.NONE, "m", "").where());
        assertEquals("", Problem.error("schema", null, null, "m", "").where());
    }

    @Test
    void formatIsOneLineWithTheHint() {
        assertEquals("error: " + FILE + ":2:3 (/name): bad name. Fix it.",
                Problem.error("schema", FILE, new Location(2, 3, "/name"), "bad name.", "Fix it.").format());
        assertEquals("warning: " + FILE + ": unused", Problem.warning("schema", FILE, Location.NONE, "unused", null).format());
    }

    @Test
    void connectorKindFromClassOrTopics() {
        assertEquals(ConnectorKind.SINK, ConnectorKind.of(Map.of("connector.class", "AzureBlobSink")));
        assertEquals(ConnectorKind.SINK, ConnectorKind.of(Map.of("connector.class", "io.x.FileStreamSinkConnector")));
        assertEquals(ConnectorKind.SOURCE, ConnectorKind.of(Map.of("connector.class", "DatagenSource")));
        assertEquals(ConnectorKind.SINK, ConnectorKind.of(Map.of("connector.class", "Mirror", "topics.regex", "a.*")));
        assertEquals(ConnectorKind.SOURCE, ConnectorKind.of(Map.of("connector.class", "Mirror")));
        assertEquals(ConnectorKind.SOURCE, ConnectorKind.of(Map.of()));
        assertEquals("sink", ConnectorKind.SINK.id());
    }

    @Test
    void firstTopicOfAList() {
        assertEquals("a", Renderer.firstTopic(" a , b"));
        assertEquals("b", Renderer.firstTopic(", b"));
        assertEquals(null, Renderer.firstTopic(" , "));
        assertEquals(null, Renderer.firstTopic(null));
    }
}
