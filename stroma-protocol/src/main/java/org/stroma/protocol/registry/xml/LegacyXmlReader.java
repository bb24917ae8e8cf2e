package org.stroma.protocol.registry.xml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
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
import org.stroma.protocol.MaskingInfo;
import org.stroma.protocol.Official;
import org.stroma.protocol.OfficialRole;
import org.stroma.protocol.Organization;
import org.stroma.protocol.OrganizationClass;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.OutcomeKind;
import org.stroma.protocol.OverallStatus;
import org.stroma.protocol.PartialDate;
import org.stroma.protocol.PrimaryPurpose;
import org.stroma.protocol.Reference;
import org.stroma.protocol.ReferenceType;
import org.stroma.protocol.ResponsibleParty;
import org.stroma.protocol.ResponsiblePartyType;
import org.stroma.protocol.SecondaryId;
import org.stroma.protocol.Sex;
import org.stroma.protocol.Sponsorship;
import org.stroma.protocol.StudyDate;
import org.stroma.protocol.StudyStatus;
import org.stroma.protocol.StudyType;
import org.stroma.protocol.registry.IdentifierKinds;
import org.stroma.protocol.registry.RecordFormat;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.RecordReader;
import org.stroma.protocol.registry.ValueSpelling;
import org.stroma.protocol.registry.Vocabulary;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Reads the legacy ClinicalTrials.gov {@code <clinical_study>} XML download. Elements the model does not hold
 * (results, MeSH browse terms, …) are listed as not imported. Text blocks lose the download's indentation but keep
 * their own, so that nested criteria stay nested.
 */
public final class LegacyXmlReader extends RecordReader {
    private final Element root;
    private final Set<Element> read = new HashSet<>();

    public LegacyXmlReader(String xml) {
        super(RecordFormat.CTGOV_LEGACY_XML, ValueSpelling.DISPLAY_TEXT);
        this.root = parse(xml).getDocumentElement();
        if (!root.getTagName().equals("clinical_study")) {
            throw new RecordFormatException("/" + root.getTagName(),
                    "expected a <clinical_study> document, found <" + root.getTagName() + ">");
        }
    }

    /** The top-level elements not read. */
    @Override
    protected List<String> unmodelled() {
        List<String> unread = new ArrayList<>();
        for (Element child : children(root)) {
            String path = "/clinical_study/" + child.getTagName() + " (not imported)";
            if (!read.contains(child) && !unread.contains(path)) {
                unread.add(path);
            }
        }
        return unread;
    }

    private static Document parse(String xml) {
        XmlBounds.check(xml);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new RecordFormatException("line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                    "not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured securely", e);
        } catch (Exception e) {
            throw new RecordFormatException(null, "not well-formed XML: " + e.getMessage());
        }
    }

    @Override
    protected void readFields() {
        Element s = root;
        List<Intervention> interventions = interventions(s);
        protocol.identification(identification(s))
                .status(status(s))
                .sponsorship(sponsorship(s))
                .briefSummary(textBlock(s, "brief_summary", "briefSummary"))
                .detailedDescription(textBlock(s, "detailed_description", "detailedDescription"))
                .conditions(all(s, "condition", "conditions"))
                .keywords(all(s, "keyword", "keywords"))
                .design(design(s))
                .arms(arms(s, interventions))
                .interventions(interventions)
                .outcomes(outcomes(s))
                .eligibility(eligibility(s))
                .centralContacts(centralContacts(s))
                .overallOfficials(officials(s))
                .locations(locations(s))
                .references(references(s))
                .links(links(s));
    }

    private Identification identification(Element s) {
        Element ids = child(s, "id_info");
        List<SecondaryId> secondary = new ArrayList<>();
        for (Element e : children(ids, "secondary_id")) {
            String id = text(e);
            secondary.add(new SecondaryId(id, IdentifierKinds.recognise(id), null, null));
        }
        protocol.read("identification.secondaryIds", "/clinical_study/id_info/secondary_id", secondary);
        String source = value(s, "source", null);
        Organization organization = source == null ? null : new Organization(source, null);
        protocol.read("identification.organization", "/clinical_study/source", organization);
        return new Identification(value(ids, "nct_id", "identification.nctId"),
                all(ids, "nct_alias", "identification.nctIdAliases"), value(ids, "org_study_id",
                "identification.orgStudyId"), secondary, organization,
                value(s, "brief_title", "identification.briefTitle"),
                value(s, "official_title", "identification.officialTitle"),
                value(s, "acronym", "identification.acronym"));
    }

