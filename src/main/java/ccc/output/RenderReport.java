package ccc.output;

import ccc.config.DesiredConnector;
import ccc.secret.SecretRegistry;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The final config each connector would get, sensitive values masked. */
public record RenderReport(String environment, List<DesiredConnector> connectors) implements Report {

    public RenderReport {
        connectors = List.copyOf(connectors);
    }

    /** Non-sensitive values as they are, then every sensitive key with the mask. */
    public static Map<String, String> maskedConfig(DesiredConnector connector) {
        Map<String, String> config = new LinkedHashMap<>(connector.config());
        connector.sensitive().keySet().forEach(key -> config.put(key, SecretRegistry.MASK));
        return config;
    }

    @Override
    public String text(Console console) {
        StringBuilder out = new StringBuilder();
        for (DesiredConnector connector : connectors) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(console.style(Console.Style.BOLD, "# " + console.value(connector.name()))).append('\n');
            out.append("# directory: ").append(console.value(connector.directory())).append(", environment: ")
                    .append(console.value(environment)).append(", type: ").append(connector.kind().id())
                    .append(", status: ").append(connector.state()).append('\n');
            Map<String, String> config = maskedConfig(connector);
            int width = config.keySet().stream().mapToInt(key -> console.value(key).length()).max().orElse(0);
            if (connector.needsServiceAccountLookup()) {
                width = Math.max(width, DesiredConnector.SERVICE_ACCOUNT_KEY.length());
            }
            for (Map.Entry<String, String> entry : config.entrySet()) {
                out.append(pad(console.value(entry.getKey()), width)).append(" = ")
                        .append(console.value(entry.getValue()));
                if (connector.sensitive().containsKey(entry.getKey())) {
                    out.append(console.style(Console.Style.DIM, "  (sensitive)"));
                }
                out.append('\n');
            }
            if (connector.needsServiceAccountLookup()) {
                out.append(pad(DesiredConnector.SERVICE_ACCOUNT_KEY, width)).append(" = ")
                        .append(console.style(Console.Style.DIM,
                                "(id of service account '" + console.value(connector.serviceAccount())
                                        + "', looked up online)"))
                        .append('\n');
            }
        }
        if (connectors.isEmpty()) {
            out.append("No connectors in ").append(console.value(environment)).append(".\n");
        }
        return out.toString();
    }

    @Override
    public ObjectNode json() {
        ObjectNode root = Json.document(environment);
        ArrayNode list = root.putArray("connectors");
        for (DesiredConnector connector : connectors) {
            ObjectNode node = list.addObject();
            node.put("name", connector.name());
            node.put("directory", connector.directory());
            node.put("type", connector.kind().id());
            node.put("status", connector.state().name());
            node.put("service_account", connector.serviceAccount());
            ObjectNode config = node.putObject("config");
            maskedConfig(connector).forEach(config::put);
            ArrayNode sensitive = node.putArray("sensitive_keys");
            connector.sensitive().keySet().forEach(sensitive::add);
        }
        return root;
    }

    @Override
    public String markdown(Markdown md) {
        StringBuilder out = new StringBuilder();
        for (DesiredConnector connector : connectors) {
            out.append("### ").append(md.cell(connector.name())).append(" (").append(md.cell(environment))
                    .append(")\n\n");
            out.append("Directory ").append(md.code(connector.directory())).append(", ")
                    .append(connector.kind().id()).append(", status ").append(connector.state()).append(".\n\n");
            List<List<String>> rows = new ArrayList<>();
            maskedConfig(connector).forEach((key, value) -> rows.add(List.of(md.code(key),
                    md.code(value) + (connector.sensitive().containsKey(key) ? " (sensitive)" : ""))));
            if (connector.needsServiceAccountLookup()) {
                rows.add(List.of(md.code(DesiredConnector.SERVICE_ACCOUNT_KEY),
                        "id of service account " + md.code(connector.serviceAccount())));
            }
            out.append(Markdown.table(List.of("key", "value"), rows)).append('\n');
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
