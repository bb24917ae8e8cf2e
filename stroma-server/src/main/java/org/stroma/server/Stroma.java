package org.stroma.server;

import java.time.Clock;
import org.stroma.server.app.CaptureService;
import org.stroma.server.app.ConductService;
import org.stroma.server.app.StudyService;
import org.stroma.server.auth.Authenticator;
import org.stroma.server.http.Services;
import org.stroma.server.http.StromaServer;
import org.stroma.store.Database;
import org.stroma.store.conduct.ConductStore;
import org.stroma.store.study.StudyStore;
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
        UserStore users = new UserStore(db);
        ConductStore conduct = new ConductStore(db, studies, random);
        Authenticator auth = new Authenticator(users, clock);
        return new Services(auth, new StudyService(studies, users, conduct, clock),
                new ConductService(studies, conduct, ConceptDictionary.standard(), auth, clock),
                new CaptureService(conduct, auth, clock));
    }

    public static StromaServer serve(Database db, int port) {
        return StromaServer.start(services(db, Clock.systemUTC()), port);
    }
}