    private StudyStatus status(Element s) {
        return new StudyStatus(code(s, "overall_status", OverallStatus.class, "status.overallStatus"),
                code(s, "last_known_status", OverallStatus.class, "status.lastKnownStatus"),
                value(s, "why_stopped", "status.whyStopped"), date(s, "verification_date", "status.statusVerified"),
                studyDate(s, "start_date", "status.start"),
                studyDate(s, "primary_completion_date", "status.primaryCompletion"),
                studyDate(s, "completion_date", "status.completion"),
                date(s, "study_first_submitted", "status.firstSubmitted"),
                studyDate(s, "study_first_posted", "status.firstPosted"),
                date(s, "last_update_submitted", "status.lastUpdateSubmitted"),
                studyDate(s, "last_update_posted", "status.lastUpdatePosted"));
    }

    private Sponsorship sponsorship(Element s) {
        Element sponsors = child(s, "sponsors");
        Organization lead = agency(child(sponsors, "lead_sponsor"));
        protocol.read("sponsorship.leadSponsor", "/clinical_study/sponsors/lead_sponsor", lead);
        List<Organization> collaborators = new ArrayList<>();
        for (Element c : children(sponsors, "collaborator")) {
            collaborators.add(agency(c));
        }
        protocol.read("sponsorship.collaborators", "/clinical_study/sponsors/collaborator", collaborators);
        Element rp = child(s, "responsible_party");
        ResponsibleParty responsible = rp == null ? null : new ResponsibleParty(
                code(rp, "responsible_party_type", ResponsiblePartyType.class, null),
                value(rp, "investigator_full_name", null), value(rp, "investigator_title", null),
                value(rp, "investigator_affiliation", null));
        protocol.read("sponsorship.responsibleParty", "/clinical_study/responsible_party", responsible);
        return new Sponsorship(lead, collaborators, responsible);
    }

    private Organization agency(Element e) {
        return e == null ? null : new Organization(value(e, "agency", null),
                code(e, "agency_class", OrganizationClass.class, null));
    }

    private Design design(Element s) {
        Element info = child(s, "study_design_info");
        String phaseText = value(s, "phase", null);
        var phases = Vocabulary.phases(phaseText);
        protocol.read("design.phases", "/clinical_study/phase", phases);
        String maskingText = value(info, "masking", null);
        MaskingInfo masking = values.masking(maskingText, maskingText == null ? null
                : value(info, "masking_description", "design.masking.description"), path(info, "masking"));
        Element enrollment = child(s, "enrollment");
        Enrollment enrolled = null;
        if (enrollment != null) {
            read.add(enrollment);
            enrolled = new Enrollment(values.count(text(enrollment), "/clinical_study/enrollment",
                    "design.enrollment.count"), values.code(DateType.class, attribute(enrollment, "type"),
                    "/clinical_study/enrollment/@type", "design.enrollment.type"));
        }
        return new Design(code(s, "study_type", StudyType.class, "design.studyType"), phases,
                code(info, "allocation", Allocation.class, "design.allocation"),
                code(info, "intervention_model", InterventionModel.class, "design.interventionModel"),
                value(info, "intervention_model_description", "design.interventionModelDescription"),
                code(info, "primary_purpose", PrimaryPurpose.class, "design.primaryPurpose"), masking, enrolled, null);
    }

    /** XML arms do not list their interventions; the interventions list their arms, so the link is turned round. */
    private List<Arm> arms(Element s, List<Intervention> interventions) {
        List<Arm> arms = new ArrayList<>();
        for (Element a : children(s, "arm_group")) {
            String label = value(a, "arm_group_label", null);
            List<String> linked = label == null ? List.of() : interventions.stream()
                    .filter(i -> i.armGroupLabels().contains(label)).map(Intervention::reference).toList();
            arms.add(new Arm(label, code(a, "arm_group_type", ArmType.class, null), value(a, "description", null),
                    linked, null));
        }
        protocol.read("arms", "/clinical_study/arm_group", arms);
        return arms;
    }

    private List<Intervention> interventions(Element s) {
        List<Intervention> interventions = new ArrayList<>();
        for (Element i : children(s, "intervention")) {
            interventions.add(new Intervention(code(i, "intervention_type", InterventionType.class, null),
                    value(i, "intervention_name", null), value(i, "description", null),
                    all(i, "arm_group_label", null), all(i, "other_name", null), null));
        }
        protocol.read("interventions", "/clinical_study/intervention", interventions);
        return interventions;
    }

