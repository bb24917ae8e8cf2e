package org.stroma.server.app;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.stroma.protocol.CellProduct;
import org.stroma.protocol.Route;
import org.stroma.protocol.text.Words;
import org.stroma.server.auth.Authenticator;
import org.stroma.server.auth.Principal;
import org.stroma.store.conduct.ConductEvent;
import org.stroma.store.conduct.ConductStore;
import org.stroma.store.study.ProtocolVersion;
import org.stroma.store.study.StudyStore;
import org.stroma.fhir.entered.TypedPatient;
import org.stroma.fhir.entered.TypedPatients;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.conduct.EligibilityReview;
import org.stroma.trial.conduct.ProductView;
import org.stroma.trial.conduct.RefusedValue;
import org.stroma.trial.conduct.SubjectView;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.dosing.DosePlan;
import org.stroma.trial.eligibility.AskedFacts;
import org.stroma.trial.eligibility.CriterionResult;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.eligibility.Screening;
import org.stroma.trial.eligibility.ScreeningResult;
import org.stroma.trial.eligibility.compile.CompiledCriterion;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.masking.EmergencyUnblinding;
import org.stroma.trial.product.CustodyException;
import org.stroma.trial.randomization.AllocationMethod;
import org.stroma.trial.masking.Role;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.LedgerEntry;
import org.stroma.trial.product.ProductLot;
import org.stroma.trial.schedule.ProtocolDeviation;
import org.stroma.trial.schedule.VisitCalendar;
import org.stroma.trial.subject.SubjectState;
import org.stroma.trial.refusal.InvalidInputException;
import org.stroma.trial.refusal.ConflictException;

/**
 * Running a study: screening, the subject's lifecycle, randomization, the product chain, visits and unblinding. Each
 * request is checked for role and site before the domain is asked; every view leaves through the trial's masking
 * policy, made for the person's role. A subject at a site the person does not see is, to them, not there.
 */
public final class ConductService {
    /** How far ahead of the server's clock a device's clock may run before its time counts as the future. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private final StudyStore studies;
    private final ConductStore conduct;
    private final ConceptDictionary dictionary;
    private final Authenticator auth;
    private final Clock clock;
    private final Map<String, CompiledEligibility> eligibility = new ConcurrentHashMap<>();

    public ConductService(StudyStore studies, ConductStore conduct, ConceptDictionary dictionary, Authenticator auth,
            Clock clock) {
        this.studies = studies;
        this.conduct = conduct;
        this.dictionary = dictionary;
        this.auth = auth;
        this.clock = clock;
    }

    public List<SubjectView> subjects(Principal p, String study) throws SQLException {
        return read(p, study, (t, role) -> t.subjects().stream().filter(s -> p.seesSite(study, s.site()))
                .map(s -> t.subjectView(s.id(), role, p.username())).toList());
    }

    /** A subject's page; a visit's status is that of the site's day. */
    public SubjectRecord subject(Principal p, String study, String id) throws SQLException {
        siteChecked(p, study, id);
        // those who screen are offered to complete a screening left open
        CompiledEligibility screens = Action.SCREEN.allows(p.rolesIn(study)) ? eligibility(study) : null;
        return read(p, study, (t, role) -> {
            Access.visibleSubject(p, study, t, id);
            return record(t, role, p, id, today(t, id), screens == null ? null : completion(t, id, screens));
        });
    }

    /** Refuses a subject the person does not see in the words of one that does not exist. */
    public void visibleSubject(Principal p, String study, String id) throws SQLException {
        siteChecked(p, study, id);
    }

    /** The day it is at a subject's site: a site's days are its own. */
    private LocalDate today(TrialConduct t, String id) {
        return LocalDate.ofInstant(clock.instant(), t.zoneOf(t.subject(id).site()));
    }

