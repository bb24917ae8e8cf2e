package org.stroma.protocol.registry.classic;

import java.util.ArrayList;
import java.util.List;
import org.stroma.protocol.Age;
import org.stroma.protocol.Allocation;
import org.stroma.protocol.Arm;
import org.stroma.protocol.ArmType;
import org.stroma.protocol.Coded;
import org.stroma.protocol.Contact;
import org.stroma.protocol.ContactRole;
import org.stroma.protocol.DateType;
import org.stroma.protocol.Design;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.Enrollment;
import org.stroma.protocol.Identification;
import org.stroma.protocol.Intervention;
import org.stroma.protocol.InterventionModel;
import org.stroma.protocol.InterventionType;
import org.stroma.protocol.Link;
import org.stroma.protocol.Location;
import org.stroma.protocol.MaskedParty;
import org.stroma.protocol.Masking;
import org.stroma.protocol.MaskingInfo;
import org.stroma.protocol.Official;
import org.stroma.protocol.OfficialRole;
import org.stroma.protocol.Organization;
import org.stroma.protocol.OrganizationClass;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.OutcomeKind;
import org.stroma.protocol.OverallStatus;
import org.stroma.protocol.PartialDate;
import org.stroma.protocol.Phase;
import org.stroma.protocol.PrimaryPurpose;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.Reference;
import org.stroma.protocol.ReferenceType;
import org.stroma.protocol.ResponsibleParty;
import org.stroma.protocol.ResponsiblePartyType;
import org.stroma.protocol.SecondaryId;
import org.stroma.protocol.SecondaryIdType;
import org.stroma.protocol.Sex;
import org.stroma.protocol.Sponsorship;
import org.stroma.protocol.StandardAge;
import org.stroma.protocol.StudyDate;
import org.stroma.protocol.StudyStatus;
import org.stroma.protocol.StudyType;
import org.stroma.protocol.registry.AgeText;
import org.stroma.protocol.registry.JsonRecordReader;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.RegistryDates;
import org.stroma.protocol.registry.TrackedJson;
import org.stroma.protocol.registry.TrackedJson.Cursor;
import org.stroma.protocol.registry.Vocabulary;

/**
 * Reads one {@code Study} of the retired classic ClinicalTrials.gov API: the same modules as API v2 in PascalCase,
 * lists wrapped as {@code XList.X[]}, display strings instead of codes ("Parallel Assignment", "Anticipated"), numbers
 * as strings and dates as "June 8, 2015".
 */
public final class ClassicApiReader extends JsonRecordReader {
    public static final String FORMAT = "ClinicalTrials.gov classic API JSON";

    private final TrackedJson json;

    private ClassicApiReader(TrackedJson json) {
        super(FORMAT);
        this.json = json;
    }

    @Override
    protected <E extends Enum<E> & Coded> E resolve(Class<E> type, String text) {
        return Vocabulary.find(type, text);
    }

    /** The protocol (before free-text interpretation) and the reader's warnings. */
    public record Result(Protocol protocol, List<String> warnings) {
    }

    public static Result read(TrackedJson json) {
        ClassicApiReader reader = new ClassicApiReader(json);
        return new Result(reader.study(), List.copyOf(reader.warnings));
    }

    private Protocol study() {
        Cursor ps = json.root().get("ProtocolSection");
        Cursor description = ps.get("DescriptionModule");
        Cursor conditions = ps.get("ConditionsModule");
        Cursor contacts = ps.get("ContactsLocationsModule");
        return new Protocol(identification(ps.get("IdentificationModule")), status(ps.get("StatusModule")),
                sponsorship(ps.get("SponsorCollaboratorsModule")),
                text(description.get("BriefSummary"), "briefSummary"),
                text(description.get("DetailedDescription"), "detailedDescription"),
                texts(conditions.get("ConditionList").get("Condition"), "conditions"),
                texts(conditions.get("KeywordList").get("Keyword"), "keywords"),
                design(ps.get("DesignModule")), arms(ps.get("ArmsInterventionsModule")),
                interventions(ps.get("ArmsInterventionsModule")), outcomes(ps.get("OutcomesModule")),
                eligibility(ps.get("EligibilityModule")),
                contacts(contacts.get("CentralContactList").get("CentralContact"), "CentralContact", "centralContacts"),
                officials(contacts.get("OverallOfficialList").get("OverallOfficial")),
                locations(contacts.get("LocationList").get("Location")),
                references(ps.get("ReferencesModule").get("ReferenceList").get("Reference")),
                links(ps.get("ReferencesModule").get("SeeAlsoLinkList").get("SeeAlsoLink")), provenance.build());
    }

