package org.stroma.trial.lock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stroma.trial.capture.FormRecord;
import org.stroma.trial.conduct.Randomization;
import org.stroma.trial.conduct.SubjectView;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.design.DesignKind;
import org.stroma.trial.design.TrialArm;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.masking.Role;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.LedgerEntry;
import org.stroma.trial.product.ProductKind;
import org.stroma.trial.safety.AdverseEvent;
import org.stroma.trial.schedule.ProtocolDeviation;
import org.stroma.trial.schedule.VisitCalendar;
import org.stroma.trial.subject.Consent;
import org.stroma.trial.subject.StateChange;
import org.stroma.trial.subject.Subject;
import org.stroma.trial.subject.SubjectState;

/**
 * A trial's data as it stands when locked, in the tables analysis reads: a row per subject (with the arm and the dose
 * planned for it, which is why a locked data set is unblinded data), a row per measured item at each visit, a row per
 * adverse event, a row per product, and the protocol deviations. Taken from the trial itself, so it holds exactly what was recorded.
 */
public record LockedTrial(String trial, String title, boolean crossover, List<SubjectRow> subjects,
        List<MeasurementRow> measurements, List<AdverseEventRow> adverseEvents, List<ProductRow> products,
        List<ProtocolDeviation> deviations) {

    /**
     * A subject: where they ended, their group, the days of randomization and first administration, the last day
     * the trial knew of them (a step of their path, a visit, an administration or an adverse event's onset): the day a
     * time to an event is censored at when the event did not happen; and the dose planned for each period, from the
     * design's arm (none before randomization). Age and sex are what the record read at screening said: the age in
     * completed years on the day of randomization (of consent, for a subject never randomized), null where the record
     * gave no birth date or there was no record; the sex null where there was no record. {@code strata} are the
     * subject's levels of the factors the allocation was stratified by ({"site": "Toulouse"}), in the design's order;
     * none for an unstratified allocation or before randomization.
     */
    public record SubjectRow(String subject, String site, SubjectState state, String group, String treatments,
            LocalDate randomized, LocalDate firstAdministration, Double baselineWeightKg, String exitReason,
            List<SubjectState> path, LocalDate lastContact, List<PlannedDose> plannedDoses, Integer ageYears,
            AdministrativeSex sex, Map<String, String> strata) {

        public SubjectRow {
            plannedDoses = List.copyOf(plannedDoses);
            strata = strata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(strata));
        }

        /** A subject of whom nothing beyond the trial's own data is known: no age, sex or strata. */
        public SubjectRow(String subject, String site, SubjectState state, String group, String treatments,
                LocalDate randomized, LocalDate firstAdministration, Double baselineWeightKg, String exitReason,
                List<SubjectState> path, LocalDate lastContact, List<PlannedDose> plannedDoses) {
            this(subject, site, state, group, treatments, randomized, firstAdministration, baselineWeightKg,
                    exitReason, path, lastContact, plannedDoses, null, null, Map.of());
        }

        /** The dose planned for one period, or null when the subject has no such period. */
        public PlannedDose plannedDose(int period) {
            return plannedDoses.stream().filter(d -> d.period() == period).findFirst().orElse(null);
        }
    }

    /** One item's value at a visit; {@code months} is counted from the first administration (negative before it). */
    public record MeasurementRow(String subject, String group, String visit, LocalDate day, Double months,
            String form, String item, String value) {
    }

    public record AdverseEventRow(String subject, String group, AdverseEvent event, boolean related, boolean susar,
            Long daysFromAdministration) {
    }

    /** A product: what the lab made of it (null before it began), where its chain ended, and the cells it gave. */
    public record ProductRow(String product, String subject, String group, int period, ProductKind kind,
            ProductOutcome outcome, Double cultureDays, Double viabilityPercent, Double cellsGiven,
            LocalDate administered) {
    }

    public static LockedTrial of(TrialConduct t) {
        List<SubjectRow> subjects = new ArrayList<>();
        List<MeasurementRow> measurements = new ArrayList<>();
        List<AdverseEventRow> adverse = new ArrayList<>();
        List<ProductRow> products = new ArrayList<>();
        List<ProtocolDeviation> deviations = new ArrayList<>();
        for (Subject s : t.subjects()) {
            SubjectView view = t.subjectView(s.id(), Role.DSMB, "data lock");
            Randomization r = t.randomization(s.id());
            LocalDate first = t.firstAdministration(s.id());
            String exit = s.history().stream().filter(h -> h.to().isExit()).map(StateChange::reason).findFirst()
                    .orElse(null);
            VisitCalendar calendar = r == null ? null : t.calendar(s.id());
            LocalDate randomized = r == null ? null : t.localDay(s.id(), r.at());
            PatientRecord screened = t.screenedRecord(s.id());
            subjects.add(new SubjectRow(s.id(), s.site(), s.state(), view.group(), view.treatments() == null ? null
                    : String.join(" then ", view.treatments()), randomized, first,
                    r == null ? null : r.baselineWeightKg(), exit, view.path(), lastContact(t, s, calendar),
                    r == null ? List.of() : plannedDoses(t.design(), r.allocation().group()),
                    age(t, s.id(), screened, randomized), screened == null ? null : screened.sex(),
                    r == null ? Map.of() : r.allocation().levels(t.design().method().strata())));
            for (FormRecord f : t.casebook().records(s.id())) {
                // the day of the assessment where the form gives it; else its visit's, else its first save's
                LocalDate day = f.assessedOn() != null ? f.assessedOn() : calendar == null ? null : visitDay(calendar,
                        f.visit());
                if (day == null) {
                    day = t.localDay(s.id(), f.versions().get(0).at());
                }
                Double months = first == null ? null : ChronoUnit.DAYS.between(first, day) / 30.44;
                for (Map.Entry<String, String> v : f.current().values().entrySet()) {
                    measurements.add(new MeasurementRow(s.id(), view.group(), f.visit(), day, months, f.form().id(),
                            v.getKey(), v.getValue()));
                }
            }
            for (String product : t.products(s.id())) {
                products.add(product(t, product, s.id(), view.group()));
            }
            deviations.addAll(t.deviations(s.id()));
        }
        for (AdverseEvent e : t.casebook().adverseEvents()) {
            String group = t.subjectView(e.subject(), Role.DSMB, "data lock").group();
            LocalDate first = t.firstAdministration(e.subject());
            adverse.add(new AdverseEventRow(e.subject(), group, e, e.causality() != null && e.causality().suspected(),
                    e.isSusar(), e.daysFromAdministration(first)));
        }
        return new LockedTrial(t.design().trial(), t.design().title(), t.design().kind() == DesignKind.CROSSOVER,
                subjects, measurements, adverse, products, deviations);
    }

    /**
     * The subject's age in completed years on the day they were randomized, or consented when they were not: the day
     * the trial took them in, as a baseline table counts age. Null when the record read at screening gave no birth
     * date, or none was kept: an age is never guessed.
     */
    private static Integer age(TrialConduct t, String id, PatientRecord screened, LocalDate randomized) {
        if (screened == null) {
            return null;
        }
        LocalDate day = randomized;
        if (day == null) {
            List<Consent> consents = t.consents(id);
            day = consents.isEmpty() ? null : t.localDay(id, consents.get(0).signedAt());
        }
        return day == null ? null : screened.ageOn(day);
    }

    /** The dose the design plans for each period of a group: one arm, or a crossover sequence's arms in turn. */
    private static List<PlannedDose> plannedDoses(TrialDesign design, String group) {
        List<TrialArm> arms = design.armsOf(group);
        List<PlannedDose> doses = new ArrayList<>();
        for (int p = 0; p < arms.size(); p++) {
            TrialArm arm = arms.get(p);
            doses.add(new PlannedDose(p + 1, arm.code(), arm.label(), arm.dose()));
        }
        return doses;
    }

    /** The latest day anything of the subject happened: a step of their path, a visit done, an event's onset. */
    private static LocalDate lastContact(TrialConduct t, Subject s, VisitCalendar calendar) {
        List<LocalDate> days = new ArrayList<>();
        s.history().forEach(h -> days.add(t.localDay(s.id(), h.at())));
        if (calendar != null) {
            calendar.visits().stream().map(VisitCalendar.Visit::done).filter(Objects::nonNull).forEach(days::add);
        }
        t.casebook().adverseEvents().stream().filter(e -> e.subject().equals(s.id()) && e.onset() != null)
                .forEach(e -> days.add(e.onset()));
        return days.stream().max(LocalDate::compareTo).orElse(null);
    }

    private static LocalDate visitDay(VisitCalendar calendar, String visit) {
        return calendar.visits().stream().filter(v -> v.plan().name().equals(visit)).map(VisitCalendar.Visit::done)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static ProductRow product(TrialConduct t, String product, String subject, String group) {
        List<LedgerEntry> entries = t.ledger(product, Role.DSMB, "data lock").stream().filter(LedgerEntry::accepted)
                .toList();
        Instant cultureStart = null;
        Double cultureDays = null;
        Double viability = null;
        Double cells = null;
        LocalDate administered = null;
        ProductOutcome outcome = ProductOutcome.IN_PROGRESS;
        ProductKind kind = null;
        for (LedgerEntry e : entries) {
            CustodyEvent ev = e.event();
            if (ev instanceof CustodyEvent.CultureStarted) {
                cultureStart = ev.at();
                kind = ProductKind.CELLS;
            } else if (ev instanceof CustodyEvent.IssuedFromLot) {
                kind = ProductKind.CELLS;
            } else if (ev instanceof CustodyEvent.PlaceboPrepared) {
                kind = ProductKind.PLACEBO;
            } else if (ev instanceof CustodyEvent.Harvested h && cultureStart != null) {
                cultureDays = ChronoUnit.HOURS.between(cultureStart, h.at()) / 24.0;
            } else if (ev instanceof CustodyEvent.Tested tested) {
                viability = tested.results().viabilityPercent();
            } else if (ev instanceof CustodyEvent.Rejected) {
                outcome = ProductOutcome.REJECTED;
            } else if (ev instanceof CustodyEvent.Released) {
                outcome = ProductOutcome.RELEASED;
            } else if (ev instanceof CustodyEvent.Administered a) {
                outcome = ProductOutcome.ADMINISTERED;
                cells = a.given().cells();
                administered = t.localDay(subject, a.start());
            }
        }
        int period = t.productView(product, Role.DSMB, "data lock").period();
        return new ProductRow(product, subject, group, period, kind, outcome, cultureDays, viability, cells,
                administered);
    }
}
