package ccc.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a source connector reads from: a system (a database, a file, a bucket...) and the facets
 * that place it there, the first of which (host, path, bucket...) is always present. Two origins
 * are the same place when they are of one system and every facet both name overlaps; a facet only
 * one of them names does not tell them apart (no port is the default port, no table list is every
 * table), because a wrong "not the same data" costs re-delivered or lost records.
 */
record SourceOrigin(String system, Map<String, NameSet> facets) {

    SourceOrigin {
        facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets));
    }

    Optional<String> sharedWith(SourceOrigin other) {
        if (!system.equals(other.system)) {
            return Optional.empty();
        }
        List<String> shared = new ArrayList<>();
        for (Map.Entry<String, NameSet> facet : facets.entrySet()) {
            NameSet theirs = other.facets.get(facet.getKey());
            if (theirs == null) {
                continue;
            }
            Optional<String> common = facet.getValue().sharedWith(theirs);
            if (common.isEmpty()) {
                return Optional.empty();
            }
            shared.add(facet.getKey() + " " + common.get());
        }
        return Optional.of("both read from the same " + system + ": " + String.join(", ", shared));
    }
}
