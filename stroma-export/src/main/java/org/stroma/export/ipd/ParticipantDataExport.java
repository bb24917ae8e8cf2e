package org.stroma.export.ipd;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.stroma.export.CsvTable;
import org.stroma.export.ExportSource;
import org.stroma.export.ExportedFile;
import org.stroma.report.OrganSystems;
import org.stroma.trial.capture.FormRecord;
import org.stroma.trial.capture.ItemDef;
import org.stroma.trial.capture.ItemType;
import org.stroma.trial.conduct.SubjectView;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.safety.AdverseEvent;
import org.stroma.trial.subject.Subject;
import org.stroma.trial.subject.SubjectState;

/**
 * Individual participant data de-identified for sharing: one row per randomized participant, their measured values
 * and their adverse events, with {@value #README} saying what was done. Direct identifiers are removed (the subject
 * ids are replaced by pseudonyms drawn at random for this export, whose key is not kept; sites by numbers; no kit
 * code, product, donation number or user name); every date of a participant is shifted by one random number of days
 * of their own, so that intervals within a participant hold while calendar dates and the order of enrolment do not;
 * ages over 89 are given as "90+"; free text is withheld (text items of the forms, reasons for leaving, adverse event
 * terms that are not in the coded term table). The arm is given only in an unblinded export.
 */
public final class ParticipantDataExport {
    public static final String README = "README.txt";
    /** Dates move by up to this many days either way, a different draw for each participant. */
    static final int MAX_SHIFT_DAYS = 182;
    private static final String WITHHELD = "withheld";

    private final ExportSource source;
    private final Random random;
    private final Map<String, String> pseudonyms = new LinkedHashMap<>();
    private final Map<String, Integer> shifts = new LinkedHashMap<>();
    private final Map<String, String> sites = new LinkedHashMap<>();

    private ParticipantDataExport(ExportSource source, Random random) {
        this.source = source;
        this.random = random;
    }

    public static List<ExportedFile> files(ExportSource source) {
        return new ParticipantDataExport(source, new SecureRandom()).files();
    }

