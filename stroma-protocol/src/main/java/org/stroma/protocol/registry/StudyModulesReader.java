package org.stroma.protocol.registry;

import java.util.ArrayList;
import java.util.List;
import org.stroma.protocol.Allocation;
import org.stroma.protocol.Arm;
import org.stroma.protocol.ArmType;
import org.stroma.protocol.Contact;
import org.stroma.protocol.ContactRole;
import org.stroma.protocol.DateType;
import org.stroma.protocol.Design;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.Enrollment;
import org.stroma.protocol.GeoPoint;
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
import org.stroma.protocol.registry.TrackedJson.Cursor;
import org.stroma.protocol.registry.v2.V2Names;

/**
 * Reads the modules of a ClinicalTrials.gov study given as JSON: the API v2 and the retired classic API hold the same
 * fields in the same modules, named differently. The reading is written once, with API v2's names; a format's reader
 * says where each name is found in its JSON ({@link #field}) and how it writes a count and a yes or no.
 */
public abstract class StudyModulesReader extends JsonRecordReader {
    private final String formatName;

    protected StudyModulesReader(RecordFormat format, ValueSpelling spelling, TrackedJson json, boolean keptForExport) {
        super(format, spelling, json, keptForExport);
        this.formatName = format.description();
    }

    /** The field the API v2 names {@code name} within {@code parent} (a module, an object or a list's element). */
    protected abstract Cursor field(Cursor parent, String name);

    /** A count of participants. */
    protected abstract Integer count(Cursor c, String field);

    protected abstract Boolean yesNo(Cursor c, String field);

    @Override
    protected void readFields() {
        Cursor ps = field(json.root(), "protocolSection");
        if (!ps.exists()) {
            throw new RecordFormatException(ps.path(), "a study in " + formatName + " needs a "
                    + ps.pointer().substring(1));
        }
        Cursor description = field(ps, "descriptionModule");
        Cursor conditions = field(ps, "conditionsModule");
        Cursor arms = field(ps, "armsInterventionsModule");
        Cursor contacts = field(ps, "contactsLocationsModule");
        Cursor references = field(ps, "referencesModule");
        protocol.identification(identification(field(ps, "identificationModule")))
                .status(status(field(ps, "statusModule")))
                .sponsorship(sponsorship(field(ps, "sponsorCollaboratorsModule")))
                .briefSummary(text(field(description, "briefSummary"), "briefSummary"))
                .detailedDescription(text(field(description, "detailedDescription"), "detailedDescription"))
                .conditions(texts(field(conditions, "conditions"), "conditions"))
                .keywords(texts(field(conditions, "keywords"), "keywords"))
                .design(design(field(ps, "designModule")))
                .arms(arms(arms))
                .interventions(interventions(arms))
                .outcomes(outcomes(field(ps, "outcomesModule")))
                .eligibility(eligibility(field(ps, "eligibilityModule")))
                .centralContacts(contacts(field(contacts, "centralContacts"), "centralContacts"))
                .overallOfficials(officials(field(contacts, "overallOfficials")))
                .locations(locations(field(contacts, "locations")))
                .references(references(field(references, "references")))
                .links(links(field(references, "seeAlsoLinks")));
    }

    private Identification identification(Cursor m) {
        List<SecondaryId> secondary = new ArrayList<>();
        for (Cursor s : field(m, "secondaryIdInfos").elements()) {
            secondary.add(new SecondaryId(field(s, "id").text(), code(field(s, "type"), SecondaryIdType.class),
                    field(s, "domain").text(), field(s, "link").text()));
        }
        protocol.read("identification.secondaryIds", field(m, "secondaryIdInfos").path(), secondary);
        return new Identification(text(field(m, "nctId"), "identification.nctId"),
                texts(field(m, "nctIdAliases"), "identification.nctIdAliases"),
                text(field(field(m, "orgStudyIdInfo"), "id"), "identification.orgStudyId"), secondary,
                organization(field(m, "organization"), "fullName", "identification.organization"),
                text(field(m, "briefTitle"), "identification.briefTitle"),
                text(field(m, "officialTitle"), "identification.officialTitle"),
                text(field(m, "acronym"), "identification.acronym"));
    }

