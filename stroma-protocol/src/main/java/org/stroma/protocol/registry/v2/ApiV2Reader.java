package org.stroma.protocol.registry.v2;

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
import org.stroma.protocol.registry.TrackedJson;
import org.stroma.protocol.registry.TrackedJson.Cursor;
import org.stroma.protocol.registry.Vocabulary;

/**
 * Reads one study in ClinicalTrials.gov API v2 JSON ({@code protocolSection}, {@code derivedSection}, …) into the
 * protocol model. Values the model does not hold stay unread in the {@link TrackedJson}, for the exporter to give back.
 */
public final class ApiV2Reader extends JsonRecordReader {
    public static final String FORMAT = "ClinicalTrials.gov API v2 JSON";

    private final TrackedJson json;

    private ApiV2Reader(TrackedJson json) {
        super(FORMAT);
        this.json = json;
    }

    @Override
    protected <E extends Enum<E> & Coded> E resolve(Class<E> type, String text) {
        return Vocabulary.exactCode(type, text);
    }

    /** The protocol (before free-text interpretation) and the reader's warnings; unread values stay in {@code json}. */
    public record Result(Protocol protocol, List<String> warnings) {
    }

    public static Result read(TrackedJson json) {
        ApiV2Reader reader = new ApiV2Reader(json);
        return new Result(reader.study(), List.copyOf(reader.warnings));
    }

    private Protocol study() {
        Cursor study = json.root();
        Cursor ps = study.get("protocolSection");
        if (!ps.exists()) {
            throw new RecordFormatException(ps.path(), "a study in API v2 JSON needs a protocolSection");
        }
        Cursor description = ps.get("descriptionModule");
        Cursor conditions = ps.get("conditionsModule");
        return new Protocol(identification(ps.get("identificationModule")), status(ps.get("statusModule")),
                sponsorship(ps.get("sponsorCollaboratorsModule")),
                text(description.get("briefSummary"), "briefSummary"),
                text(description.get("detailedDescription"), "detailedDescription"),
                texts(conditions.get("conditions"), "conditions"), texts(conditions.get("keywords"), "keywords"),
                design(ps.get("designModule")), arms(ps.get("armsInterventionsModule")),
                interventions(ps.get("armsInterventionsModule")), outcomes(ps.get("outcomesModule")),
                eligibility(ps.get("eligibilityModule")),
                contacts(ps.get("contactsLocationsModule").get("centralContacts"), "centralContacts"),
                officials(ps.get("contactsLocationsModule").get("overallOfficials")),
                locations(ps.get("contactsLocationsModule").get("locations")),
                references(ps.get("referencesModule").get("references")),
                links(ps.get("referencesModule").get("seeAlsoLinks")), provenance.build());
    }

    private Identification identification(Cursor m) {
        List<SecondaryId> secondary = new ArrayList<>();
        for (Cursor s : m.get("secondaryIdInfos").elements()) {
            secondary.add(new SecondaryId(s.get("id").text(), code(s.get("type"), SecondaryIdType.class),
                    s.get("domain").text(), s.get("link").text()));
        }
        provenance.read("identification.secondaryIds", m.get("secondaryIdInfos").path(), secondary);
        return new Identification(text(m.get("nctId"), "identification.nctId"),
                texts(m.get("nctIdAliases"), "identification.nctIdAliases"),
                text(m.get("orgStudyIdInfo").get("id"), "identification.orgStudyId"), secondary,
                organization(m.get("organization"), "fullName", "identification.organization"),
                text(m.get("briefTitle"), "identification.briefTitle"),
                text(m.get("officialTitle"), "identification.officialTitle"),
                text(m.get("acronym"), "identification.acronym"));
    }

    private StudyStatus status(Cursor m) {
        return new StudyStatus(code(m.get("overallStatus"), OverallStatus.class, "status.overallStatus"),
                code(m.get("lastKnownStatus"), OverallStatus.class, "status.lastKnownStatus"),
                text(m.get("whyStopped"), "status.whyStopped"),
                date(m.get("statusVerifiedDate"), "status.statusVerified"),
                studyDate(m.get("startDateStruct"), "status.start"),
                studyDate(m.get("primaryCompletionDateStruct"), "status.primaryCompletion"),
                studyDate(m.get("completionDateStruct"), "status.completion"),
                date(m.get("studyFirstSubmitDate"), "status.firstSubmitted"),
                studyDate(m.get("studyFirstPostDateStruct"), "status.firstPosted"),
                date(m.get("lastUpdateSubmitDate"), "status.lastUpdateSubmitted"),
                studyDate(m.get("lastUpdatePostDateStruct"), "status.lastUpdatePosted"));
    }