    private Identification identification(Cursor m) {
        List<SecondaryId> secondary = new ArrayList<>();
        Cursor list = m.get("SecondaryIdInfoList").get("SecondaryIdInfo");
        for (Cursor s : list.elements()) {
            secondary.add(new SecondaryId(s.get("SecondaryId").text(), code(s.get("SecondaryIdType"),
                    SecondaryIdType.class), s.get("SecondaryIdDomain").text(), s.get("SecondaryIdLink").text()));
        }
        provenance.read("identification.secondaryIds", list.path(), secondary);
        Cursor org = m.get("Organization");
        Organization organization = org.exists() ? new Organization(org.get("OrgFullName").text(),
                code(org.get("OrgClass"), OrganizationClass.class)) : null;
        provenance.read("identification.organization", org.path(), organization);
        return new Identification(text(m.get("NCTId"), "identification.nctId"),
                texts(m.get("NCTIdAliasList").get("NCTIdAlias"), "identification.nctIdAliases"),
                text(m.get("OrgStudyIdInfo").get("OrgStudyId"), "identification.orgStudyId"), secondary, organization,
                text(m.get("BriefTitle"), "identification.briefTitle"),
                text(m.get("OfficialTitle"), "identification.officialTitle"),
                text(m.get("Acronym"), "identification.acronym"));
    }

    private StudyStatus status(Cursor m) {
        return new StudyStatus(code(m.get("OverallStatus"), OverallStatus.class, "status.overallStatus"),
                code(m.get("LastKnownStatus"), OverallStatus.class, "status.lastKnownStatus"),
                text(m.get("WhyStopped"), "status.whyStopped"),
                date(m.get("StatusVerifiedDate"), "status.statusVerified"),
                studyDate(m.get("StartDateStruct"), "StartDate", "status.start"),
                studyDate(m.get("PrimaryCompletionDateStruct"), "PrimaryCompletionDate", "status.primaryCompletion"),
                studyDate(m.get("CompletionDateStruct"), "CompletionDate", "status.completion"),
                date(m.get("StudyFirstSubmitDate"), "status.firstSubmitted"),
                studyDate(m.get("StudyFirstPostDateStruct"), "StudyFirstPostDate", "status.firstPosted"),
                date(m.get("LastUpdateSubmitDate"), "status.lastUpdateSubmitted"),
                studyDate(m.get("LastUpdatePostDateStruct"), "LastUpdatePostDate", "status.lastUpdatePosted"));
    }

    private Sponsorship sponsorship(Cursor m) {
        List<Organization> collaborators = new ArrayList<>();
        Cursor list = m.get("CollaboratorList").get("Collaborator");
        for (Cursor c : list.elements()) {
            collaborators.add(new Organization(c.get("CollaboratorName").text(),
                    code(c.get("CollaboratorClass"), OrganizationClass.class)));
        }
        provenance.read("sponsorship.collaborators", list.path(), collaborators);
        Cursor rp = m.get("ResponsibleParty");
        ResponsibleParty responsible = rp.exists() ? new ResponsibleParty(
                code(rp.get("ResponsiblePartyType"), ResponsiblePartyType.class),
                rp.get("ResponsiblePartyInvestigatorFullName").text(),
                rp.get("ResponsiblePartyInvestigatorTitle").text(),
                rp.get("ResponsiblePartyInvestigatorAffiliation").text()) : null;
        provenance.read("sponsorship.responsibleParty", rp.path(), responsible);
        Cursor lead = m.get("LeadSponsor");
        Organization leadSponsor = lead.exists() ? new Organization(lead.get("LeadSponsorName").text(),
                code(lead.get("LeadSponsorClass"), OrganizationClass.class)) : null;
        provenance.read("sponsorship.leadSponsor", lead.path(), leadSponsor);
        return new Sponsorship(leadSponsor, collaborators, responsible);
    }

