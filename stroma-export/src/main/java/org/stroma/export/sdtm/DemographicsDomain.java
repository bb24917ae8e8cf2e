package org.stroma.export.sdtm;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import org.stroma.export.ExportSource;
import org.stroma.protocol.Location;
import org.stroma.trial.conduct.SubjectView;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.safety.Outcome;
import org.stroma.trial.subject.StateChange;
import org.stroma.trial.subject.SubjectState;

/**
 * DM: one row per subject screened, screen failures included. The arm is the allocation group's code (A, or a
 * crossover's sequence AB) and its arms' labels; ACTARM is the planned arm once anything was given. Where the arm is
 * null, ARMNRS says why, as SDTMIG 3.3 and later ask instead of the older SCRNFAIL and NOTASSGN codes: screen failure,
 * not assigned, assigned but not treated — or, in a blinded export, BLINDED, a value the IG's list does not have, for
 * the arm the export withholds. Age and sex come from the record read at screening; unknown stays empty.
 */
final class DemographicsDomain {
    static final String BLINDED = "BLINDED";
    private static final List<String> VARIABLES = List.of("STUDYID", "DOMAIN", "USUBJID", "SUBJID", "RFSTDTC",
            "RFENDTC", "RFXSTDTC", "RFXENDTC", "RFICDTC", "RFPENDTC", "DTHDTC", "DTHFL", "SITEID", "BRTHDTC", "AGE",
            "AGEU", "SEX", "ARMCD", "ARM", "ACTARMCD", "ACTARM", "ARMNRS", "COUNTRY");

    private DemographicsDomain() {
    }

    static Dataset of(ExportSource source, List<SubjectTimeline> subjects) {
        String study = source.design().trial();
        DatasetBuilder dm = new DatasetBuilder("DM", "Demographics", SdtmClass.SPECIAL_PURPOSE,
                "One record per subject", VariableCatalog.of("DM", VARIABLES, List.of("STUDYID", "USUBJID")));
        for (SubjectTimeline t : subjects) {
            String id = t.subject().id();
            SubjectView view = source.view(id);
            var row = dm.row();
            row.put("STUDYID", study);
            row.put("DOMAIN", "DM");
            row.put("USUBJID", Identifiers.usubjid(study, id));
            row.put("SUBJID", id);
            boolean treated = t.firstAdministration() != null;
            row.put("RFSTDTC", t.dateTime(t.firstAdministration()));
            row.put("RFENDTC", treated ? SdtmValues.date(t.ended()) : null);
            row.put("RFXSTDTC", t.dateTime(t.firstAdministration()));
            row.put("RFXENDTC", t.dateTime(t.lastAdministrationEnd()));
            row.put("RFICDTC", SdtmValues.date(t.consented()));
            row.put("RFPENDTC", SdtmValues.date(t.ended()));
            // a fatal adverse event says the subject died, not when: its onset is not the day of death, so DTHDTC
            // stays empty rather than guessed
            boolean died = source.adverseEvents().stream().anyMatch(e -> e.subject().equals(id)
                    && e.outcome() == Outcome.FATAL);
            row.put("DTHFL", died ? "Y" : null);
            row.put("SITEID", t.subject().site());
            PatientRecord record = source.screenedRecord(id);
            LocalDate screened = t.subject().history().stream().filter(h -> h.to() == SubjectState.SCREENED)
                    .map(StateChange::at).findFirst().map(t::day).orElse(null);
            if (record != null) {
                row.put("BRTHDTC", SdtmValues.date(record.birthDate()));
                LocalDate on = t.consented() != null ? t.consented() : screened;
                Integer age = on == null ? null : record.ageOn(on);
                row.put("AGE", age);
                row.put("AGEU", age == null ? null : "YEARS");
                row.put("SEX", sex(record));
            }
            arm(source, t, view, treated, row);
            row.put("COUNTRY", country(source, t.subject().site()));
        }
        return dm.build();
    }

    private static void arm(ExportSource source, SubjectTimeline t, SubjectView view, boolean treated,
            Map<String, Object> row) {
        boolean randomized = t.subject().history().stream().anyMatch(h -> h.to() == SubjectState.RANDOMIZED);
        if (!randomized) {
            row.put("ARMNRS", t.subject().state() == SubjectState.SCREEN_FAILURE ? "SCREEN FAILURE"
                    : "NOT ASSIGNED");
            return;
        }
        if (view.group() == null) {
            row.put("ARMNRS", BLINDED);
            return;
        }
        String label = String.join(" then ", view.treatments());
        row.put("ARMCD", view.group());
        row.put("ARM", label);
        if (treated) {
            row.put("ACTARMCD", view.group());
            row.put("ACTARM", label);
        } else {
            row.put("ARMNRS", "ASSIGNED, NOT TREATED");
        }
    }

    /** SDTM's sex: M, F, or U where the record says unknown or something else. */
    private static String sex(PatientRecord record) {
        if (record.sex() == null) {
            return null;
        }
        return switch (record.sex()) {
            case MALE -> "M";
            case FEMALE -> "F";
            case OTHER, UNKNOWN -> "U";
        };
    }

    /** The ISO 3166 three-letter code of the site's country, from the registry's location of that name; or null. */
    static String country(ExportSource source, String site) {
        Optional<String> country = source.protocol().locations().stream()
                .filter(l -> site != null && (site.equals(l.facility()) || site.equals(l.city())))
                .map(Location::country).filter(c -> c != null && !c.isBlank()).findFirst();
        return country.map(DemographicsDomain::alpha3).orElse(null);
    }

    private static String alpha3(String country) {
        String c = country.strip();
        if (c.length() == 2) {
            try {
                return new Locale("", c.toUpperCase(Locale.ROOT)).getISO3Country();
            } catch (MissingResourceException e) {
                return null;
            }
        }
        return Arrays.stream(Locale.getISOCountries()).map(code -> new Locale("", code))
                .filter(l -> l.getDisplayCountry(Locale.ENGLISH).equalsIgnoreCase(c)).map(Locale::getISO3Country)
                .findFirst().orElse(null);
    }
}
