package org.stroma.store.conduct;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.stroma.protocol.Protocol;
import org.stroma.store.Database;
import org.stroma.trial.refusal.NotFoundException;
import org.stroma.store.StoreJson;
import org.stroma.store.audit.Change;
import org.stroma.store.study.ProtocolVersion;
import org.stroma.store.study.StudyStore;
import org.stroma.trial.capture.Casebook;
import org.stroma.trial.capture.FormLibrary;
import org.stroma.trial.capture.FormPlan;
import org.stroma.trial.conduct.Randomization;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.design.Assumption;
import org.stroma.trial.design.DesignReader;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.plan.AnalysisPlan;
import org.stroma.trial.plan.PlanDerivation;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.LotInventory;
import org.stroma.trial.product.ReleaseSpecification;
import org.stroma.trial.randomization.RandomSource;
import org.stroma.trial.schedule.PlannedVisit;
import org.stroma.trial.schedule.SchedulePlanner;
import org.stroma.trial.subject.Subject;

/**
 * The running trials, kept in the database as the events of their conduct and in memory as {@link TrialConduct}s
 * rebuilt from them. A change to a study is made under the study's row lock: the trial first takes in any event
 * another process wrote, the domain decides, and the event, the tables it changes and its audit row commit together.
 * If anything fails the trial in memory is dropped and rebuilt from the database when next asked for, so memory never
 * holds what the database does not.
 */
public final class ConductStore {
    /** The rules events are written under now; see the V5, V9 and V10 migrations. */
    static final int RULES = 4;
    /** The rules before analysis plans were kept: replayed still, the study rebuilt without a plan (V9). */
    static final int RULES_BEFORE_PLANS = 2;
    /** The rules before a trial's event forms were its own: replayed still, with a relapse form in any trial (V10). */
    static final int RULES_BEFORE_EVENT_FORMS = 3;
    private final Database db;
    private final StudyStore studies;
    private final RandomSource random;
    private final Map<String, Loaded> trials = new ConcurrentHashMap<>();
    /** How many times a trial was rebuilt from all its events: at its first use, and after a command refused. */
    private final AtomicLong rebuilds = new AtomicLong();
    /** One lock object per study, so that one process makes one study's changes one at a time. */
    private final Map<String, Object> monitors = new ConcurrentHashMap<>();

    /** A trial in memory and the last event it has taken in. */
    private static final class Loaded {
        final TrialConduct trial;
        int seq;

        Loaded(TrialConduct trial) {
            this.trial = trial;
        }
    }

    public ConductStore(Database db, StudyStore studies, RandomSource random) {
        this.db = db;
        this.studies = studies;
        this.random = random;
    }

    /**
     * Makes one change to a study's conduct: {@code command} acts on the trial (which refuses what its rules forbid)
     * and returns the event that records what it did.
     */
    public <E extends ConductEvent> E record(String study, String actor, Function<TrialConduct, E> command)
            throws SQLException {
        return record(study, actor, t -> { }, command);
    }

    /**
     * Makes one change to a study's conduct, once {@code check} has looked at the trial as it stands (the version the
     * person made the change from, what the change is to): a check only reads, so its refusal keeps the trial in
     * memory. A refusal from {@code command} drops it, to be rebuilt from the database when next used, since the
     * command may have begun to change it; a rebuild replays every event of the study, so refusals that can be
     * decided by looking (a stale version, above all after a crash) belong in the check.
     */
    public <E extends ConductEvent> E record(String study, String actor, Consumer<TrialConduct> check,
            Function<TrialConduct, E> command) throws SQLException {
        synchronized (monitor(study)) {
            try {
                return db.write(actor, w -> {
                    Connection c = w.connection();
                    StudyStore.lockStudy(c, study);
                    Loaded loaded = caughtUp(c, study);
                    try {
                        check.accept(loaded.trial);
                    } catch (RuntimeException refused) {
                        throw new CheckRefused(refused);
                    }
                    E event = command.apply(loaded.trial);
                    // the subject's row still holds its state before the event: project() below updates it
                    String before = event.subject() == null ? null : stateOf(c, study, event.subject());
                    int seq = loaded.seq + 1;
                    String json = ConductEventJson.write(event);
                    append(c, study, seq, event, json);
                    loaded.seq = seq;
                    project(c, study, event, loaded.trial);
                    w.audit(new Change(before == null ? "create" : "change", "conduct " + event.kind(),
                            study + "#" + seq + (event.subject() == null ? "" : " " + event.subject()), before, json,
                            event.reason()));
                    return event;
                });
            } catch (CheckRefused refused) {
                throw refused.reason;
            } catch (SQLException | RuntimeException e) {
                trials.remove(study);
                throw e;
            }
        }
    }