    private Design design(Cursor m) {
        Cursor info = m.get("DesignInfo");
        Cursor masking = info.get("DesignMaskingInfo");
        List<Phase> phases = codes(m.get("PhaseList").get("Phase"), Phase.class, "design.phases");
        List<MaskedParty> who = codes(masking.get("DesignWhoMaskedList").get("DesignWhoMasked"), MaskedParty.class,
                "design.masking.whoMasked");
        MaskingInfo maskingInfo = masking.exists() ? new MaskingInfo(
                code(masking.get("DesignMasking"), Masking.class, "design.masking.level"), who,
                text(masking.get("DesignMaskingDescription"), "design.masking.description")) : null;
        Cursor enrollment = m.get("EnrollmentInfo");
        Enrollment enrolled = enrollment.exists() ? new Enrollment(count(enrollment.get("EnrollmentCount")),
                code(enrollment.get("EnrollmentType"), DateType.class, "design.enrollment.type")) : null;
        return new Design(code(m.get("StudyType"), StudyType.class, "design.studyType"), phases,
                code(info.get("DesignAllocation"), Allocation.class, "design.allocation"),
                code(info.get("DesignInterventionModel"), InterventionModel.class, "design.interventionModel"),
                text(info.get("DesignInterventionModelDescription"), "design.interventionModelDescription"),
                code(info.get("DesignPrimaryPurpose"), PrimaryPurpose.class, "design.primaryPurpose"), maskingInfo,
                enrolled, null);
    }

