package ccc.engine.doctor;

/**
 * One prerequisite of one connector, checked.
 *
 * @param check   the kind of check, as JSON names it: service-account, role-binding, topic-exists...
 * @param subject what was checked: a topic, a subject, a key, "DeveloperRead on topic orders"...
 * @param hint    for a pass, what was found; otherwise why it failed or could not run, and what to do
 * @param fix     for a failure with an exact remedy, the command (and Terraform) that makes it pass; else null
 */
public record CheckResult(String check, String subject, CheckStatus status, String hint, Fix fix) {

    static CheckResult passed(String check, String subject, String found) {
        return new CheckResult(check, subject, CheckStatus.PASSED, found, null);
    }

    static CheckResult failed(String check, String subject, String hint, Fix fix) {
        return new CheckResult(check, subject, CheckStatus.FAILED, hint, fix);
    }

    static CheckResult failed(String check, String subject, String hint) {
        return failed(check, subject, hint, null);
    }

    static CheckResult notRun(String check, String subject, String why) {
        return new CheckResult(check, subject, CheckStatus.NOT_RUN, why, null);
    }

    static CheckResult notRun(String check, String subject, String why, Fix fix) {
        return new CheckResult(check, subject, CheckStatus.NOT_RUN, why, fix);
    }
}
