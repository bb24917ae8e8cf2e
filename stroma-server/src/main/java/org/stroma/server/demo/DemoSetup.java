package org.stroma.server.demo;

import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.protocol.text.Words;
import org.stroma.server.auth.Passwords;
import org.stroma.store.study.StudyStore;
import org.stroma.store.user.Membership;
import org.stroma.store.user.UserStore;
import org.stroma.trial.masking.Role;

/**
 * A database made ready to try Stroma: the five reference trials imported, reviewed and published, and one demo
 * account per role in each of them. Site staff work at the trial's first site; "investigator2" works at its second,
 * so that site isolation can be seen. Nothing is done twice: a database that has the accounts is left as it is.
 */
public final class DemoSetup {
    public static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", Role.ADMINISTRATOR, null),
            new DemoUser("investigator", Role.INVESTIGATOR, 0),
            new DemoUser("investigator2", Role.INVESTIGATOR, 1),
            new DemoUser("coordinator", Role.COORDINATOR, 0),
            new DemoUser("celllab", Role.CELL_LAB, null),
            new DemoUser("pharmacist", Role.UNBLINDED_PHARMACIST, null),
            new DemoUser("monitor", Role.MONITOR, null),
            new DemoUser("datamanager", Role.DATA_MANAGER, null),
            new DemoUser("statistician", Role.STATISTICIAN, null),
            new DemoUser("dsmb", Role.DSMB, null));

    private DemoSetup() {
    }

    /** Whether the demo accounts exist already. */
    public static boolean isDone(UserStore users) throws SQLException {
        return users.user("admin").isPresent();
    }

    /** Imports and publishes the reference trials and creates the accounts, all with one password (salted apart). */
    public static List<String> run(StudyStore studies, UserStore users, String password) throws SQLException {
        for (DemoUser u : USERS) {
            // hashed once per account: each gets its own salt, though the demo gives them one password
            users.create("setup", u.username(), displayName(u), Passwords.hash(password),
                    u.role() == Role.ADMINISTRATOR);
        }
        List<String> ids = new ArrayList<>();
        for (ReferenceTrials.Trial t : ReferenceTrials.all()) {
            for (ImportedRecord r : new RegistryImporter().read(t.content())) {
                String study = studies.importProtocol("admin", r.protocol(), r.report()).study();
                studies.review("datamanager", study, 1);
                studies.publish("admin", study, 1);
                List<String> sites = studies.sites(study);
                for (DemoUser u : USERS) {
                    if (u.site() != null && u.site() >= sites.size()) {
                        continue; // a single-site trial has no second site
                    }
                    users.grant("admin", u.username(), new Membership(study, u.role(), u.site() == null ? null
                            : sites.get(u.site())), null, Instant.now());
                }
                ids.add(study);
            }
        }
        return ids;
    }

    private static String displayName(DemoUser u) {
        String role = Words.of(u.role());
        return "Demo " + role + (u.siteNote() == null ? "" : " (" + u.siteNote() + ")");
    }
}
