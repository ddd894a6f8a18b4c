package ccc.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ccc sandbox status}: whether the sandbox runs, and whether its worker answers and its broker listens.
 *
 * @param pid 0 when no sandbox runs
 * @param phase the sandbox's own word for how far its start got ("ready" once it is)
 * @param connectors how many connectors the worker holds, -1 when it does not answer
 * @param log the sandbox's log file, as shown
 * @param upCommand the command that starts it, for the text when none runs
 */
public record SandboxStatusReport(long pid, Instant since, String phase, String connectUrl, int connectors,
                                  int kafkaPort, boolean brokerListening, String log, String upCommand)
        implements Report {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    public boolean running() {
        return pid > 0;
    }

    public boolean healthy() {
        return running() && connectors >= 0 && brokerListening;
    }

    private String headline() {
        if (!running()) {
            return "No sandbox is running.";
        }
        return "Sandbox running (pid " + pid + (since == null ? "" : ", since " + TIME.format(since)) + "): "
                + (healthy() ? "ready" : "not ready (" + phase + ")") + ".";
    }

    private String connectState() {
        return connectors < 0 ? "not answering"
                : "answering, " + connectors + " connector" + (connectors == 1 ? "" : "s");
    }

    private String brokerState() {
        return brokerListening ? "listening" : "not listening";
    }

    @Override
    public String text(Console console) {
        if (!running()) {
            return headline() + " Start it with '" + upCommand + "'.\n";
        }
        return headline() + "\n"
                + "  Kafka Connect  " + console.value(connectUrl) + "   " + connectState() + "\n"
                + "  Kafka broker   127.0.0.1:" + kafkaPort + "   " + brokerState() + "\n"
                + "  log            " + console.value(log) + "\n";
    }

    @Override
    public ObjectNode json() {
        ObjectNode json = Json.document();
        json.put("running", running());
        json.put("healthy", healthy());
        if (running()) {
            json.put("pid", pid);
            json.put("since", since == null ? null : since.toString());
            json.put("phase", phase);
            json.put("connect_url", connectUrl);
            json.put("connect_answering", connectors >= 0);
            json.put("connectors", Math.max(connectors, 0));
            json.put("kafka_bootstrap", "127.0.0.1:" + kafkaPort);
            json.put("kafka_listening", brokerListening);
        }
        json.put("log", log);
        return json;
    }

    @Override
    public String markdown(Markdown md) {
        StringBuilder out = new StringBuilder("### ccc sandbox status\n\n").append(md.cell(headline())).append("\n");
        if (running()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("Kafka Connect", md.code(connectUrl), connectState()));
            rows.add(List.of("Kafka broker", md.code("127.0.0.1:" + kafkaPort), brokerState()));
            rows.add(List.of("log", md.code(log), ""));
            out.append('\n').append(Markdown.table(List.of("", "where", "state"), rows));
        }
        return out.toString();
    }
}
