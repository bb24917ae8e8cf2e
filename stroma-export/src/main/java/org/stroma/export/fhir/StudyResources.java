package org.stroma.export.fhir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;
import org.stroma.export.ExportSource;
import org.stroma.protocol.Arm;
import org.stroma.protocol.Location;
import org.stroma.protocol.PartialDate;
import org.stroma.protocol.Phase;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.StudyDate;
import org.stroma.trial.subject.Subject;

/**
 * The study as its registry record and Stroma's design describe it: the ResearchStudy with its arms — as the protocol
 * describes them, which every reader may know — and the resources it points to: the lead sponsor, each site, and the
 * enrollment planned. Nothing here depends on a subject's allocation, so a blinded export writes it whole.
 */
final class StudyResources {
    private final ExportSource source;
    private final String trial;

    StudyResources(ExportSource source) {
        this.source = source;
        this.trial = source.design().trial();
    }

    /** The id of the ResearchStudy every other resource refers to. */
    static String studyId(ExportSource source) {
        return FhirIds.of(source.design().trial());
    }

    static Reference studyReference(ExportSource source) {
        return new Reference("ResearchStudy/" + studyId(source));
    }

    /** The id of a site's Location. */
    static String siteId(String trial, String site) {
        return FhirIds.of(trial, "site", site);
    }

    List<Resource> resources() {
        Protocol p = source.protocol();
        Organization sponsor = sponsor(p);
        List<org.hl7.fhir.r4.model.Location> sites = sites(p);
        Group enrollment = enrollment(p);
        List<Resource> out = new ArrayList<>();
        out.add(study(p, sponsor, sites, enrollment));
        if (sponsor != null) {
            out.add(sponsor);
        }
        out.addAll(sites);
        if (enrollment != null) {
            out.add(enrollment);
        }
        return out;
    }

    private ResearchStudy study(Protocol p, Organization sponsor, List<org.hl7.fhir.r4.model.Location> sites,
            Group enrollment) {
        ResearchStudy study = new ResearchStudy();
        study.setId(studyId(source));
        String nct = p.identification() == null ? null : p.identification().nctId();
        if (nct != null) {
            study.addIdentifier(new Identifier().setSystem(Systems.CLINICAL_TRIALS_GOV).setValue(nct));
        }
        study.setTitle(source.design().title());
        study.setStatus(RegistryCodes.status(p.status() == null ? null : p.status().overallStatus(),
                p.status() == null ? null : p.status().lastKnownStatus()));
        if (p.design() != null) {
            String phase = RegistryCodes.phase(p.design().phases());
            if (phase != null) {
                String words = String.join(", ", p.design().phases().stream().map(Phase::label).toList());
                study.setPhase(new CodeableConcept().addCoding(new Coding(Systems.STUDY_PHASE, phase, null))
                        .setText(words));
            }
            String purpose = RegistryCodes.purpose(p.design().primaryPurpose());
            if (purpose != null) {
                study.setPrimaryPurposeType(new CodeableConcept().addCoding(new Coding(Systems.STUDY_PURPOSE,
                        purpose, null)));
            }
        }
        p.conditions().forEach(c -> study.addCondition(new CodeableConcept().setText(c)));
        if (p.briefSummary() != null && !p.briefSummary().isBlank()) {
            study.setDescription(p.briefSummary());
        }
        Period period = period(p);
        if (period != null) {
            study.setPeriod(period);
        }
        if (enrollment != null) {
            study.addEnrollment(new Reference("Group/" + enrollment.getIdPart()));
        }
        if (sponsor != null) {
            study.setSponsor(new Reference("Organization/" + sponsor.getIdPart()));
        }
        sites.forEach(l -> study.addSite(new Reference("Location/" + l.getIdPart()).setDisplay(l.getName())));
        // the arms as the protocol describes them to everyone: which subject is in which is the ResearchSubject's
        for (Arm arm : p.arms()) {
            ResearchStudy.ResearchStudyArmComponent a = study.addArm().setName(arm.label());
            if (arm.type() != null) {
                a.setType(new CodeableConcept().setText(arm.type().label()));
            }
            if (arm.description() != null && !arm.description().isBlank()) {
                a.setDescription(arm.description());
            }
        }
        return study;
    }

    /** From the study's start to its completion, as precise as the registry gives them. */
    private static Period period(Protocol p) {
        if (p.status() == null) {
            return null;
        }
        DateTimeType start = date(p.status().start());
        DateTimeType end = date(p.status().completion());
        if (start == null && end == null) {
            return null;
        }
        Period period = new Period();
        if (start != null) {
            period.setStartElement(start);
        }
        if (end != null) {
            period.setEndElement(end);
        }
        return period;
    }

    private static DateTimeType date(StudyDate d) {
        if (d == null || d.date() == null) {
            return null;
        }
        PartialDate pd = d.date();
        String text = String.format(Locale.ROOT, "%04d", pd.year())
                + (pd.month() == null ? "" : String.format(Locale.ROOT, "-%02d", pd.month()))
                + (pd.day() == null ? "" : String.format(Locale.ROOT, "-%02d", pd.day()));
        return new DateTimeType(text);
    }

    /** The planned (or actual) enrollment as R4 can say it: a group of that many people, not a list of members. */
    private Group enrollment(Protocol p) {
        if (p.design() == null || p.design().enrollment() == null || p.design().enrollment().count() == null) {
            return null;
        }
        Group g = new Group();
        g.setId(FhirIds.of(trial, "enrollment"));
        g.setType(Group.GroupType.PERSON);
        g.setActual(false);
        g.setName("Enrollment of " + trial + (p.design().enrollment().type() == null ? ""
                : " (" + p.design().enrollment().type().label().toLowerCase(Locale.ROOT) + ")"));
        g.setQuantity(p.design().enrollment().count());
        return g;
    }

    private Organization sponsor(Protocol p) {
        if (p.sponsorship() == null || p.sponsorship().leadSponsor() == null
                || p.sponsorship().leadSponsor().name() == null) {
            return null;
        }
        Organization o = new Organization();
        o.setId(FhirIds.of(trial, "sponsor"));
        o.setName(p.sponsorship().leadSponsor().name());
        return o;
    }

    /** The design's sites, with any a subject belongs to that the design does not list, each with its address. */
    private List<org.hl7.fhir.r4.model.Location> sites(Protocol p) {
        Set<String> names = new LinkedHashSet<>(source.design().sites());
        source.subjects().stream().map(Subject::site).filter(s -> s != null).forEach(names::add);
        List<org.hl7.fhir.r4.model.Location> out = new ArrayList<>();
        for (String name : names) {
            org.hl7.fhir.r4.model.Location l = new org.hl7.fhir.r4.model.Location();
            l.setId(siteId(trial, name));
            l.setName(name);
            p.locations().stream().filter(x -> name.equals(x.facility() != null ? x.facility() : x.city()))
                    .findFirst().ifPresent(x -> l.setAddress(address(x)));
            out.add(l);
        }
        return out;
    }

    private static Address address(Location l) {
        Address a = new Address();
        if (l.city() != null) {
            a.setCity(l.city());
        }
        if (l.state() != null) {
            a.setState(l.state());
        }
        if (l.zip() != null) {
            a.setPostalCode(l.zip());
        }
        if (l.country() != null) {
            a.setCountry(l.country());
        }
        return a;
    }
}
