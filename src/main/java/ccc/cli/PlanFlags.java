package ccc.cli;

import picocli.CommandLine.Option;

/** The safety-rule overrides shared by plan and apply. */
public final class PlanFlags {
    @Option(names = "--prune",
            description = "Delete connectors under the managed prefix that are no longer in the repository.")
    boolean prune;

    @Option(names = "--allow-offset-loss",
            description = "Allow renames and replacements, which start connectors without their old offsets.")
    boolean allowOffsetLoss;

    @Option(names = "--carry-offsets",
            description = "Carry renames out as moves: pause (or stop) the old connector, read its offsets, create the "
                    + "new one from them, wait until it runs, then delete the old one. Also completes a move an "
                    + "earlier apply left half done.")
    boolean carryOffsets;

    @Option(names = "--resend-secrets",
            description = "Re-send the sensitive values of the selected connectors (after rotating a secret in Vault, "
                    + "where the cluster keeps no digest to compare).")
    boolean resendSecrets;
}