    /** A check's refusal, carried out of the transaction (which it rolls back) to be told from a command's. */
    private static final class CheckRefused extends RuntimeException {
        final RuntimeException reason;

        CheckRefused(RuntimeException reason) {
            super(reason.getMessage(), reason, false, false);
            this.reason = reason;
        }
    }

    /**
     * Puts on record a product step the chain refused (a wrong product at the bedside): the trial does not change, but
     * the attempt (the product and the step as the store writes steps), who made it and why it was refused stay in
     * the audit ledger, which only the database's operator reads.
     */
    public void refusedStep(String study, String actor, String product, CustodyEvent step, String reason)
            throws SQLException {
        db.write(actor, w -> {
            w.audit(new Change("refuse", "conduct Custody", study, null, product + " " + ConductEventJson.write(step),
                    reason));
            return null;
        });
    }

    /** Reads from a study's trial as it stands in the database now; a query changes nothing, whatever it throws. */
    public <T> T read(String study, Function<TrialConduct, T> query) throws SQLException {
        synchronized (monitor(study)) {
            try (Connection c = db.connect()) {
                return query.apply(caughtUp(c, study).trial);
            }
        }
    }

    /** How many times a trial was rebuilt from all its events (each costs a replay of the study's whole conduct). */
    public long rebuilds() {
        return rebuilds.get();
    }

    /** Drops a study's trial from memory (its protocol has a new published version): it is rebuilt when next used. */
    public void forget(String study) {
        synchronized (monitor(study)) {
            trials.remove(study);
        }
    }

    private Object monitor(String study) {
        return monitors.computeIfAbsent(study, k -> new Object());
    }

    /**
     * The trial, having taken in every event of the study the database holds. If taking them in fails, the trial is
     * dropped, to be rebuilt from the start when next asked for.
     */
    private Loaded caughtUp(Connection c, String study) throws SQLException {
        Loaded loaded = trials.get(study);
        if (loaded == null) {
            rebuilds.incrementAndGet();
            loaded = new Loaded(fresh(study));
            trials.put(study, loaded);
        }
        try {
            takeIn(c, study, loaded);
        } catch (SQLException | RuntimeException e) {
            trials.remove(study);
            throw e;
        }
        return loaded;
    }