    private List<Outcome> outcomes(Element s) {
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, OutcomeKind> kinds = new LinkedHashMap<>();
        kinds.put("primary_outcome", OutcomeKind.PRIMARY);
        kinds.put("secondary_outcome", OutcomeKind.SECONDARY);
        kinds.put("other_outcome", OutcomeKind.OTHER);
        kinds.forEach((tag, kind) -> {
            for (Element o : children(s, tag)) {
                outcomes.add(new Outcome(kind, value(o, "measure", null), value(o, "description", null),
                        value(o, "time_frame", null), null));
            }
        });
        protocol.read("outcomes", "/clinical_study/primary_outcome", outcomes);
        return outcomes;
    }

    private Eligibility eligibility(Element s) {
        Element e = child(s, "eligibility");
        if (e == null) {
            return null;
        }
        Element criteria = child(e, "criteria");
        String criteriaText = criteria == null ? null : textBlock(criteria);
        protocol.read("eligibility.criteriaText", "/clinical_study/eligibility/criteria/textblock", criteriaText);
        Element population = child(e, "study_pop");
        String studyPopulation = population == null ? null : textBlock(population);
        protocol.read("eligibility.studyPopulation", "/clinical_study/eligibility/study_pop", studyPopulation);
        return new Eligibility(criteriaText, yesNo(e, "healthy_volunteers", "eligibility.healthyVolunteers"),
                code(e, "gender", Sex.class, "eligibility.sex"), yesNo(e, "gender_based", "eligibility.genderBased"),
                value(e, "gender_description", "eligibility.genderDescription"),
                age(e, "minimum_age", "eligibility.minimumAge"), age(e, "maximum_age", "eligibility.maximumAge"),
                List.of(), studyPopulation, value(e, "sampling_method", "eligibility.samplingMethod"), List.of(),
                List.of());
    }

    private List<Contact> centralContacts(Element s) {
        List<Contact> contacts = new ArrayList<>();
        for (String tag : List.of("overall_contact", "overall_contact_backup")) {
            for (Element c : children(s, tag)) {
                contacts.add(contact(c, ContactRole.CONTACT));
            }
        }
        protocol.read("centralContacts", "/clinical_study/overall_contact", contacts);
        return contacts;
    }

    private Contact contact(Element c, ContactRole role) {
        return new Contact(personName(c), role, value(c, "phone", null), value(c, "phone_ext", null),
                value(c, "email", null));
    }

    /** The download puts the whole name, degrees included, in last_name; some records split it. */
    private String personName(Element c) {
        String first = value(c, "first_name", null);
        String middle = value(c, "middle_name", null);
        String last = value(c, "last_name", null);
        String degrees = value(c, "degrees", null);
        StringBuilder name = new StringBuilder();
        for (String part : new String[] {first, middle, last}) {
            if (part != null && !part.isBlank()) {
                name.append(name.length() > 0 ? " " : "").append(part.trim());
            }
        }
        if (degrees != null && !degrees.isBlank()) {
            name.append(", ").append(degrees.trim());
        }
        return name.length() == 0 ? null : name.toString();
    }

    private List<Official> officials(Element s) {
        List<Official> officials = new ArrayList<>();
        for (Element o : children(s, "overall_official")) {
            officials.add(new Official(personName(o), value(o, "affiliation", null),
                    code(o, "role", OfficialRole.class, null)));
        }
        protocol.read("overallOfficials", "/clinical_study/overall_official", officials);
        return officials;
    }

    private List<Location> locations(Element s) {
        List<Location> locations = new ArrayList<>();
        for (Element l : children(s, "location")) {
            Element facility = child(l, "facility");
            Element address = child(facility, "address");
            List<Contact> contacts = new ArrayList<>();
            for (String tag : List.of("contact", "contact_backup")) {
                for (Element c : children(l, tag)) {
                    contacts.add(contact(c, ContactRole.CONTACT));
                }
            }
            for (Element inv : children(l, "investigator")) {
                ContactRole role = code(inv, "role", ContactRole.class, null);
                contacts.add(new Contact(personName(inv), role == null ? ContactRole.PRINCIPAL_INVESTIGATOR : role,
                        null, null, null));
            }
            locations.add(new Location(value(facility, "name", null), code(l, "status", OverallStatus.class, null),
                    value(address, "city", null), value(address, "state", null), value(address, "zip", null),
                    value(address, "country", null), contacts, null));
        }
        protocol.read("locations", "/clinical_study/location", locations);
        return locations;
    }

