package ccc.engine.doctor;

/**
 * What makes a failed check pass, ready to paste: a command line (the Confluent CLI's, where there is one) and,
 * for a role binding, the Terraform resource that declares it. Either may be null.
 */
public record Fix(String command, String terraform) {
}