    private Sponsorship sponsorship(Cursor m) {
        List<Organization> collaborators = new ArrayList<>();
        for (Cursor c : m.get("collaborators").elements()) {
            collaborators.add(organization(c, "name", null));
        }
        provenance.read("sponsorship.collaborators", m.get("collaborators").path(), collaborators);
        Cursor rp = m.get("responsibleParty");
        ResponsibleParty responsible = rp.exists() ? new ResponsibleParty(
                code(rp.get("type"), ResponsiblePartyType.class), rp.get("investigatorFullName").text(),
                rp.get("investigatorTitle").text(), rp.get("investigatorAffiliation").text()) : null;
        provenance.read("sponsorship.responsibleParty", rp.path(), responsible);
        return new Sponsorship(organization(m.get("leadSponsor"), "name", "sponsorship.leadSponsor"), collaborators,
                responsible);
    }

    private Design design(Cursor m) {
        Cursor info = m.get("designInfo");
        Cursor masking = info.get("maskingInfo");
        List<Phase> phases = codes(m.get("phases"), Phase.class, "design.phases");
        List<MaskedParty> who = codes(masking.get("whoMasked"), MaskedParty.class, "design.masking.whoMasked");
        MaskingInfo maskingInfo = masking.exists() ? new MaskingInfo(
                code(masking.get("masking"), Masking.class, "design.masking.level"), who,
                text(masking.get("maskingDescription"), "design.masking.description")) : null;
        Cursor enrollment = m.get("enrollmentInfo");
        Enrollment enrolled = enrollment.exists() ? new Enrollment(
                integer(enrollment.get("count"), "design.enrollment.count"),
                code(enrollment.get("type"), DateType.class, "design.enrollment.type")) : null;
        return new Design(code(m.get("studyType"), StudyType.class, "design.studyType"), phases,
                code(info.get("allocation"), Allocation.class, "design.allocation"),
                code(info.get("interventionModel"), InterventionModel.class, "design.interventionModel"),
                text(info.get("interventionModelDescription"), "design.interventionModelDescription"),
                code(info.get("primaryPurpose"), PrimaryPurpose.class, "design.primaryPurpose"), maskingInfo,
                enrolled, null);
    }

    private List<Arm> arms(Cursor m) {
        List<Arm> arms = new ArrayList<>();
        for (Cursor a : m.get("armGroups").elements()) {
            arms.add(new Arm(a.get("label").text(), code(a.get("type"), ArmType.class), a.get("description").text(),
                    a.get("interventionNames").texts(), null));
        }
        provenance.read("arms", m.get("armGroups").path(), arms);
        return arms;
    }

    private List<Intervention> interventions(Cursor m) {
        List<Intervention> interventions = new ArrayList<>();
        for (Cursor i : m.get("interventions").elements()) {
            interventions.add(new Intervention(code(i.get("type"), InterventionType.class), i.get("name").text(),
                    i.get("description").text(), i.get("armGroupLabels").texts(), i.get("otherNames").texts(), null));
        }
        provenance.read("interventions", m.get("interventions").path(), interventions);
        return interventions;
    }

    private List<Outcome> outcomes(Cursor m) {
        List<Outcome> outcomes = new ArrayList<>();
        for (OutcomeKind kind : OutcomeKind.values()) {
            Cursor list = m.get(V2Names.outcomeList(kind));
            for (Cursor o : list.elements()) {
                outcomes.add(new Outcome(kind, o.get("measure").text(), o.get("description").text(),
                        o.get("timeFrame").text(), null));
            }
        }
        provenance.read("outcomes", m.path(), outcomes);
        return outcomes;
    }

    private Eligibility eligibility(Cursor m) {
        if (!m.exists()) {
            return null;
        }
        List<StandardAge> ages = codes(m.get("stdAges"), StandardAge.class, "eligibility.standardAges");
        return new Eligibility(text(m.get("eligibilityCriteria"), "eligibility.criteriaText"),
                bool(m.get("healthyVolunteers"), "eligibility.healthyVolunteers"),
                code(m.get("sex"), Sex.class, "eligibility.sex"),
                bool(m.get("genderBased"), "eligibility.genderBased"),
                text(m.get("genderDescription"), "eligibility.genderDescription"),
                age(m.get("minimumAge"), "eligibility.minimumAge"), age(m.get("maximumAge"), "eligibility.maximumAge"),
                ages, text(m.get("studyPopulation"), "eligibility.studyPopulation"),
                text(m.get("samplingMethod"), "eligibility.samplingMethod"), List.of(), List.of());
    }

