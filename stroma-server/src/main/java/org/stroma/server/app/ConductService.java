package org.stroma.server.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.stroma.server.auth.Authenticator;
import org.stroma.server.auth.Principal;
import org.stroma.store.conduct.ConductEvent;
import org.stroma.store.conduct.ConductEventJson;
import org.stroma.store.conduct.ConductStore;
import org.stroma.store.study.ProtocolVersion;
import org.stroma.store.study.StudyStore;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.conduct.ProductView;
import org.stroma.trial.conduct.SubjectView;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.eligibility.Screening;
import org.stroma.trial.eligibility.ScreeningResult;
import org.stroma.trial.eligibility.compile.CompiledCriterion;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.masking.EmergencyUnblinding;
import org.stroma.trial.randomization.AllocationMethod;
import org.stroma.trial.masking.Role;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.LedgerEntry;
import org.stroma.trial.product.ProductLot;
import org.stroma.trial.schedule.ProtocolDeviation;
import org.stroma.trial.schedule.VisitCalendar;
import org.stroma.trial.subject.SubjectState;

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

    public SubjectRecord subject(Principal p, String study, String id) throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return read(p, study, (t, role) -> record(t, role, p, Access.visibleSubject(p, study, t, id), today));
    }

    /** The criteria the investigator answers (what records cannot show), for the screening form. */
    public List<CompiledCriterion> questions(Principal p, String study) throws SQLException {
        Access.member(p, study);
        return eligibility(study).all().stream().flatMap(c -> c.flatten().stream())
                .filter(c -> c.rule() != null && c.rule().asksInvestigator()).toList();
    }

    /** Screens a new subject at a site with their record and the investigator's answers, and adds them to the trial. */
    public ScreeningOutcome screen(Principal p, String study, String subject, String site, String recordName,
            byte[] record, Map<String, Boolean> answers) throws SQLException {
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
        PatientRecord patient = PatientInput.read("record", recordName, record, dictionary)
                .withAttestations(answers);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        ScreeningResult result = new Screening(dictionary, eligibility(study)).screen(patient, today);
        Instant now = clock.instant();
        conduct.record(study, p.username(), t -> {
            t.addCandidate(subject, site);
            return new ConductEvent.CandidateAdded(subject, site, now, p.username());
        });
        conduct.record(study, p.username(), t -> {
            t.screen(subject, result.verdict(), now, p.username());
            return new ConductEvent.Screened(subject, result.verdict(), now, p.username());
        });
        return new ScreeningOutcome(result, read(p, study, (t, role) -> t.subjectView(subject, role, p.username())));
    }

    /** Consent, enrolment, follow-up, completion and the exits (each exit with its reason). */
    public SubjectView move(Principal p, String study, String id, String to, String reason) throws SQLException {
        Access.require(p, study, Action.MOVE_SUBJECT);
        SubjectState state;
        try {
            state = SubjectState.valueOf(to == null ? "" : to.trim().toUpperCase().replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw RequestException.badRequest("to", "'" + to + "' is not a subject state; one of "
                    + java.util.Arrays.toString(SubjectState.values()).toLowerCase());
        }
        siteChecked(p, study, id);
        Instant now = clock.instant();
        conduct.record(study, p.username(), t -> {
            t.move(id, state, now, p.username(), reason);
            return new ConductEvent.Moved(id, state, reason, now, p.username());
        });
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
        conduct.record(study, p.username(), t -> {
            t.randomize(id, levels, baselineWeightKg, now, p.username());
            return new ConductEvent.Randomized(t.randomization(id));
        });
        return view(p, study, id);
    }

    /**
     * A step of a product's chain, given as JSON with its type ({"type": "Harvested", "cells": 2.1e8}); who recorded
     * it is the person signed in, and when defaults to now. A step the chain refuses (a wrong label at the bedside) is
     * kept in the ledger as refused, and reported as an error.
     */
    public ProductView custody(Principal p, String study, String product, JsonNode body) throws SQLException {
        Access.member(p, study);
        if (body == null || !body.isObject() || !body.hasNonNull("type")) {
            throw RequestException.badRequest("type", "a product step needs its type, one of "
                    + ConductEventJson.custodyEventTypes());
        }
        String type = body.get("type").asText();
        if (!ConductEventJson.custodyEventTypes().contains(type)) {
            throw RequestException.badRequest("type", "'" + type + "' is not a product step; one of "
                    + ConductEventJson.custodyEventTypes());
        }
        Access.require(p, study, Action.forStep(type));
        String subject = read(p, study, (t, role) -> Access.visibleSubject(p, study, t, recipient(t, study, product)));
        ObjectNode event = ((ObjectNode) body).deepCopy();
        event.put("by", p.username());
        if (!type.equals("Administered") && !event.hasNonNull("at")) {
            event.put("at", clock.instant().toString());
        }
        boolean masked = read(p, study, (t, role) -> t.design().isMasked());
        if (type.equals("Administered") && masked && event.get("given") instanceof ObjectNode given
                && given.hasNonNull("cells") && read(p, study, (t, role) -> t.cellsIn(product, 1) != null)) {
            throw RequestException.badRequest("given.cells", "in a masked trial the bedside records the volume"
                    + " given; the cells follow from the product");
        }
        if (type.equals("Administered") && event.get("given") instanceof ObjectNode given
                && !given.hasNonNull("cells")) {
            // the bedside states the volume infused; the cells follow from the product, so a masked nurse's entry
            // is the same on either arm
            if (!given.path("volumeMl").isNumber()) {
                throw RequestException.badRequest("given.volumeMl", "the volume infused (mL) is required");
            }
            Double cells = read(p, study, (t, role) -> t.cellsIn(product, given.get("volumeMl").asDouble()));
            if (cells == null) {
                throw RequestException.conflict("the protocol gives no dose and the lab counted no cells in "
                        + product + ": the cell lab records the harvest first");
            }
            given.put("cells", cells);
        }
        CustodyEvent parsed;
        try {
            parsed = ConductEventJson.custodyEvent(event);
        } catch (IllegalArgumentException e) {
            throw RequestException.badRequest("body", e.getMessage());
        }
        Instant last = parsed instanceof CustodyEvent.Administered a ? a.stop() : parsed.at();
        if (last.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw RequestException.badRequest(parsed instanceof CustodyEvent.Administered ? "stop" : "at", last
                    + " is in the future; a step is recorded when it has happened");
        }
        conduct.record(study, p.username(), t -> {
            t.custody(product, parsed); // a step the chain does not allow throws, and nothing is written
            return new ConductEvent.Custody(subject, product, parsed);
        });
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
        if (day.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            throw RequestException.badRequest("day", day + " is in the future");
        }
        conduct.record(study, p.username(), t -> {
            t.recordVisit(id, visit, day);
            return new ConductEvent.VisitDone(id, visit, day, clock.instant(), p.username());
        });
        return subject(p, study, id);
    }

    /** An emergency unblinding as everyone in the study may see it: who asked, why, when, and whether granted. */
    public record UnblindingView(String id, String subject, String site, String requestedBy, String role, String reason,
            Instant at, String status, String approvedBy, Instant approvedAt) {
        static UnblindingView of(EmergencyUnblinding u, String site) {
            return new UnblindingView(u.id(), u.subject(), site, u.requestedBy(), u.role().name().toLowerCase()
                    .replace('_', ' '), u.reason(), u.at(), u.granted() ? "arm revealed to " + u.requestedBy()
                    : "awaiting a second person", u.approvedBy(), u.approvedAt());
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
        EmergencyUnblinding u = conduct.record(study, p.username(), t -> new ConductEvent.Unblinded(
                t.requestUnblinding(id, p.username(), role, reason.strip(), now))).unblinding();
        return new UnblindingOutcome(UnblindingView.of(u, siteOf(p, study, id)), view(p, study, id));
    }

    /** A second person approves an emergency unblinding (another investigator or treating physician, or the DSMB). */
    public UnblindingView approveUnblinding(Principal p, String study, String unblinding, String password)
            throws SQLException {
        Access.require(p, study, Action.APPROVE_UNBLINDING);
        EmergencyUnblinding request = read(p, study, (t, role) -> t.masking().unblindings().stream().filter(
                u -> u.id().equals(unblinding)).findFirst().orElseThrow(() -> RequestException.notFound(
                "no emergency unblinding " + unblinding + " in study " + study)));
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
        } catch (IllegalArgumentException e) {
            throw RequestException.conflict(e.getMessage());
        }
        return unblindings(p, study).stream().filter(u -> u.id().equals(unblinding)).findFirst().orElseThrow();
    }

    /** Every emergency unblinding of the subjects the person sees, without the arm. */
    public List<UnblindingView> unblindings(Principal p, String study) throws SQLException {
        return read(p, study, (t, role) -> t.masking().unblindings().stream().filter(u -> p.seesSite(study,
                t.subject(u.subject()).site())).map(u -> UnblindingView.of(u, t.subject(u.subject()).site()))
                .toList());
    }

    /** Whether an emergency unblinding needs a second person (the study's administrator, as the protocol says). */
    public boolean setUnblindingRule(Principal p, String study, boolean secondPerson) throws SQLException {
        Access.require(p, study, Action.SET_UNBLINDING_RULE);
        Instant now = clock.instant();
        conduct.record(study, p.username(), t -> {
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

    private String siteOf(Principal p, String study, String id) throws SQLException {
        return read(p, study, (t, role) -> t.subject(id).site());
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
        } catch (IllegalArgumentException e) {
            throw RequestException.conflict(e.getMessage());
        }
        return lot;
    }

    /** A product's full custody ledger, for those who know what it is. */
    public List<LedgerEntry> ledger(Principal p, String study, String product) throws SQLException {
        Access.require(p, study, Action.READ_LEDGER);
        return read(p, study, (t, role) -> {
            Access.visibleSubject(p, study, t, recipient(t, study, product));
            return t.ledger(product, role, p.username());
        });
    }

    private SubjectView view(Principal p, String study, String id) throws SQLException {
        return read(p, study, (t, role) -> t.subjectView(id, role, p.username()));
    }

    private static SubjectRecord record(TrialConduct t, Role role, Principal p, String id, LocalDate today) {
        SubjectView view = t.subjectView(id, role, p.username());
        List<ProductView> products = t.products(id).stream().map(pr -> t.productView(pr, role, p.username()))
                .toList();
        List<SubjectRecord.VisitRow> visits = new ArrayList<>();
        List<String> deviations = List.of();
        if (!products.isEmpty()) {
            VisitCalendar calendar = t.calendar(id);
            for (VisitCalendar.Visit v : calendar.visits()) {
                visits.add(new SubjectRecord.VisitRow(v.plan().name(), v.target(), v.opens(), v.closes(), v.done(),
                        calendar.status(v.plan().name(), today).name().toLowerCase()));
            }
            deviations = calendar.deviations().stream().map(ProtocolDeviation::what).toList();
        }
        List<String> assigned = t.design().method() instanceof AllocationMethod.Assigned ? t.design().arms().stream()
                .map(a -> a.code()).toList() : List.of();
        return new SubjectRecord(view, products, visits, deviations, assigned);
    }

    /** The subject a product is for; a product the trial does not have is not found. */
    private static String recipient(TrialConduct t, String study, String product) {
        try {
            return t.recipientOf(product);
        } catch (IllegalArgumentException e) {
            throw RequestException.notFound("no product " + product + " in study " + study);
        }
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
