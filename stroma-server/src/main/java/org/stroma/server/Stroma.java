package org.stroma.server;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import org.stroma.server.app.AnalysisPlanService;
import org.stroma.server.app.CaptureService;
import org.stroma.server.app.ManufacturingService;
import org.stroma.server.app.MonitoringService;
import org.stroma.server.app.ConductService;
import org.stroma.server.app.ExportService;
import org.stroma.server.app.RegistryService;
import org.stroma.server.app.StudyService;
import org.stroma.server.auth.Authenticator;
import org.stroma.server.http.Services;
import org.stroma.server.http.StromaServer;
import org.stroma.store.Database;
import org.stroma.store.conduct.ConductStore;
import org.stroma.store.study.StudyStore;
import org.stroma.store.study.StudySummary;
import org.stroma.store.user.UserStore;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.randomization.RandomSource;

/** Stroma assembled: the stores over one database, the services over the stores, the server over the services. */
public final class Stroma {
    private Stroma() {
    }

    public static Services services(Database db, Clock clock) {
        return services(db, clock, RandomSource.secure());
    }

    /** The services with their randomness given: a simulation draws from a seeded source, so a seed repeats it. */
    public static Services services(Database db, Clock clock, RandomSource random) {
        StudyStore studies = new StudyStore(db);
        return services(db, clock, studies, new ConductStore(db, studies, random), null);
    }

    /** The services with the registry index of {@code registry} (a folder) beside the studies. */
    public static Services services(Database db, Clock clock, Path registry) {
        StudyStore studies = new StudyStore(db);
        return services(db, clock, studies, new ConductStore(db, studies, RandomSource.secure()), registry);
    }

    private static Services services(Database db, Clock clock, StudyStore studies, ConductStore conduct,
            Path registry) {
        UserStore users = new UserStore(db);
        Authenticator auth = new Authenticator(users, clock);
        CaptureService capture = new CaptureService(conduct, auth, clock);
        return new Services(auth, new StudyService(studies, users, conduct, clock),
                new ConductService(studies, conduct, ConceptDictionary.standard(), auth, clock),
                new ManufacturingService(conduct, clock), capture, new MonitoringService(conduct, capture, clock),
                new AnalysisPlanService(conduct, auth, clock),
                new ExportService(studies, conduct, clock), new RegistryService(studies, registry));
    }

    /**
     * The server, once every running trial has been rebuilt from its events: after a restart the first requests do
     * not wait for the replay of a whole trial. {@code registry} is the registry index's folder (related trials).
     */
    public static StromaServer serve(Database db, int port, Path registry) throws SQLException {
        StudyStore studies = new StudyStore(db);
        ConductStore conduct = new ConductStore(db, studies, RandomSource.secure());
        for (StudySummary study : studies.studies()) {
            if (study.publishedVersion() == 0) {
                continue;
            }
            try {
                conduct.read(study.id(), t -> null);
            } catch (RuntimeException notRunning) {
                // written under older rules: said when the study is opened
            }
        }
        return StromaServer.start(services(db, Clock.systemUTC(), studies, conduct, registry), port);
    }
}