    /** The criteria the investigator answers (what records cannot show), for the screening form. */
    public List<CompiledCriterion> questions(Principal p, String study) throws SQLException {
        Access.member(p, study);
        return eligibility(study).all().stream().flatMap(c -> c.flatten().stream())
                .filter(c -> c.rule() != null && c.rule().asksInvestigator()).toList();
    }

    /** What the trial's criteria ask of a patient, for the screening form to ask it. */
    public AskedFacts asked(Principal p, String study) throws SQLException {
        Access.member(p, study);
        return AskedFacts.of(eligibility(study), dictionary);
    }

    /** Screens a new subject at a site with their record and the investigator's answers, and adds them to the trial. */
    public ScreeningOutcome screen(Principal p, String study, String subject, String site, String recordName,
            byte[] record, Map<String, Boolean> answers) throws SQLException {
        admitCandidate(p, study, subject, site);
        PatientRecord patient = PatientInput.read("record", recordName, record, dictionary);
        return screen(p, study, subject, site, patient.withAttestations(answers));
    }

    /**
     * Screens a new subject at a site with the facts the coordinator typed (what was left blank is unknown) and the
     * investigator's answers, and adds them to the trial: the same screening as of an uploaded record.
     */
    public ScreeningOutcome screen(Principal p, String study, String subject, String site, TypedPatient typed,
            Map<String, Boolean> answers) throws SQLException {
        admitCandidate(p, study, subject, site);
        LocalDate today = LocalDate.ofInstant(clock.instant(), read(p, study, (t, role) -> t.zoneOf(site)));
        PatientRecord patient;
        try {
            patient = new TypedPatients(dictionary, AskedFacts.of(eligibility(study), dictionary), today)
                    .record(subject, typed);
        } catch (InvalidInputException e) {
            throw RequestException.badRequest(e.field(), e.getMessage());
        }
        return screen(p, study, subject, site, patient.withAttestations(answers));
    }

    private static void admitCandidate(Principal p, String study, String subject, String site) {
        Access.require(p, study, Action.SCREEN);
        if (subject == null || !subject.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
            throw RequestException.badRequest("subject", "a subject id is 1 to 40 letters, digits, '.', '_' or '-'");
        }
        if (site == null || site.isBlank()) {
            throw RequestException.badRequest("site", "the subject's site is required");
        }
        if (!p.seesSite(study, site)) {
            throw RequestException.forbidden("you work at " + p.sitesIn(study) + ", not at " + site);
        }
    }

