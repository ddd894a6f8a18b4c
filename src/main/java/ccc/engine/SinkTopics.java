package ccc.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The topics a sink reads, from its {@code topics} list or its {@code topics.regex}: which of an
 * old connector's topic-partition offsets a new sink can use.
 */
public record SinkTopics(Set<String> topics, Pattern regex) {

    public static SinkTopics of(Map<String, String> config) {
        Set<String> topics = Arrays.stream(config.getOrDefault("topics", "").split(","))
                .map(String::trim).filter(topic -> !topic.isEmpty()).collect(Collectors.toSet());
        Pattern regex = null;
        String expression = config.get("topics.regex");
        if (expression != null && !expression.isBlank()) {
            try {
                regex = Pattern.compile(expression.trim());
            } catch (PatternSyntaxException e) {
                regex = null;
            }
        }
        return new SinkTopics(Set.copyOf(topics), regex);
    }

    public boolean reads(String topic) {
        return topic != null && (topics.contains(topic) || (regex != null && regex.matcher(topic).matches()));
    }
}
