package ccc.engine.doctor;

import ccc.config.ConnectorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * topic-exists: each topic the connector reads or writes, and its DLQ topic, exists in the cluster. A sink's
 * {@code topics.regex} and a source's {@code topic.prefix} cannot be checked precisely: ccc says how many topics
 * match now.
 */
final class TopicCheck {

    static final String ID = "topic-exists";
    private static final int SHOWN = 5;

    private final EnvironmentFacts facts;

    TopicCheck(EnvironmentFacts facts) {
        this.facts = facts;
    }

    List<CheckResult> run(ConnectorNeeds needs) {
        List<String> exact = new ArrayList<>(needs.kind() == ConnectorKind.SINK ? needs.topicsRead() : needs.topicsWritten());
        if (needs.dlqTopic() != null && !exact.contains(needs.dlqTopic())) {
            exact.add(needs.dlqTopic());
        }
        List<CheckResult> results = new ArrayList<>();
        if (exact.isEmpty() && needs.topicsRegex() == null && needs.topicPrefix() == null) {
            return results;
        }
        Fact<Set<String>> topics = facts.topics();
        for (String topic : exact) {
            if (!topics.known()) {
                results.add(CheckResult.notRun(ID, topic, topics.why()));
            } else if (topics.value().contains(topic)) {
                results.add(CheckResult.passed(ID, topic, "exists"));
            } else {
                results.add(CheckResult.failed(ID, topic, "no such topic in the cluster: create it"
                        + (topic.equals(needs.dlqTopic()) ? " (the DLQ: failed records go there)" : ""), create(topic)));
            }
        }
        if (needs.topicsRegex() != null) {
            results.add(matching("topics matching " + needs.topicsRegex(), regex(needs.topicsRegex()), topics,
                    "the sink reads"));
        }
        if (needs.topicPrefix() != null) {
            String prefix = needs.topicPrefix();
            results.add(matching("topics starting with " + prefix, topic -> topic.startsWith(prefix), topics,
                    "the source writes"));
        }
        return results;
    }

    private static Predicate<String> regex(String regex) {
        try {
            Pattern pattern = Pattern.compile(regex);
            return topic -> pattern.matcher(topic).matches();
        } catch (PatternSyntaxException e) {
            return topic -> false;
        }
    }

    private static CheckResult matching(String subject, Predicate<String> match, Fact<Set<String>> topics, String which) {
        if (!topics.known()) {
            return CheckResult.notRun(ID, subject, topics.why());
        }
        List<String> found = topics.value().stream().filter(match).sorted().toList();
        String caveat = "ccc cannot tell precisely which topics " + which;
        if (found.isEmpty()) {
            return CheckResult.notRun(ID, subject, "no topic matches now; " + caveat);
        }
        return CheckResult.passed(ID, subject, found.size() + " match now (" + String.join(", ",
                found.subList(0, Math.min(SHOWN, found.size()))) + (found.size() > SHOWN ? ", …" : "") + "); " + caveat);
    }

    /** The Confluent CLI command on Confluent Cloud; on a self-managed cluster no command ccc can know. */
    private Fix create(String topic) {
        String cluster = facts.prerequisites().kafkaClusterId();
        if (!facts.prerequisites().hasIam() || cluster == null) {
            return null;
        }
        Fact<String> crn = facts.environmentCrn();
        String environment = crn.known() ? " --environment " + crn.value().substring(crn.value().lastIndexOf('=') + 1) : "";
        return new Fix("confluent kafka topic create " + Grants.shellWord(topic) + " --cluster " + cluster + environment,
                null);
    }
}