    /**
     * Adds the candidate and records their screening with the record it read, which the audit ledger keeps with the
     * verdict and from which a screening left open is completed.
     */
    private ScreeningOutcome screen(Principal p, String study, String subject, String site, PatientRecord patient)
            throws SQLException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), read(p, study, (t, role) -> t.zoneOf(site)));
        ScreeningResult result = new Screening(dictionary, eligibility(study)).screen(patient, today);
        Instant now = clock.instant();
        conduct.record(study, p.username(), t -> {
            t.addCandidate(subject, site);
            return new ConductEvent.CandidateAdded(subject, site, now, p.username());
        });
        EligibilityReview open = EligibilityReview.of(result);
        conduct.record(study, p.username(), t -> {
            t.screen(subject, patient, result.verdict(), open, now, p.username());
            return new ConductEvent.Screened(subject, result.verdict(), result.verdict() == PatientVerdict.INCOMPLETE
                    ? open : null, now, p.username(), patient);
        });
        return new ScreeningOutcome(result, view(p, study, subject));
    }

    /**
     * Completes a screening left open (incomplete) with the facts the coordinator adds to the record it read and the
     * investigator's answers to the questions still open, and screens the subject again on the record as it now
     * stands, on the site's day: the subject becomes eligible or ineligible, or stays screened with what is still
     * open. The whole record and the new verdict are kept as one event, audited as the screening is.
     */
    public ScreeningOutcome completeScreening(Principal p, String study, String id, TypedPatient typed,
            Map<String, Boolean> answers) throws SQLException {
        Access.require(p, study, Action.SCREEN);
        siteChecked(p, study, id);
        CompiledEligibility eligibility = eligibility(study);
        Kept open = read(p, study, (t, role) -> {
            EligibilityReview review = t.openCriteria(id);
            return review == null ? null : new Kept(t.screenedRecord(id), openIds(review), today(t, id));
        });
        if (open == null) {
            throw RequestException.conflict("subject " + id + "'s screening is not open: only a screening left"
                    + " incomplete is completed");
        }
        if (open.record() == null) {
            throw RequestException.conflict("subject " + id + "'s screening did not keep the patient's record; the"
                    + " investigator answers what it left open");
        }
        AskedFacts still = AskedFacts.of(eligibility, open.ids(), dictionary);
        List<String> asked = still.questions().stream().map(CompiledCriterion::id).toList();
        List<String> unasked = answers.keySet().stream().filter(k -> !asked.contains(k)).toList();
        if (!unasked.isEmpty()) {
            throw RequestException.badRequest("answer-" + unasked.get(0), "criterion " + unasked.get(0)
                    + " is not a question the screening left open");
        }
        Map<String, Boolean> attested = new LinkedHashMap<>(open.record().attestations());
        attested.putAll(answers);
        PatientRecord record;
        try {
            record = new TypedPatients(dictionary, still, open.today()).added(open.record(), typed)
                    .withAttestations(attested);
        } catch (InvalidInputException e) {
            throw RequestException.badRequest(e.field(), e.getMessage());
        }
        if (record.equals(open.record())) {
            throw RequestException.badRequest(null, "nothing was added: give a missing fact or an answer");
        }
        ScreeningResult result = new Screening(dictionary, eligibility).screen(record, open.today());
        EligibilityReview left = EligibilityReview.of(result);
        Instant now = clock.instant();
        conduct.record(study, p.username(), t -> {
            // the record the person added to must still be the one the trial holds: no one completed it meanwhile
            if (!open.record().equals(t.screenedRecord(id))) {
                throw RequestException.stale("subject " + id + "'s screening was completed by someone else"
                        + " meanwhile; look at it again before adding to it");
            }
        }, t -> {
            t.rescreen(id, record, result.verdict(), left, now, p.username());
            return new ConductEvent.Rescreened(id, record, result.verdict(), result.verdict()
                    == PatientVerdict.INCOMPLETE ? left : null, now, p.username());
        });
        return new ScreeningOutcome(result, view(p, study, id));
    }

    /** An open screening's record as kept, the ids of its open criteria, and the day at the subject's site. */
    private record Kept(PatientRecord record, List<String> ids, LocalDate today) {
    }

    private static List<String> openIds(EligibilityReview review) {
        return review.open().stream().map(EligibilityReview.OpenCriterion::id).toList();
    }

    /**
     * What a subject's open screening needs, as the page shows it: each open criterion as it reads today on the record
     * kept (with the reason it is unknown), what they ask, and whether the birth date or sex is missing; null when
     * nothing is open.
     */
    private OpenScreening completion(TrialConduct t, String id, CompiledEligibility eligibility) {
        EligibilityReview review = t.openCriteria(id);
        if (review == null) {
            return null;
        }
        List<String> ids = openIds(review);
        PatientRecord record = t.screenedRecord(id);
        AskedFacts asked = AskedFacts.of(eligibility, ids, dictionary);
        if (record == null) {
            return new OpenScreening(List.of(), asked, false, false);
        }
        boolean demographics = asked.age() && record.birthDate() == null || asked.sex() && (record.sex() == null
                || record.sex() == AdministrativeSex.UNKNOWN);
        return new OpenScreening(openResults(new Screening(dictionary, eligibility).screen(record, today(t, id)), ids),
                asked, true, demographics);
    }

    /** The results of the open criteria, each member of a group of alternatives on its own. */
    private static List<CriterionResult> openResults(ScreeningResult result, List<String> ids) {
        return ids.stream().flatMap(id -> List.of(id.split("\\|")).stream()).map(result::criterion).toList();
    }

    /**
     * The investigator answers what a subject's screening left open (true: met), from the source documents, and signs
     * with their password; the subject becomes eligible or ineligible by the answers.
     */
    public SubjectView confirmEligibility(Principal p, String study, String id, Map<String, Boolean> answers,
            String password) throws SQLException {
        Access.require(p, study, Action.CONFIRM_ELIGIBILITY);
        siteChecked(p, study, id);
        confirm(p, password, "the eligibility is not confirmed");
        Instant now = clock.instant();
        try {
            conduct.record(study, p.username(), t -> {
                t.confirmEligibility(id, answers, now, p.username());
                return new ConductEvent.EligibilityConfirmed(id, new LinkedHashMap<>(answers), p.displayName(), now,
                        p.username());
            });
        } catch (InvalidInputException e) {
            throw RequestException.badRequest("answers", e.getMessage());
        }
        return view(p, study, id);
    }

    /**
     * Records a subject's informed consent, or re-consent to a new form: the form's version (the one in force), when the
     * subject signed it, and who obtained it (the person recording it unless another is named).
     */
    public SubjectView consent(Principal p, String study, String id, String formVersion, String signed,
            String obtainedBy) throws SQLException {
        Access.require(p, study, Action.MOVE_SUBJECT);
        siteChecked(p, study, id);
        if (formVersion == null || formVersion.isBlank()) {
            throw RequestException.badRequest("formVersion", "the version of the consent form signed is required");
        }
        Instant signedAt = Moments.parse("signedAt", signed, read(p, study, (t, role) -> t.zoneOf(t.subject(id)
                .site())));
        if (signedAt == null) {
            throw RequestException.badRequest("signedAt", "when the subject signed the consent is required");
        }
        String who = obtainedBy == null || obtainedBy.isBlank() ? p.username() : obtainedBy.strip();
        Instant now = clock.instant();
        try {
            conduct.record(study, p.username(), t -> {
                t.consent(id, formVersion, signedAt, who, now, p.username());
                return new ConductEvent.Consented(id, formVersion.strip(), signedAt, who, now, p.username());
            });
        } catch (InvalidInputException e) {
            throw RequestException.badRequest(e instanceof RefusedValue r ? r.value() : "signedAt", e.getMessage());
        }
        return view(p, study, id);
    }

    /** A new consent form comes into force (administrator): subjects who consented to another re-consent. */
    public String setConsentForm(Principal p, String study, String version) throws SQLException {
        Access.require(p, study, Action.SET_CONSENT_FORM);
        if (version == null || version.isBlank()) {
            throw RequestException.badRequest("version", "the consent form's version is required");
        }
        Instant now = clock.instant();
        conduct.record(study, p.username(), t -> {
            t.setConsentForm(version);
            return new ConductEvent.ConsentFormSet(version.strip(), now, p.username());
        });
        return version.strip();
    }

    /** Enrolment, follow-up, completion and the exits (each exit with its reason). */
    public SubjectView move(Principal p, String study, String id, String to, String reason) throws SQLException {
        Access.require(p, study, Action.MOVE_SUBJECT);
        SubjectState state;
        try {
            state = SubjectState.valueOf(to == null ? "" : to.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw RequestException.badRequest("to", "'" + to + "' is not a subject state; one of "
                    + java.util.Arrays.toString(SubjectState.values()).toLowerCase(Locale.ROOT));
        }
        siteChecked(p, study, id);
        Instant now = clock.instant();
        try {
            conduct.record(study, p.username(), t -> {
                t.move(id, state, now, p.username(), reason);
                return new ConductEvent.Moved(id, state, reason, now, p.username());
            });
        } catch (InvalidInputException e) {
            throw RequestException.badRequest("to", e.getMessage());
        }
        return view(p, study, id);
    }

    public SubjectView randomize(Principal p, String study, String id, Double baselineWeightKg,
            Map<String, String> levels) throws SQLException {
        Access.require(p, study, Action.RANDOMIZE);
        siteChecked(p, study, id);
        if (baselineWeightKg != null && !(baselineWeightKg > 0 && baselineWeightKg < 400)) {
            throw RequestException.badRequest("baselineWeightKg", baselineWeightKg + " kg is not a body weight");
        }
        Instant now = clock.instant();
        try {
            conduct.record(study, p.username(), t -> {
                t.randomize(id, levels, baselineWeightKg, now, p.username());
                return new ConductEvent.Randomized(t.randomization(id));
            });
        } catch (InvalidInputException e) {
            throw RequestException.badRequest(e instanceof RefusedValue r ? r.value() : "levels", e.getMessage());
        }
        return view(p, study, id);
    }

    /**
     * What a step of the given type on a product is read against, once the person may record it: the step types are
     * the chain's, the person's role must allow this one, and the product's recipient must be at a site they see.
     */
    public StepContext stepContext(Principal p, String study, String product, String type) throws SQLException {
        Access.member(p, study);
        if (type == null || type.isBlank()) {
            throw RequestException.badRequest("type", "a product step needs its type, one of " + stepTypes());
        }
        if (!stepTypes().contains(type)) {
            throw RequestException.badRequest("type", "'" + Texts.shown(type) + "' is not a product step; one of "
                    + stepTypes());
        }
        Access.require(p, study, Action.forStep(type));
        return read(p, study, (t, role) -> {
            String recipient = visibleRecipient(p, study, t, product);
            CellProduct cells = t.design().product();
            return new StepContext(recipient, t.design().isMasked(), cells == null ? null : cells.route(),
                    t.zoneOf(t.subject(recipient).site()), clock.instant());
        });
    }

    /** An administration by the protocol's route: a step that names no route was given by it. */
    private static CustodyEvent withRoute(CustodyEvent.Administered a, Route route) {
        DosePlan.Given g = a.given();
        return new CustodyEvent.Administered(new DosePlan.Given(g.cells(), g.volumeMl(), g.minutes(), route), a.start(),
                a.stop(), a.by());
    }

    /** The types of a product's steps, by name. */
    public static List<String> stepTypes() {
        return Arrays.stream(CustodyEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).toList();
    }

    /**
     * Records a step of a product's chain against the version of the product as the person saw it; who recorded it
     * is the person signed in. A step the chain refuses (a wrong label at the bedside) is reported as an error and
     * changes nothing; the attempt is put on record in the audit ledger.
     */
    public ProductView custody(Principal p, String study, RecordStep command) throws SQLException {
        String product = command.product();
        StepContext context = stepContext(p, study, product, command.step().getClass().getSimpleName());
        CustodyEvent step = command.step() instanceof CustodyEvent.Administered a && a.given().route() == null
                ? withRoute(a, context.route()) : command.step();
        if (!step.by().equals(p.username())) {
            throw RequestException.badRequest("by", "a step is recorded by the person signed in");
        }
        if (context.masked() && step instanceof CustodyEvent.Administered a && !Double.isNaN(a.given().cells())) {
            throw RequestException.badRequest("given.cells", "in a masked trial the bedside records the volume"
                    + " given; the cells follow from the product");
        }
        Instant last = step instanceof CustodyEvent.Administered a ? a.stop() : step.at();
        if (last.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw RequestException.badRequest(step instanceof CustodyEvent.Administered ? "stop" : "at", last
                    + " is in the future; a step is recorded when it has happened");
        }
        String version = Versions.required(command.version(), "the product");
        try {
            conduct.record(study, p.username(), t -> {
                ProductView seen = t.productView(product, Access.viewRole(p, study, t.masking()), p.username());
                ProductView.Step lastSeen = seen.lastStep();
                Versions.check("product " + product, version, seen.version(), lastSeen == null ? null
                        : lastSeen.by(), lastSeen == null ? null : lastSeen.at());
            }, t -> {
                // a step the chain does not allow throws, and nothing is written; the entry holds the step as
                // recorded (an administration with the cells the product gave)
                return new ConductEvent.Custody(context.subject(), product, t.custody(product, step).event());
            });
        } catch (CustodyException refused) {
            conduct.refusedStep(study, p.username(), product, step, refused.getMessage());
            throw refused;
        }
        return read(p, study, (t, role) -> t.productView(product, role, p.username()));
    }

    public SubjectRecord visit(Principal p, String study, String id, String visit, LocalDate day) throws SQLException {
        Access.require(p, study, Action.RECORD_VISIT);
        siteChecked(p, study, id);
        if (visit == null || visit.isBlank()) {
            throw RequestException.badRequest("visit", "which visit was done?");
        }
        if (day == null) {
            throw RequestException.badRequest("day", "the day the visit was done is required");
        }
        if (day.isAfter(read(p, study, (t, role) -> today(t, id)))) {
            throw RequestException.badRequest("day", day + " is in the future");
        }
        try {
            conduct.record(study, p.username(), t -> {
                t.recordVisit(id, visit, day);
                return new ConductEvent.VisitDone(id, visit, day, clock.instant(), p.username());
            });
        } catch (InvalidInputException e) {
            throw RequestException.badRequest(e instanceof RefusedValue r ? r.value() : "day", e.getMessage());
        }
        return subject(p, study, id);
    }

    /** An emergency unblinding as everyone in the study may see it: who asked, why, when, and whether granted. */
    public record UnblindingView(String id, String subject, String site, String zone, String requestedBy, String role,
            String reason, Instant at, boolean granted, String status, String approvedBy, Instant approvedAt) {
        static UnblindingView of(EmergencyUnblinding u, TrialConduct t) {
            String site = t.subject(u.subject()).site();
            String status = u.granted() ? "arm revealed to " + u.requestedBy() : "awaiting a second person";
            return new UnblindingView(u.id(), u.subject(), site, t.zoneOf(site).getId(), u.requestedBy(),
                    Words.of(u.role()), u.reason(), u.at(), u.granted(), status, u.approvedBy(), u.approvedAt());
        }
    }

    /** What an emergency unblinding came to, and the subject as the person who asked now sees them. */
    public record UnblindingOutcome(UnblindingView unblinding, SubjectView subject) {
    }

    /**
     * Asks for one subject's arm in a medical emergency: the reason, and the password given again to confirm that the
     * person means it. The arm is revealed to them alone, at once or once a second person approves (where the
     * protocol asks for one); everyone in the study sees that it happened, never the arm.
     */
    public UnblindingOutcome unblind(Principal p, String study, String id, String reason, String password)
            throws SQLException {
        Access.require(p, study, Action.UNBLIND);
        siteChecked(p, study, id);
        if (reason == null || reason.isBlank()) {
            throw RequestException.badRequest("reason", "an emergency unblinding needs its reason");
        }
        confirm(p, password, "nothing is revealed");
        Role role = p.rolesIn(study).stream().filter(Action.UNBLIND.roles()::contains).findFirst().orElseThrow();
        Instant now = clock.instant();
        EmergencyUnblinding u;
        try {
            u = conduct.record(study, p.username(), t -> new ConductEvent.Unblinded(t.requestUnblinding(id,
                    p.username(), role, reason.strip(), now))).unblinding();
        } catch (ConflictException e) {
            throw RequestException.conflict(e.getMessage());
        }
        return new UnblindingOutcome(read(p, study, (t, as) -> UnblindingView.of(u, t)), view(p, study, id));
    }

    /** A second person approves an emergency unblinding (another investigator or treating physician, or the DSMB). */
    public UnblindingView approveUnblinding(Principal p, String study, String unblinding, String password)
            throws SQLException {
        Access.require(p, study, Action.APPROVE_UNBLINDING);
        EmergencyUnblinding request = read(p, study, (t, role) -> t.masking().unblindings().stream().filter(
                u -> u.id().equals(unblinding) && Access.sees(p, study, t, u.subject())).findFirst().orElseThrow(
                () -> RequestException.notFound("no emergency unblinding " + unblinding + " in study " + study)));
        siteChecked(p, study, request.subject());
        confirm(p, password, "it is not approved");
        Role role = p.rolesIn(study).stream().filter(Action.APPROVE_UNBLINDING.roles()::contains).findFirst()
                .orElseThrow();
        Instant now = clock.instant();
        try {
            conduct.record(study, p.username(), t -> {
                EmergencyUnblinding a = t.approveUnblinding(unblinding, p.username(), role, now);
                return new ConductEvent.UnblindingApproved(a.subject(), unblinding, role, now, p.username());
            });
        } catch (InvalidInputException e) {
            throw RequestException.conflict(e.getMessage());
        }
        return unblindings(p, study).stream().filter(u -> u.id().equals(unblinding)).findFirst().orElseThrow();
    }

    /** Every emergency unblinding of the subjects the person sees, without the arm. */
    public List<UnblindingView> unblindings(Principal p, String study) throws SQLException {
        return read(p, study, (t, role) -> t.masking().unblindings().stream().filter(u -> p.seesSite(study,
                t.subject(u.subject()).site())).map(u -> UnblindingView.of(u, t)).toList());
    }

    /**
     * Whether an emergency unblinding needs a second person (the study's administrator, as the protocol says), changed
     * from the rule the person saw ({@code seen}): a change made from a rule someone has changed since is refused.
     */
    public boolean setUnblindingRule(Principal p, String study, boolean secondPerson, Boolean seen)
            throws SQLException {
        Access.require(p, study, Action.SET_UNBLINDING_RULE);
        Versions.required(seen, "the rule (the rule you saw, as \"current\")");
        Instant now = clock.instant();
        conduct.record(study, p.username(), t -> Versions.check("the unblinding rule", seen,
                t.masking().secondPersonRequired(), null, null), t -> {
            t.requireSecondPersonForUnblinding(secondPerson);
            return new ConductEvent.UnblindingRuleSet(secondPerson, now, p.username());
        });
        return secondPerson;
    }

    private void confirm(Principal p, String password, String otherwise) throws SQLException {
        if (password == null || password.isEmpty()) {
            throw RequestException.badRequest("password", "give your password again to confirm; " + otherwise);
        }
        if (!auth.confirm(p.username(), password)) {
            throw RequestException.badRequest("password", "the password is wrong; " + otherwise);
        }
    }

    /** Adds a released lot of allogeneic cells to the trial's inventory (cell lab, unblinded pharmacist). */
    public ProductLot addLot(Principal p, String study, ProductLot lot) throws SQLException {
        Access.require(p, study, Action.LAB_STEP);
        if (lot.id() == null || lot.id().isBlank()) {
            throw RequestException.badRequest("id", "a lot needs its id");
        }
        if (lot.vials() < 1 || !(lot.cellsPerVial() > 0)) {
            throw RequestException.badRequest("vials", "a lot holds at least one vial of cells");
        }
        Instant now = clock.instant();
        try {
            conduct.record(study, p.username(), t -> {
                t.addLot(lot);
                return new ConductEvent.LotAdded(lot, now, p.username());
            });
        } catch (InvalidInputException e) {
            throw RequestException.conflict(e.getMessage());
        }
        return lot;
    }

    /**
     * A product's chain as the person may see it (in a masked trial, every product alike for the blinded), with the
     * time zone of its recipient's site; a product of a subject they do not see is not found.
     */
    public record ProductChain(ProductView view, String site, String zone, Long veinToVeinDays) {
    }

    public ProductChain product(Principal p, String study, String product) throws SQLException {
        return read(p, study, (t, role) -> {
            String subject = visibleRecipient(p, study, t, product);
            String site = t.subject(subject).site();
            return new ProductChain(t.productView(product, role, p.username()), site, t.zoneOf(site).getId(),
                    t.veinToVeinDays(product));
        });
    }

    /** A product's full custody ledger, for those who know what it is. */
    public List<LedgerEntry> ledger(Principal p, String study, String product) throws SQLException {
        Access.require(p, study, Action.READ_LEDGER);
        return read(p, study, (t, role) -> {
            visibleRecipient(p, study, t, product);
            return t.ledger(product, role, p.username());
        });
    }

    private SubjectView view(Principal p, String study, String id) throws SQLException {
        return read(p, study, (t, role) -> t.subjectView(id, role, p.username()));
    }

    private static SubjectRecord record(TrialConduct t, Role role, Principal p, String id, LocalDate today,
            OpenScreening screening) {
        SubjectView view = t.subjectView(id, role, p.username());
        List<ProductView> products = t.products(id).stream().map(pr -> t.productView(pr, role, p.username()))
                .toList();
        List<SubjectRecord.VisitRow> visits = new ArrayList<>();
        List<String> deviations = List.of();
        if (!products.isEmpty()) {
            VisitCalendar calendar = t.calendar(id);
            for (VisitCalendar.Visit v : calendar.visits()) {
                visits.add(new SubjectRecord.VisitRow(v.plan().name(), v.target(), v.opens(), v.closes(), v.done(),
                        calendar.status(v.plan().name(), today).name().toLowerCase(Locale.ROOT)));
            }
            deviations = t.deviations(id).stream().map(ProtocolDeviation::what).toList();
        }
        List<String> assigned = t.design().method() instanceof AllocationMethod.Assigned ? t.design().arms().stream()
                .map(a -> a.code()).toList() : List.of();
        EligibilityReview open = t.openCriteria(id);
        return new SubjectRecord(view, products, visits, deviations, assigned, open == null ? List.of() : open.open(),
                t.consentForm(), t.consents(id), t.zoneOf(view.site()).getId(), screening);
    }

    /**
     * The subject a product is for, when the person sees their site; a product the trial does not have, or one of a
     * subject at another site, is not found — in the same words, so that the answer says nothing of the other site.
     */
    private static String visibleRecipient(Principal p, String study, TrialConduct t, String product) {
        String subject;
        try {
            subject = t.recipientOf(product);
        } catch (InvalidInputException e) {
            throw RequestException.notFound("no product " + product + " in study " + study);
        }
        if (!p.seesSite(study, t.subject(subject).site())) {
            throw RequestException.notFound("no product " + product + " in study " + study);
        }
        return subject;
    }

    private void siteChecked(Principal p, String study, String id) throws SQLException {
        read(p, study, (t, role) -> Access.visibleSubject(p, study, t, id));
    }

    private interface View<T> {
        T of(TrialConduct trial, Role role);
    }

    private <T> T read(Principal p, String study, View<T> view) throws SQLException {
        Access.member(p, study);
        Function<TrialConduct, T> query = t -> view.of(t, Access.viewRole(p, study, t.masking()));
        return conduct.read(study, query);
    }

    private CompiledEligibility eligibility(String study) throws SQLException {
        ProtocolVersion v = studies.published(study).orElseThrow(() -> RequestException.conflict("study " + study
                + " has no published protocol version"));
        return eligibility.computeIfAbsent(study + " v" + v.version(), k -> new CriteriaCompiler(dictionary)
                .compile(v.protocol()));
    }
}
