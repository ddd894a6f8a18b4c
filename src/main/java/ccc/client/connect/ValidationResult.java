package ccc.client.connect;

import java.util.List;
import java.util.Map;

/** PUT /connector-plugins/{plugin}/config/validate: 200 even when invalid; errors per key. */
public record ValidationResult(int errorCount, Map<String, List<String>> errors) {

    public ValidationResult {
        errors = Map.copyOf(errors);
    }

    public boolean valid() {
        return errorCount == 0;
    }
}