    private List<ExportedFile> files() {
        List<Subject> randomized = source.subjects().stream().filter(s -> source.randomizedAt(s.id()) != null)
                .toList();
        Set<String> used = new HashSet<>();
        for (Subject s : randomized) {
            String p;
            do {
                p = String.format(Locale.ROOT, "IPD-%05d", random.nextInt(100_000));
            } while (!used.add(p));
            pseudonyms.put(s.id(), p);
            shifts.put(s.id(), random.nextInt(2 * MAX_SHIFT_DAYS + 1) - MAX_SHIFT_DAYS);
            sites.computeIfAbsent(s.site(), k -> "Site " + (sites.size() + 1));
        }
        boolean arms = !source.blinded();
        CsvTable participants = arms
                ? new CsvTable("participant", "site", "arm", "treatments", "age_years", "sex", "randomized",
                        "first_administration", "status")
                : new CsvTable("participant", "site", "age_years", "sex", "randomized", "first_administration",
                        "status");
        CsvTable measurements = new CsvTable("participant", "visit", "date", "form", "item", "value");
        CsvTable events = new CsvTable("participant", "term", "organ_system", "grade", "serious", "related", "onset",
                "outcome");
        List<Subject> ordered = new ArrayList<>(randomized);
        ordered.sort(Comparator.comparing(s -> pseudonyms.get(s.id())));
        for (Subject s : ordered) {
            String p = pseudonyms.get(s.id());
            SubjectView view = source.view(s.id());
            LocalDate randomizedOn = source.localDay(s.id(), source.randomizedAt(s.id()));
            PatientRecord screened = source.screenedRecord(s.id());
            Integer age = screened == null ? null : screened.ageOn(randomizedOn);
            String sex = screened == null || screened.sex() == null ? null : screened.sex().name().toLowerCase(
                    Locale.ROOT);
            List<Object> row = new ArrayList<>(List.of(p, sites.get(s.site())));
            if (arms) {
                row.add(view.group());
                row.add(view.treatments() == null ? null : String.join(" then ", view.treatments()));
            }
            row.add(age(age));
            row.add(sex);
            row.add(shift(s.id(), randomizedOn));
            row.add(shift(s.id(), source.firstAdministration(s.id())));
            row.add(status(s.state()));
            participants.row(row.toArray());
            for (FormRecord f : source.forms(s.id())) {
                LocalDate day = f.versions().isEmpty() ? null : visitDay(s.id(), f);
                f.current().values().forEach((item, value) -> measurements.row(p, f.visit(), shift(s.id(), day),
                        f.form().id(), item, value(s.id(), f.form().item(item).orElse(null), value)));
            }
        }
        // in the order of the pseudonyms, then of onset: the order of reporting would tell the calendar across participants
        List<AdverseEvent> shared = source.adverseEvents().stream().filter(e -> pseudonyms.containsKey(e.subject()))
                .sorted(Comparator.comparing((AdverseEvent e) -> pseudonyms.get(e.subject())).thenComparing(
                        AdverseEvent::onset, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        for (AdverseEvent e : shared) {
            String p = pseudonyms.get(e.subject());
            String system = OrganSystems.standard().of(e.term());
            events.row(p, system == null ? WITHHELD : e.term().strip().toLowerCase(Locale.ROOT), system,
                    e.grade() == null ? null : e.grade().number(), e.isSerious(), e.causality() == null ? null
                            : e.causality().suspected(), shift(e.subject(), e.onset()), e.outcome() == null ? null
                            : e.outcome().name().toLowerCase(Locale.ROOT));
        }
        return List.of(participants.file("participants.csv"), measurements.file("measurements.csv"),
                events.file("adverse_events.csv"), ExportedFile.text(README, readme(participants.rows(), arms)));
    }

    /** The day of the assessment where the form gives it, else of its visit, else of its first save. */
    private LocalDate visitDay(String subject, FormRecord f) {
        if (f.assessedOn() != null) {
            return f.assessedOn();
        }
        var calendar = source.calendar(subject);
        if (calendar != null) {
            try {
                LocalDate done = calendar.visit(f.visit()).done();
                if (done != null) {
                    return done;
                }
            } catch (RuntimeException notInTheSchedule) {
                // an unscheduled visit: its form's own day
            }
        }
        Instant saved = f.versions().get(0).at();
        return source.localDay(subject, saved);
    }

    private String shift(String subject, LocalDate day) {
        return day == null ? null : day.plusDays(shifts.get(subject)).toString();
    }

    /** A value as shared: a date shifted as the participant's dates are, free text withheld. */
    private String value(String subject, ItemDef item, String value) {
        if (item == null || item.type() == ItemType.TEXT) {
            return WITHHELD;
        }
        if (item.type() == ItemType.DATE) {
            try {
                return shift(subject, LocalDate.parse(value));
            } catch (DateTimeParseException notADate) {
                return WITHHELD;
            }
        }
        return value;
    }

    /** An age as shared: over 89, only "90+". */
    static String age(Integer years) {
        return years == null ? null : years > 89 ? "90+" : String.valueOf(years);
    }

    /** Where the participant ended, as a category: the reason for leaving is free text, and withheld. */
    private static String status(SubjectState state) {
        return switch (state) {
            case COMPLETED -> "completed";
            case WITHDRAWN -> "withdrawn";
            case LOST_TO_FOLLOW_UP -> "lost to follow-up";
            default -> "in the trial when exported";
        };
    }

    private String readme(int participants, boolean arms) {
        return "De-identified individual participant data of " + source.design().trial() + "\n\n"
                + "Made by Stroma on " + source.exportedAt() + ": " + participants + " randomized participants.\n\n"
                + "Files\n"
                + "- participants.csv: one row per participant" + (arms ? ", with the arm (or crossover sequence) and the treatment of each period"
                        : "; blinded: no arm or sequence") + "\n"
                + "- measurements.csv: each value of each form as it stands when exported (at the data lock, once"
                + " locked)\n"
                + "- adverse_events.csv: each adverse event as last reported\n\n"
                + "What was done to de-identify the data\n"
                + "- Direct identifiers removed: subject ids are replaced by pseudonyms drawn at random for this"
                + " export (the key is not kept, so no one can link a row back); sites are numbered; no kit code,"
                + " product, donation number, user name or birth date is included.\n"
                + "- Dates shifted: every date of a participant is moved by the same random number of days, drawn"
                + " for that participant between -" + MAX_SHIFT_DAYS + " and +" + MAX_SHIFT_DAYS + "; intervals"
                + " within a participant are kept, calendar dates and the order of enrolment are not.\n"
                + "- Ages over 89 are given as 90+ (age in completed years at randomization).\n"
                + "- Free text withheld: text items of the forms, the reasons for leaving the trial (a category is"
                + " given instead), and adverse event terms not in the coded term table (written '" + WITHHELD
                + "').\n"
                + "- Rows are in the order of the pseudonyms, not of enrolment.\n\n"
                + "Small trials carry a residual risk of re-identification from rare combinations of values; share"
                + " under a data use agreement.\n";
    }
}
