package ccc.engine.doctor;

import ccc.config.ConnectorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * subject-registered: a sink that reads Avro, Protobuf or JSON Schema finds the subject of each topic it reads
 * registered (TopicNameStrategy: {@code <topic>-value}, {@code <topic>-key}). A source registers its own.
 */
final class SubjectCheck {

    static final String ID = "subject-registered";

    private final EnvironmentFacts facts;

    SubjectCheck(EnvironmentFacts facts) {
        this.facts = facts;
    }

    List<CheckResult> run(ConnectorNeeds needs, String schemaType) {
        List<CheckResult> results = new ArrayList<>();
        if (needs.kind() != ConnectorKind.SINK) {
            return results;
        }
        if (needs.subjectsUnknown() != null) {
            results.add(CheckResult.notRun(ID, "subjects", needs.subjectsUnknown()));
        }
        if (needs.subjects().isEmpty()) {
            return results;
        }
        Fact<Set<String>> subjects = facts.subjects();
        for (String subject : needs.subjects()) {
            if (!subjects.known()) {
                results.add(CheckResult.notRun(ID, subject, subjects.why()));
            } else if (subjects.value().contains(subject)) {
                results.add(CheckResult.passed(ID, subject, "registered"));
            } else {
                results.add(CheckResult.failed(ID, subject, "no schema is registered under " + subject + ": register "
                        + "the schema the topic's producers write", new Fix("confluent schema-registry schema create "
                        + "--subject " + Grants.shellWord(subject) + " --schema <schema file> --type " + schemaType, null)));
            }
        }
        return results;
    }
}