    private StudyStatus status(Cursor m) {
        return new StudyStatus(code(field(m, "overallStatus"), OverallStatus.class, "status.overallStatus"),
                code(field(m, "lastKnownStatus"), OverallStatus.class, "status.lastKnownStatus"),
                text(field(m, "whyStopped"), "status.whyStopped"),
                date(field(m, "statusVerifiedDate"), "status.statusVerified"),
                studyDate(field(m, "startDateStruct"), "status.start"),
                studyDate(field(m, "primaryCompletionDateStruct"), "status.primaryCompletion"),
                studyDate(field(m, "completionDateStruct"), "status.completion"),
                date(field(m, "studyFirstSubmitDate"), "status.firstSubmitted"),
                studyDate(field(m, "studyFirstPostDateStruct"), "status.firstPosted"),
                date(field(m, "lastUpdateSubmitDate"), "status.lastUpdateSubmitted"),
                studyDate(field(m, "lastUpdatePostDateStruct"), "status.lastUpdatePosted"));
    }

    private Sponsorship sponsorship(Cursor m) {
        List<Organization> collaborators = new ArrayList<>();
        for (Cursor c : field(m, "collaborators").elements()) {
            collaborators.add(organization(c, "name", null));
        }
        protocol.read("sponsorship.collaborators", field(m, "collaborators").path(), collaborators);
        Cursor rp = field(m, "responsibleParty");
        ResponsibleParty responsible = rp.exists() ? new ResponsibleParty(
                code(field(rp, "type"), ResponsiblePartyType.class), field(rp, "investigatorFullName").text(),
                field(rp, "investigatorTitle").text(), field(rp, "investigatorAffiliation").text()) : null;
        protocol.read("sponsorship.responsibleParty", rp.path(), responsible);
        return new Sponsorship(organization(field(m, "leadSponsor"), "name", "sponsorship.leadSponsor"), collaborators,
                responsible);
    }

    private Design design(Cursor m) {
        Cursor info = field(m, "designInfo");
        Cursor masking = field(info, "maskingInfo");
        List<Phase> phases = codes(field(m, "phases"), Phase.class, "design.phases");
        List<MaskedParty> who = codes(field(masking, "whoMasked"), MaskedParty.class, "design.masking.whoMasked");
        MaskingInfo maskingInfo = masking.exists() ? new MaskingInfo(
                code(field(masking, "masking"), Masking.class, "design.masking.level"), who,
                text(field(masking, "maskingDescription"), "design.masking.description")) : null;
        Cursor enrollment = field(m, "enrollmentInfo");
        Enrollment enrolled = enrollment.exists() ? new Enrollment(
                count(field(enrollment, "count"), "design.enrollment.count"),
                code(field(enrollment, "type"), DateType.class, "design.enrollment.type")) : null;
        return new Design(code(field(m, "studyType"), StudyType.class, "design.studyType"), phases,
                code(field(info, "allocation"), Allocation.class, "design.allocation"),
                code(field(info, "interventionModel"), InterventionModel.class, "design.interventionModel"),
                text(field(info, "interventionModelDescription"), "design.interventionModelDescription"),
                code(field(info, "primaryPurpose"), PrimaryPurpose.class, "design.primaryPurpose"), maskingInfo,
                enrolled, null);
    }

    private List<Arm> arms(Cursor m) {
        List<Arm> arms = new ArrayList<>();
        for (Cursor a : field(m, "armGroups").elements()) {
            arms.add(new Arm(field(a, "label").text(), code(field(a, "type"), ArmType.class), field(a, "description").text(),
                    field(a, "interventionNames").texts(), null));
        }
        protocol.read("arms", field(m, "armGroups").path(), arms);
        return arms;
    }

    private List<Intervention> interventions(Cursor m) {
        List<Intervention> interventions = new ArrayList<>();
        for (Cursor i : field(m, "interventions").elements()) {
            interventions.add(new Intervention(code(field(i, "type"), InterventionType.class), field(i, "name").text(),
                    field(i, "description").text(), field(i, "armGroupLabels").texts(), field(i, "otherNames").texts(), null));
        }
        protocol.read("interventions", field(m, "interventions").path(), interventions);
        return interventions;
    }

