package org.stroma.export.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Resource;
import org.stroma.export.ExportSource;
import org.stroma.trial.conduct.ProductView;
import org.stroma.trial.conduct.SubjectView;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.subject.Consent;
import org.stroma.trial.subject.StateChange;
import org.stroma.trial.subject.Subject;
import org.stroma.trial.subject.SubjectState;

/**
 * A subject as a pseudonymous Patient — the trial's subject number, the administrative sex the screened record gives
 * and the year of birth, nothing that names them — and their ResearchSubject: status, period in the study and, only
 * where the export's role may know it, the arm assigned and the arm actually received.
 */
final class SubjectResources {
    /**
     * The oldest age at which the year of birth is given: above it, a year of birth narrows a person down too far, as
     * the HIPAA Safe Harbor rule also holds (ages over 89 are given only as "90 or older").
     */
    private static final int OLDEST_AGE_WITH_BIRTH_YEAR = 89;

    private final ExportSource source;
    private final String trial;

    SubjectResources(ExportSource source) {
        this.source = source;
        this.trial = source.design().trial();
    }

    static String patientId(ExportSource source, String subject) {
        return FhirIds.of(source.design().trial(), subject);
    }

    static Reference patientReference(ExportSource source, String subject) {
        return new Reference("Patient/" + patientId(source, subject));
    }

    List<Resource> resources(Subject s) {
        List<Resource> out = new ArrayList<>();
        out.add(patient(s));
        out.add(researchSubject(s));
        return out;
    }

    private Identifier subjectNumber(Subject s) {
        return new Identifier().setSystem(Systems.of(Systems.SUBJECT, trial)).setValue(s.id());
    }

    private Patient patient(Subject s) {
        Patient p = new Patient();
        p.setId(patientId(source, s.id()));
        p.addIdentifier(subjectNumber(s));
        PatientRecord record = source.screenedRecord(s.id());
        if (record != null && record.sex() != null) {
            p.setGender(switch (record.sex()) {
                case FEMALE -> AdministrativeGender.FEMALE;
                case MALE -> AdministrativeGender.MALE;
                case OTHER -> AdministrativeGender.OTHER;
                case UNKNOWN -> AdministrativeGender.UNKNOWN;
            });
        }
        if (record != null && record.birthDate() != null) {
            Integer age = record.ageOn(referenceDay(s));
            if (age != null && age <= OLDEST_AGE_WITH_BIRTH_YEAR) {
                p.setBirthDateElement(new DateType(String.valueOf(record.birthDate().getYear())));
            }
        }
        return p;
    }

    /** The day a subject's age is reckoned on: their consent, or the export's day for one who never consented. */
    private LocalDate referenceDay(Subject s) {
        List<Consent> consents = source.consents(s.id());
        return consents.isEmpty() ? source.localDay(s.id(), source.exportedAt())
                : source.localDay(s.id(), consents.get(0).signedAt());
    }

    private ResearchSubject researchSubject(Subject s) {
        ResearchSubject r = new ResearchSubject();
        r.setId(patientId(source, s.id()));
        r.addIdentifier(subjectNumber(s));
        r.setStatus(SubjectStatus.of(s.state()));
        r.setStudy(StudyResources.studyReference(source));
        r.setIndividual(patientReference(source, s.id()));
        if (!s.history().isEmpty()) {
            Period period = new Period().setStartElement(instant(s.history().get(0)));
            StateChange last = s.history().get(s.history().size() - 1);
            if (last.to().isFinal()) {
                period.setEndElement(instant(last));
            }
            r.setPeriod(period);
        }
        SubjectView view = source.view(s.id());
        // the arms only where the role may know them: a blinded view has neither group nor treatments
        if (!source.blinded() && view.treatments() != null && !view.treatments().isEmpty()) {
            r.setAssignedArm(String.join(" then ", view.treatments()));
            String actual = actualArm(s, view.treatments());
            if (actual != null) {
                r.setActualArm(actual);
            }
        }
        return r;
    }

    /**
     * The arms of the periods whose product the subject was given, in order; where the arm gives no product (no
     * intervention), the arm assigned once the subject reached treatment. Null when nothing was received.
     */
    private String actualArm(Subject s, List<String> treatments) {
        List<String> received = new ArrayList<>();
        List<ProductView> products = source.products(s.id());
        for (ProductView p : products.stream().sorted(Comparator.comparingInt(ProductView::period))
                .toList()) {
            boolean given = p.steps().stream().anyMatch(st -> "administered".equals(st.what()));
            if (given && p.period() >= 1 && p.period() <= treatments.size()) {
                received.add(treatments.get(p.period() - 1));
            }
        }
        if (!received.isEmpty()) {
            return String.join(" then ", received);
        }
        boolean treated = s.history().stream().anyMatch(h -> h.to() == SubjectState.TREATED);
        return products.isEmpty() && treated ? String.join(" then ", treatments) : null;
    }

    private static DateTimeType instant(StateChange c) {
        return Times.dateTime(c.at());
    }
}