    private static void takeIn(Connection c, String study, Loaded loaded) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, kind, payload::text, rules FROM conduct_event"
                + " WHERE study_id = ? AND seq > ? ORDER BY seq")) {
            s.setString(1, study);
            s.setInt(2, loaded.seq);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (r.getInt(4) < RULES_BEFORE_PLANS || r.getInt(4) > RULES) {
                        throw new IllegalStateException("study " + study + " holds conduct written under older rules"
                                + " (event " + r.getInt(1) + "); this version of Stroma does not replay it, so as not"
                                + " to rebuild it into something else: its data stays in the database and the audit"
                                + " ledger");
                    }
                    ConductEventJson.read(r.getString(2), r.getString(3)).applyTo(loaded.trial);
                    loaded.seq = r.getInt(1);
                }
            }
        }
    }

    /**
     * The trial that the given events (kind and JSON, in order) make of a study from nothing, on its published
     * protocol: what the audit ledger says the trial is, to hold the stored tables against.
     */
    public TrialConduct replayed(String study, List<Map.Entry<String, String>> events) throws SQLException {
        TrialConduct trial = fresh(study);
        for (Map.Entry<String, String> event : events) {
            ConductEventJson.read(event.getKey(), event.getValue()).applyTo(trial);
        }
        return trial;
    }

    /**
     * A trial with no subjects yet, from the study's published protocol and its sites. Its design keeps every
     * assumption made where the record is silent, the schedule's (the visits and their windows) with the design's,
     * for the study team to confirm.
     */
    private TrialConduct fresh(String study) throws SQLException {
        ProtocolVersion version = studies.published(study).orElseThrow(() -> new NotFoundException("study " + study
                + " has no published protocol version: publish one before running the trial"));
        Protocol protocol = version.protocol();
        TrialDesign read = DesignReader.read(protocol);
        List<Assumption> assumptions = new ArrayList<>(read.assumptions());
        List<PlannedVisit> schedule = SchedulePlanner.plan(protocol, read, assumptions);
        TrialDesign design = new TrialDesign(read.trial(), read.title(), read.kind(), read.arms(), read.ratio(),
                read.method(), studies.sites(study), studies.siteZones(study), read.masked(), read.periods(),
                assumptions);
        FormLibrary forms = FormLibrary.standard();
        int begun = firstRules(study);
        AnalysisPlan draft = begun <= RULES_BEFORE_PLANS ? null : PlanDerivation.derive(protocol, design, schedule,
                forms);
        // a study begun before a trial's event forms were its own may hold a relapse form saved in any trial
        Casebook casebook = begun <= RULES_BEFORE_EVENT_FORMS ? new Casebook(FormPlan.of(schedule, protocol, forms),
                forms.form("relapse").map(List::of).orElse(List.of())) : FormPlan.casebook(schedule, protocol, forms);
        return new TrialConduct(design, schedule, random, ReleaseSpecification.isctDefaults(), new LotInventory(),
                casebook, draft);
    }

    /** The rules the study's conduct began under: those of its first event, or today's for a study not begun. */
    private int firstRules(String study) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT min(rules) FROM"
                + " conduct_event WHERE study_id = ?")) {
            s.setString(1, study);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getObject(1) != null ? r.getInt(1) : RULES;
            }
        }
    }

    private static void append(Connection c, String study, int seq, ConductEvent event, String json)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO conduct_event (study_id, seq, kind, subject,"
                + " payload, actor, at, rules) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, " + RULES + ")")) {
            s.setString(1, study);
            s.setInt(2, seq);
            s.setString(3, event.kind());
            s.setString(4, event.subject());
            s.setString(5, json);
            s.setString(6, event.by());
            s.setTimestamp(7, Timestamp.from(event.at()));
            s.executeUpdate();
        }
    }

    /** The tables an event changes: the subject's row, and a randomization's allocation. */
    private static void project(Connection c, String study, ConductEvent event, TrialConduct trial)
            throws SQLException {
        if (event.subject() == null) {
            return;
        }
        Subject subject = trial.subject(event.subject());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO subject (study_id, id, site, state) VALUES"
                + " (?, ?, ?, ?) ON CONFLICT (study_id, id) DO UPDATE SET state = excluded.state")) {
            s.setString(1, study);
            s.setString(2, subject.id());
            s.setString(3, subject.site());
            s.setString(4, subject.state().name());
            s.executeUpdate();
        }
        if (event instanceof ConductEvent.Randomized r) {
            Randomization z = r.randomization();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO allocation (study_id, subject, stratum, number,"
                    + " grp, kit_code, at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, study);
                s.setString(2, z.subject());
                s.setString(3, z.allocation().stratum());
                s.setInt(4, z.allocation().number());
                s.setString(5, z.allocation().group());
                s.setString(6, z.kitCode());
                s.setTimestamp(7, Timestamp.from(z.at()));
                s.executeUpdate();
            }
        }
    }

    private static String stateOf(Connection c, String study, String subject) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT state FROM subject WHERE study_id = ? AND id = ?")) {
            s.setString(1, study);
            s.setString(2, subject);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? StoreJson.write(Map.of("state", r.getString(1))) : null;
            }
        }
    }
}
