package org.stroma.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.util.concurrent.Callable;
import org.stroma.store.Database;
import org.stroma.store.audit.AuditLedger;
import org.stroma.store.audit.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stroma audit verify}: walks the audit ledger's hash chain and says "intact" or where it is broken. */
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
            description = "Recompute every ledger row's hash and link; exit 1 when the chain is broken.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = database.open(); Connection c = db.connect()) {
                AuditVerification v = AuditLedger.verify(c);
                out.println("audit ledger of " + db.description() + ": " + v);
                out.flush();
                return v.intact() ? 0 : 1;
            }
        }
    }
}
