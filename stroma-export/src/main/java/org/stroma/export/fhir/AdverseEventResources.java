package org.stroma.export.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.stroma.export.ExportSource;
import org.stroma.trial.capture.Casebook;
import org.stroma.trial.safety.Causality;
import org.stroma.trial.safety.Grade;
import org.stroma.trial.safety.Outcome;

/**
 * Each adverse event as last reported, as an R4 AdverseEvent: an actual event of the subject in the study, its
 * verbatim term, onset, seriousness (with the criteria met), severity from the CTCAE grade, outcome, and the
 * investigator's causality assessment against the study product. The assessment is made blinded, so it tells nothing
 * of the arm, and the suspect entity is named only as "the study product" — R4 lets it point to a medication or a
 * device, not to a BiologicallyDerivedProduct, and pointing to the product given would add nothing a blinded reader may
 * not already see.
 */
final class AdverseEventResources {
    private final ExportSource source;

    AdverseEventResources(ExportSource source) {
        this.source = source;
    }

    List<Resource> resources(String subject) {
        List<Resource> out = new ArrayList<>();
        for (org.stroma.trial.safety.AdverseEvent e : source.adverseEvents()) {
            if (e.subject().equals(subject)) {
                out.add(adverseEvent(e));
            }
        }
        return out;
    }

    private AdverseEvent adverseEvent(org.stroma.trial.safety.AdverseEvent e) {
        AdverseEvent a = new AdverseEvent();
        a.setId(FhirIds.of(source.design().trial(), e.id()));
        a.setIdentifier(new Identifier().setSystem(Systems.of(Systems.ADVERSE_EVENT, source.design().trial()))
                .setValue(e.id()));
        a.setActuality(AdverseEvent.AdverseEventActuality.ACTUAL);
        a.setEvent(new CodeableConcept().setText(e.term()));
        a.setSubject(SubjectResources.patientReference(source, e.subject()));
        a.addStudy(StudyResources.studyReference(source));
        if (e.onset() != null) {
            a.setDateElement(new DateTimeType(e.onset().toString()));
        }
        List<Casebook.AdverseEventReport> reports = source.reports(e.id());
        if (!reports.isEmpty()) {
            a.setRecordedDateElement(Times.dateTime(reports.get(0).at()));
        }
        a.setSeriousness(new CodeableConcept().addCoding(new Coding(Systems.AE_SERIOUSNESS,
                e.isSerious() ? "Serious" : "Non-serious", e.isSerious() ? "Serious" : "Non-serious"))
                .setText(e.isSerious() ? "serious: " + e.seriousness().stream().map(c -> words(c.name()))
                        .collect(Collectors.joining(", ")) : "not serious"));
        if (e.grade() != null) {
            a.setSeverity(new CodeableConcept().addCoding(severity(e.grade()))
                    .setText("CTCAE grade " + e.grade().number()));
        }
        if (e.outcome() != null) {
            a.setOutcome(new CodeableConcept().addCoding(outcome(e.outcome())));
        }
        if (e.causality() != null) {
            AdverseEvent.AdverseEventSuspectEntityComponent suspect = a.addSuspectEntity();
            suspect.setInstance(new Reference().setDisplay("the study product"));
            suspect.addCausality().setAssessment(new CodeableConcept().addCoding(causality(e.causality())));
        }
        return a;
    }

    /** R4's three severities: CTCAE grades 3 to 5 are all "severe"; the grade itself is the text. */
    private static Coding severity(Grade g) {
        String code = switch (g) {
            case MILD -> "mild";
            case MODERATE -> "moderate";
            case SEVERE, LIFE_THREATENING, DEATH -> "severe";
        };
        return new Coding(Systems.AE_SEVERITY, code, code.substring(0, 1).toUpperCase(Locale.ROOT)
                + code.substring(1));
    }

    private static Coding outcome(Outcome o) {
        return switch (o) {
            case RECOVERED -> new Coding(Systems.AE_OUTCOME, "resolved", "Resolved");
            case RECOVERING -> new Coding(Systems.AE_OUTCOME, "recovering", "Recovering");
            case NOT_RECOVERED -> new Coding(Systems.AE_OUTCOME, "ongoing", "Ongoing");
            case RECOVERED_WITH_SEQUELAE -> new Coding(Systems.AE_OUTCOME, "resolvedWithSequelae",
                    "Resolved with Sequelae");
            case FATAL -> new Coding(Systems.AE_OUTCOME, "fatal", "Fatal");
            case UNKNOWN -> new Coding(Systems.AE_OUTCOME, "unknown", "Unknown");
        };
    }

    /** The WHO-UMC categories, as R4's causality-assessment code system names them. */
    private static Coding causality(Causality c) {
        return switch (c) {
            case CERTAIN -> new Coding(Systems.AE_CAUSALITY, "Certain", "Certain");
            case PROBABLE -> new Coding(Systems.AE_CAUSALITY, "Probably-Likely", "Probably/Likely");
            case POSSIBLE -> new Coding(Systems.AE_CAUSALITY, "Possible", "Possible");
            case UNLIKELY -> new Coding(Systems.AE_CAUSALITY, "Unlikely", "Unlikely");
            case CONDITIONAL -> new Coding(Systems.AE_CAUSALITY, "Conditional-Classified", "Conditional/Classified");
            case UNASSESSABLE -> new Coding(Systems.AE_CAUSALITY, "Unassessable-Unclassifiable",
                    "Unassessable/Unclassifiable");
        };
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