    private List<Reference> references(Element s) {
        List<Reference> references = new ArrayList<>();
        for (Element r : children(s, "reference")) {
            references.add(new Reference(value(r, "PMID", null), ReferenceType.BACKGROUND, value(r, "citation", null)));
        }
        for (Element r : children(s, "results_reference")) {
            references.add(new Reference(value(r, "PMID", null), ReferenceType.RESULT, value(r, "citation", null)));
        }
        protocol.read("references", "/clinical_study/reference", references);
        return references;
    }

    private List<Link> links(Element s) {
        List<Link> links = new ArrayList<>();
        for (Element l : children(s, "link")) {
            links.add(new Link(value(l, "description", null), value(l, "url", null)));
        }
        protocol.read("links", "/clinical_study/link", links);
        return links;
    }

    // --- element access; every element handed out is marked read -------------------------------------------------

    private Element child(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        for (Element e : children(parent)) {
            if (e.getTagName().equals(tag)) {
                read.add(e);
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        if (parent == null) {
            return list;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }

    private List<Element> children(Element parent, String tag) {
        List<Element> list = new ArrayList<>();
        for (Element e : children(parent)) {
            if (e.getTagName().equals(tag)) {
                read.add(e);
                list.add(e);
            }
        }
        return list;
    }

    private static String text(Element e) {
        return e.getTextContent();
    }

    private String value(Element parent, String tag, String field) {
        Element e = child(parent, tag);
        String value = e == null ? null : text(e).trim();
        if (value != null && value.isEmpty()) {
            value = null;
        }
        if (field != null) {
            protocol.read(field, path(parent, tag), value);
        }
        return value;
    }

    private List<String> all(Element parent, String tag, String field) {
        List<String> values = new ArrayList<>();
        for (Element e : children(parent, tag)) {
            String v = text(e).trim();
            if (!v.isEmpty()) {
                values.add(v);
            }
        }
        if (field != null) {
            protocol.read(field, path(parent, tag), values);
        }
        return values;
    }

    private String textBlock(Element parent, String tag, String field) {
        Element e = child(parent, tag);
        String value = e == null ? null : textBlock(e);
        protocol.read(field, path(parent, tag), value);
        return value;
    }

    /** A {@code <textblock>}'s text without the download's indentation and carriage returns. */
    private String textBlock(Element holder) {
        Element block = child(holder, "textblock");
        String raw = (block == null ? text(holder) : text(block)).replace("\r", "");
        String[] lines = raw.split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (String line : lines) {
            s.append(line.isBlank() ? "" : line.substring(Math.min(indent, line.length())).stripTrailing()).append('\n');
        }
        String result = s.toString().strip();
        return result.isEmpty() ? null : result;
    }

    private <E extends Enum<E> & Coded> E code(Element parent, String tag, Class<E> type, String field) {
        return values.code(type, value(parent, tag, null), path(parent, tag), field);
    }

    private PartialDate date(Element parent, String tag, String field) {
        return values.date(value(parent, tag, null), path(parent, tag), field);
    }

    /** A milestone date, with whether it is actual or estimated in its type attribute. */
    private StudyDate studyDate(Element parent, String tag, String field) {
        Element e = child(parent, tag);
        PartialDate date = e == null ? null : date(parent, tag, null);
        if (date == null) {
            return null;
        }
        StudyDate value = new StudyDate(date, values.code(DateType.class, attribute(e, "type"),
                path(parent, tag) + "/@type", null));
        protocol.read(field, path(parent, tag), value);
        return value;
    }

    private Age age(Element parent, String tag, String field) {
        return values.age(value(parent, tag, null), path(parent, tag), field);
    }

    private Boolean yesNo(Element parent, String tag, String field) {
        return values.yesNo(value(parent, tag, null), path(parent, tag), field);
    }

    /** An attribute's value; the DOM gives an absent attribute as empty. */
    private static String attribute(Element e, String name) {
        String value = e.getAttribute(name);
        return value.isEmpty() ? null : value;
    }

    private static String path(Element parent, String tag) {
        StringBuilder s = new StringBuilder();
        for (Node n = parent; n instanceof Element e; n = n.getParentNode()) {
            s.insert(0, "/" + e.getTagName());
        }
        return s + "/" + tag;
    }
}
