package org.stroma.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.stroma.store.Database;
import org.stroma.store.verify.AuditTrail;
import org.stroma.store.verify.AuditTrailReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code stroma audit verify}: checks the audit ledger's chain against its keys and the checkpoints kept outside the
 * database, then the study data against the ledger, and says "intact" or what was changed behind Stroma's back.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check the audit ledger.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute every ledger row's keyed hash and link, hold the chain against its signed checkpoints"
                    + " and the study data against the ledger; exit 1 when anything differs.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = database.open()) {
                AuditTrailReport v = AuditTrail.verify(db);
                out.println("audit ledger of " + db.description() + ": " + v);
                out.flush();
                return v.intact() ? 0 : 1;
            }
        }
    }
}