    private Integer count(Cursor c) {
        String text = c.text();
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.trim().replace(",", ""));
            provenance.read("design.enrollment.count", c.path(), value);
            return value;
        } catch (NumberFormatException e) {
            throw new RecordFormatException(c.path(), "expected a whole number of participants, found \"" + text + "\"");
        }
    }

    private List<Arm> arms(Cursor m) {
        List<Arm> arms = new ArrayList<>();
        Cursor list = m.get("ArmGroupList").get("ArmGroup");
        for (Cursor a : list.elements()) {
            arms.add(new Arm(a.get("ArmGroupLabel").text(), code(a.get("ArmGroupType"), ArmType.class),
                    a.get("ArmGroupDescription").text(),
                    a.get("ArmGroupInterventionList").get("ArmGroupInterventionName").texts(), null));
        }
        provenance.read("arms", list.path(), arms);
        return arms;
    }

    private List<Intervention> interventions(Cursor m) {
        List<Intervention> interventions = new ArrayList<>();
        Cursor list = m.get("InterventionList").get("Intervention");
        for (Cursor i : list.elements()) {
            interventions.add(new Intervention(code(i.get("InterventionType"), InterventionType.class),
                    i.get("InterventionName").text(), i.get("InterventionDescription").text(),
                    i.get("InterventionArmGroupLabelList").get("InterventionArmGroupLabel").texts(),
                    i.get("InterventionOtherNameList").get("InterventionOtherName").texts(), null));
        }
        provenance.read("interventions", list.path(), interventions);
        return interventions;
    }

    private List<Outcome> outcomes(Cursor m) {
        List<Outcome> outcomes = new ArrayList<>();
        for (OutcomeKind kind : OutcomeKind.values()) {
            String prefix = switch (kind) {
                case PRIMARY -> "PrimaryOutcome";
                case SECONDARY -> "SecondaryOutcome";
                case OTHER -> "OtherOutcome";
            };
            for (Cursor o : m.get(prefix + "List").get(prefix).elements()) {
                outcomes.add(new Outcome(kind, o.get(prefix + "Measure").text(), o.get(prefix + "Description").text(),
                        o.get(prefix + "TimeFrame").text(), null));
            }
        }
        provenance.read("outcomes", m.path(), outcomes);
        return outcomes;
    }

    private Eligibility eligibility(Cursor m) {
        if (!m.exists()) {
            return null;
        }
        List<StandardAge> ages = codes(m.get("StdAgeList").get("StdAge"), StandardAge.class, "eligibility.standardAges");
        return new Eligibility(text(m.get("EligibilityCriteria"), "eligibility.criteriaText"),
                yesNo(m.get("HealthyVolunteers"), "eligibility.healthyVolunteers"),
                code(m.get("Gender"), Sex.class, "eligibility.sex"),
                yesNo(m.get("GenderBased"), "eligibility.genderBased"),
                text(m.get("GenderDescription"), "eligibility.genderDescription"),
                age(m.get("MinimumAge"), "eligibility.minimumAge"), age(m.get("MaximumAge"), "eligibility.maximumAge"),
                ages, text(m.get("StudyPopulation"), "eligibility.studyPopulation"),
                text(m.get("SamplingMethod"), "eligibility.samplingMethod"), List.of(), List.of());
    }

    private List<Contact> contacts(Cursor list, String prefix, String field) {
        List<Contact> contacts = new ArrayList<>();
        for (Cursor c : list.elements()) {
            contacts.add(new Contact(c.get(prefix + "Name").text(), code(c.get(prefix + "Role"), ContactRole.class),
                    c.get(prefix + "Phone").text(), c.get(prefix + "PhoneExt").text(), c.get(prefix + "EMail").text()));
        }
        if (field != null) {
            provenance.read(field, list.path(), contacts);
        }
        return contacts;
    }

    private List<Official> officials(Cursor list) {
        List<Official> officials = new ArrayList<>();
        for (Cursor o : list.elements()) {
            officials.add(new Official(o.get("OverallOfficialName").text(), o.get("OverallOfficialAffiliation").text(),
                    code(o.get("OverallOfficialRole"), OfficialRole.class)));
        }
        provenance.read("overallOfficials", list.path(), officials);
        return officials;
    }

    private List<Location> locations(Cursor list) {
        List<Location> locations = new ArrayList<>();
        for (Cursor l : list.elements()) {
            locations.add(new Location(l.get("LocationFacility").text(),
                    code(l.get("LocationStatus"), OverallStatus.class), l.get("LocationCity").text(),
                    l.get("LocationState").text(), l.get("LocationZip").text(), l.get("LocationCountry").text(),
                    contacts(l.get("LocationContactList").get("LocationContact"), "LocationContact", null), null));
        }
        provenance.read("locations", list.path(), locations);
        return locations;
    }

    private List<Reference> references(Cursor list) {
        List<Reference> references = new ArrayList<>();
        for (Cursor r : list.elements()) {
            references.add(new Reference(r.get("ReferencePMID").text(), code(r.get("ReferenceType"),
                    ReferenceType.class), r.get("ReferenceCitation").text()));
        }
        provenance.read("references", list.path(), references);
        return references;
    }

    private List<Link> links(Cursor list) {
        List<Link> links = new ArrayList<>();
        for (Cursor l : list.elements()) {
            links.add(new Link(l.get("SeeAlsoLinkLabel").text(), l.get("SeeAlsoLinkURL").text()));
        }
        provenance.read("links", list.path(), links);
        return links;
    }

    private StudyDate studyDate(Cursor struct, String name, String field) {
        PartialDate date = date(struct.get(name), null);
        if (date == null) {
            return null;
        }
        StudyDate value = new StudyDate(date, code(struct.get(name + "Type"), DateType.class));
        provenance.read(field, struct.path(), value);
        return value;
    }

    private PartialDate date(Cursor c, String field) {
        String text = c.text();
        if (text == null) {
            return null;
        }
        PartialDate date = RegistryDates.parse(text);
        if (date == null) {
            warnings.add(c.path() + ": \"" + text + "\" is not a date");
            return null;
        }
        if (field != null) {
            provenance.read(field, c.path(), date);
        }
        return date;
    }

    private Age age(Cursor c, String field) {
        String text = c.text();
        Age age = AgeText.parse(text);
        if (age == null && !AgeText.meansNoLimit(text)) {
            warnings.add(c.path() + ": \"" + text + "\" is not an age such as \"18 Years\"");
        }
        provenance.read(field, c.path(), age);
        return age;
    }

    private Boolean yesNo(Cursor c, String field) {
        String text = c.text();
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        Boolean value = t.startsWith("yes") || t.startsWith("accepts") ? Boolean.TRUE
                : t.startsWith("no") ? Boolean.FALSE : null;
        if (value == null) {
            warnings.add(c.path() + ": \"" + text + "\" is neither yes nor no");
        }
        provenance.read(field, c.path(), value);
        return value;
    }

}