    private List<Contact> contacts(Cursor list, String field) {
        List<Contact> contacts = new ArrayList<>();
        for (Cursor c : list.elements()) {
            contacts.add(new Contact(c.get("name").text(), code(c.get("role"), ContactRole.class),
                    c.get("phone").text(), c.get("phoneExt").text(), c.get("email").text()));
        }
        if (field != null) {
            provenance.read(field, list.path(), contacts);
        }
        return contacts;
    }

    private List<Official> officials(Cursor list) {
        List<Official> officials = new ArrayList<>();
        for (Cursor o : list.elements()) {
            officials.add(new Official(o.get("name").text(), o.get("affiliation").text(),
                    code(o.get("role"), OfficialRole.class)));
        }
        provenance.read("overallOfficials", list.path(), officials);
        return officials;
    }

    private List<Location> locations(Cursor list) {
        List<Location> locations = new ArrayList<>();
        for (Cursor l : list.elements()) {
            Cursor geo = l.get("geoPoint");
            GeoPoint point = null;
            if (geo.exists() && geo.get("lat").exists() && geo.get("lon").exists()) {
                point = new GeoPoint(geo.get("lat").number(), geo.get("lon").number());
            }
            locations.add(new Location(l.get("facility").text(), code(l.get("status"), OverallStatus.class),
                    l.get("city").text(), l.get("state").text(), l.get("zip").text(), l.get("country").text(),
                    contacts(l.get("contacts"), null), point));
        }
        provenance.read("locations", list.path(), locations);
        return locations;
    }

    private List<Reference> references(Cursor list) {
        List<Reference> references = new ArrayList<>();
        for (Cursor r : list.elements()) {
            references.add(new Reference(r.get("pmid").text(), code(r.get("type"), ReferenceType.class),
                    r.get("citation").text()));
        }
        provenance.read("references", list.path(), references);
        return references;
    }

    private List<Link> links(Cursor list) {
        List<Link> links = new ArrayList<>();
        for (Cursor l : list.elements()) {
            links.add(new Link(l.get("label").text(), l.get("url").text()));
        }
        provenance.read("links", list.path(), links);
        return links;
    }

    private Organization organization(Cursor c, String nameField, String field) {
        if (!c.exists()) {
            return null;
        }
        Organization organization = new Organization(c.get(nameField).text(),
                code(c.get("class"), OrganizationClass.class));
        if (field != null) {
            provenance.read(field, c.path(), organization);
        }
        return organization;
    }

    private StudyDate studyDate(Cursor c, String field) {
        if (!c.exists()) {
            return null;
        }
        PartialDate date = date(c.get("date"), null);
        if (date == null) {
            return null;
        }
        StudyDate value = new StudyDate(date, code(c.get("type"), DateType.class));
        provenance.read(field, c.path(), value);
        return value;
    }

    private PartialDate date(Cursor c, String field) {
        String text = c.text();
        if (text == null) {
            return null;
        }
        PartialDate date = PartialDate.parseIso(text);
        if (date == null) {
            c.unmarkRead();
            warnings.add(c.path() + ": \"" + text + "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD); left as given");
            return null;
        }
        if (field != null) {
            provenance.read(field, c.path(), date);
        }
        return date;
    }

    private Age age(Cursor c, String field) {
        String text = c.text();
        if (text == null) {
            return null;
        }
        Age age = AgeText.parse(text);
        if (age == null) {
            c.unmarkRead();
            if (!AgeText.meansNoLimit(text)) {
                warnings.add(c.path() + ": \"" + text + "\" is not an age such as \"18 Years\"; left as given");
            }
            return null;
        }
        provenance.read(field, c.path(), age);
        return age;
    }

    private Integer integer(Cursor c, String field) {
        Integer value = c.integer();
        provenance.read(field, c.path(), value);
        return value;
    }

    private Boolean bool(Cursor c, String field) {
        Boolean value = c.bool();
        provenance.read(field, c.path(), value);
        return value;
    }

}
