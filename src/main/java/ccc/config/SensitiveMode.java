package ccc.config;

import java.util.Locale;

/** How a plan decides whether a sensitive value changed, given that the cloud never returns one. */
public enum SensitiveMode {
    /** Compare keyed digests that ccc keeps in a config key of its own. */
    DIGEST,
    /** Never compare: re-send every sensitive value on every apply (plans never converge to no-op). */
    RESEND,
    /** Never compare: only a sensitive key added or removed counts as a change. */
    IGNORE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