    private List<Outcome> outcomes(Cursor m) {
        List<Outcome> outcomes = new ArrayList<>();
        for (OutcomeKind kind : OutcomeKind.values()) {
            Cursor list = field(m, V2Names.outcomeList(kind));
            for (Cursor o : list.elements()) {
                outcomes.add(new Outcome(kind, field(o, "measure").text(), field(o, "description").text(),
                        field(o, "timeFrame").text(), null));
            }
        }
        protocol.read("outcomes", m.path(), outcomes);
        return outcomes;
    }

    private Eligibility eligibility(Cursor m) {
        if (!m.exists()) {
            return null;
        }
        List<StandardAge> ages = codes(field(m, "stdAges"), StandardAge.class, "eligibility.standardAges");
        return new Eligibility(text(field(m, "eligibilityCriteria"), "eligibility.criteriaText"),
                yesNo(field(m, "healthyVolunteers"), "eligibility.healthyVolunteers"),
                code(field(m, "sex"), Sex.class, "eligibility.sex"),
                yesNo(field(m, "genderBased"), "eligibility.genderBased"),
                text(field(m, "genderDescription"), "eligibility.genderDescription"),
                age(field(m, "minimumAge"), "eligibility.minimumAge"), age(field(m, "maximumAge"), "eligibility.maximumAge"),
                ages, text(field(m, "studyPopulation"), "eligibility.studyPopulation"),
                text(field(m, "samplingMethod"), "eligibility.samplingMethod"), List.of(), List.of());
    }

    private List<Contact> contacts(Cursor list, String field) {
        List<Contact> contacts = new ArrayList<>();
        for (Cursor c : list.elements()) {
            contacts.add(new Contact(field(c, "name").text(), code(field(c, "role"), ContactRole.class),
                    field(c, "phone").text(), field(c, "phoneExt").text(), field(c, "email").text()));
        }
        if (field != null) {
            protocol.read(field, list.path(), contacts);
        }
        return contacts;
    }

    private List<Official> officials(Cursor list) {
        List<Official> officials = new ArrayList<>();
        for (Cursor o : list.elements()) {
            officials.add(new Official(field(o, "name").text(), field(o, "affiliation").text(),
                    code(field(o, "role"), OfficialRole.class)));
        }
        protocol.read("overallOfficials", list.path(), officials);
        return officials;
    }

    private List<Location> locations(Cursor list) {
        List<Location> locations = new ArrayList<>();
        for (Cursor l : list.elements()) {
            Cursor geo = field(l, "geoPoint");
            GeoPoint point = null;
            if (geo.exists() && field(geo, "lat").exists() && field(geo, "lon").exists()) {
                point = new GeoPoint(field(geo, "lat").number(), field(geo, "lon").number());
            }
            locations.add(new Location(field(l, "facility").text(), code(field(l, "status"), OverallStatus.class),
                    field(l, "city").text(), field(l, "state").text(), field(l, "zip").text(), field(l, "country").text(),
                    contacts(field(l, "contacts"), null), point));
        }
        protocol.read("locations", list.path(), locations);
        return locations;
    }

    private List<Reference> references(Cursor list) {
        List<Reference> references = new ArrayList<>();
        for (Cursor r : list.elements()) {
            references.add(new Reference(field(r, "pmid").text(), code(field(r, "type"), ReferenceType.class),
                    field(r, "citation").text()));
        }
        protocol.read("references", list.path(), references);
        return references;
    }

    private List<Link> links(Cursor list) {
        List<Link> links = new ArrayList<>();
        for (Cursor l : list.elements()) {
            links.add(new Link(field(l, "label").text(), field(l, "url").text()));
        }
        protocol.read("links", list.path(), links);
        return links;
    }

    private Organization organization(Cursor c, String nameField, String field) {
        if (!c.exists()) {
            return null;
        }
        Organization organization = new Organization(field(c, nameField).text(),
                code(field(c, "class"), OrganizationClass.class));
        if (field != null) {
            protocol.read(field, c.path(), organization);
        }
        return organization;
    }

    /** A milestone date and whether it is actual or estimated, from the object that holds the two. */
    private StudyDate studyDate(Cursor struct, String field) {
        PartialDate date = date(field(struct, "date"), null);
        if (date == null) {
            return null;
        }
        StudyDate value = new StudyDate(date, code(field(struct, "type"), DateType.class));
        protocol.read(field, struct.path(), value);
        return value;
    }
}
