package org.stroma.protocol.registry.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.stroma.protocol.Age;
import org.stroma.protocol.Arm;
import org.stroma.protocol.Coded;
import org.stroma.protocol.Contact;
import org.stroma.protocol.Design;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.Identification;
import org.stroma.protocol.Intervention;
import org.stroma.protocol.Link;
import org.stroma.protocol.Location;
import org.stroma.protocol.Official;
import org.stroma.protocol.Organization;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.OutcomeKind;
import org.stroma.protocol.PartialDate;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.Reference;
import org.stroma.protocol.SecondaryId;
import org.stroma.protocol.Sponsorship;
import org.stroma.protocol.StudyDate;
import org.stroma.protocol.StudyStatus;

/**
 * Writes a protocol as a ClinicalTrials.gov API v2 study. Fields the model holds are written from the model; the
 * parts of an imported v2 record that the model does not hold (results, derived MeSH terms, …) are put back at their
 * original places, so that a v2 record imported and exported again keeps every field it had.
 */
public final class ApiV2Writer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ApiV2Writer() {
    }

    /**
     * @param unmodelled values of the original record the model does not hold, by JSON pointer relative to the
     *                   study (empty for records that did not come from v2)
     */
    public static ObjectNode write(Protocol p, Map<String, JsonNode> unmodelled) {
        ObjectNode study = NODES.objectNode();
        ObjectNode ps = study.putObject("protocolSection");
        identification(p.identification(), module(ps, "identificationModule"));
        status(p.status(), module(ps, "statusModule"));
        sponsorship(p.sponsorship(), module(ps, "sponsorCollaboratorsModule"));
        ObjectNode description = module(ps, "descriptionModule");
        put(description, "briefSummary", p.briefSummary());
        put(description, "detailedDescription", p.detailedDescription());
        ObjectNode conditions = module(ps, "conditionsModule");
        strings(conditions, "conditions", p.conditions());
        strings(conditions, "keywords", p.keywords());
        design(p.design(), module(ps, "designModule"));
        ObjectNode arms = module(ps, "armsInterventionsModule");
        list(arms, "armGroups", p.arms(), ApiV2Writer::arm);
        list(arms, "interventions", p.interventions(), ApiV2Writer::intervention);
        ObjectNode outcomes = module(ps, "outcomesModule");
        for (OutcomeKind kind : OutcomeKind.values()) {
            list(outcomes, V2Names.outcomeList(kind), p.outcomes(kind), ApiV2Writer::outcome);
        }
        eligibility(p.eligibility(), module(ps, "eligibilityModule"));
        ObjectNode contacts = module(ps, "contactsLocationsModule");
        list(contacts, "centralContacts", p.centralContacts(), ApiV2Writer::contact);
        list(contacts, "overallOfficials", p.overallOfficials(), ApiV2Writer::official);
        list(contacts, "locations", p.locations(), ApiV2Writer::location);
        ObjectNode references = module(ps, "referencesModule");
        list(references, "references", p.references(), ApiV2Writer::reference);
        list(references, "seeAlsoLinks", p.links(), ApiV2Writer::link);
        removeEmptyModules(ps);
        for (Map.Entry<String, JsonNode> e : unmodelled.entrySet()) {
            JsonPointers.put(study, e.getKey(), e.getValue().deepCopy());
        }
        return study;
    }

    private static void identification(Identification id, ObjectNode m) {
        if (id == null) {
            return;
        }
        put(m, "nctId", id.nctId());
        strings(m, "nctIdAliases", id.nctIdAliases());
        if (id.orgStudyId() != null) {
            m.putObject("orgStudyIdInfo").put("id", id.orgStudyId());
        }
        list(m, "secondaryIdInfos", id.secondaryIds(), ApiV2Writer::secondaryId);
        organization(m, "organization", "fullName", id.organization());
        put(m, "briefTitle", id.briefTitle());
        put(m, "officialTitle", id.officialTitle());
        put(m, "acronym", id.acronym());
    }

    private static void secondaryId(SecondaryId s, ObjectNode o) {
        put(o, "id", s.id());
        code(o, "type", s.type());
        put(o, "domain", s.domain());
        put(o, "link", s.link());
    }

    private static void status(StudyStatus s, ObjectNode m) {
        if (s == null) {
            return;
        }
        date(m, "statusVerifiedDate", s.statusVerified());
        code(m, "overallStatus", s.overallStatus());
        code(m, "lastKnownStatus", s.lastKnownStatus());
        put(m, "whyStopped", s.whyStopped());
        studyDate(m, "startDateStruct", s.start());
        studyDate(m, "primaryCompletionDateStruct", s.primaryCompletion());
        studyDate(m, "completionDateStruct", s.completion());
        date(m, "studyFirstSubmitDate", s.firstSubmitted());
        studyDate(m, "studyFirstPostDateStruct", s.firstPosted());
        date(m, "lastUpdateSubmitDate", s.lastUpdateSubmitted());
        studyDate(m, "lastUpdatePostDateStruct", s.lastUpdatePosted());
    }

    private static void sponsorship(Sponsorship s, ObjectNode m) {
        if (s == null) {
            return;
        }
        if (s.responsibleParty() != null) {
            ObjectNode rp = m.putObject("responsibleParty");
            code(rp, "type", s.responsibleParty().type());
            put(rp, "investigatorFullName", s.responsibleParty().investigatorName());
            put(rp, "investigatorTitle", s.responsibleParty().investigatorTitle());
            put(rp, "investigatorAffiliation", s.responsibleParty().investigatorAffiliation());
        }
        organization(m, "leadSponsor", "name", s.leadSponsor());
        list(m, "collaborators", s.collaborators(), (c, o) -> {
            put(o, "name", c.name());
            code(o, "class", c.organizationClass());
        });
    }

    private static void design(Design d, ObjectNode m) {
        if (d == null) {
            return;
        }
        code(m, "studyType", d.studyType());
        if (!d.phases().isEmpty()) {
            ArrayNode phases = m.putArray("phases");
            d.phases().forEach(ph -> phases.add(ph.name()));
        }
        ObjectNode info = NODES.objectNode();
        code(info, "allocation", d.allocation());
        code(info, "interventionModel", d.interventionModel());
        put(info, "interventionModelDescription", d.interventionModelDescription());
        code(info, "primaryPurpose", d.primaryPurpose());
        if (d.masking() != null) {
            ObjectNode masking = info.putObject("maskingInfo");
            code(masking, "masking", d.masking().level());
            put(masking, "maskingDescription", d.masking().description());
            if (!d.masking().whoMasked().isEmpty()) {
                ArrayNode who = masking.putArray("whoMasked");
                d.masking().whoMasked().forEach(w -> who.add(w.name()));
            }
        }
        if (!info.isEmpty()) {
            m.set("designInfo", info);
        }
        if (d.enrollment() != null) {
            ObjectNode e = m.putObject("enrollmentInfo");
            if (d.enrollment().count() != null) {
                e.put("count", d.enrollment().count());
            }
            code(e, "type", d.enrollment().type());
        }
    }

    private static void arm(Arm a, ObjectNode o) {
        put(o, "label", a.label());
        code(o, "type", a.type());
        put(o, "description", a.description());
        strings(o, "interventionNames", a.interventionNames());
    }

    private static void intervention(Intervention i, ObjectNode o) {
        code(o, "type", i.type());
        put(o, "name", i.name());
        put(o, "description", i.description());
        strings(o, "armGroupLabels", i.armGroupLabels());
        strings(o, "otherNames", i.otherNames());
    }

    private static void outcome(Outcome out, ObjectNode o) {
        put(o, "measure", out.measure());
        put(o, "description", out.description());
        put(o, "timeFrame", out.timeFrameText());
    }

    private static void eligibility(Eligibility e, ObjectNode m) {
        if (e == null) {
            return;
        }
        put(m, "eligibilityCriteria", e.criteriaText());
        if (e.healthyVolunteers() != null) {
            m.put("healthyVolunteers", e.healthyVolunteers());
        }
        code(m, "sex", e.sex());
        if (e.genderBased() != null) {
            m.put("genderBased", e.genderBased());
        }
        put(m, "genderDescription", e.genderDescription());
        age(m, "minimumAge", e.minimumAge());
        age(m, "maximumAge", e.maximumAge());
        if (!e.standardAges().isEmpty()) {
            ArrayNode ages = m.putArray("stdAges");
            e.standardAges().forEach(a -> ages.add(a.name()));
        }
        put(m, "studyPopulation", e.studyPopulation());
        put(m, "samplingMethod", e.samplingMethod());
    }

    private static void contact(Contact c, ObjectNode o) {
        put(o, "name", c.name());
        code(o, "role", c.role());
        put(o, "phone", c.phone());
        put(o, "phoneExt", c.phoneExt());
        put(o, "email", c.email());
    }

    private static void official(Official off, ObjectNode o) {
        put(o, "name", off.name());
        put(o, "affiliation", off.affiliation());
        code(o, "role", off.role());
    }

    private static void location(Location l, ObjectNode o) {
        put(o, "facility", l.facility());
        code(o, "status", l.status());
        put(o, "city", l.city());
        put(o, "state", l.state());
        put(o, "zip", l.zip());
        put(o, "country", l.country());
        list(o, "contacts", l.contacts(), ApiV2Writer::contact);
        if (l.geoPoint() != null) {
            ObjectNode geo = o.putObject("geoPoint");
            geo.put("lat", l.geoPoint().lat());
            geo.put("lon", l.geoPoint().lon());
        }
    }

    private static void reference(Reference r, ObjectNode o) {
        put(o, "pmid", r.pmid());
        code(o, "type", r.type());
        put(o, "citation", r.citation());
    }

    private static void link(Link l, ObjectNode o) {
        put(o, "label", l.label());
        put(o, "url", l.url());
    }

    private static ObjectNode module(ObjectNode ps, String name) {
        return ps.putObject(name);
    }

    private static void removeEmptyModules(ObjectNode ps) {
        ps.properties().removeIf(e -> e.getValue().isObject() && e.getValue().isEmpty());
    }

    private static void organization(ObjectNode parent, String field, String nameField, Organization org) {
        if (org == null) {
            return;
        }
        ObjectNode o = parent.putObject(field);
        put(o, nameField, org.name());
        code(o, "class", org.organizationClass());
    }

    private static void studyDate(ObjectNode parent, String field, StudyDate d) {
        if (d == null) {
            return;
        }
        ObjectNode o = parent.putObject(field);
        o.put("date", d.date().toString());
        code(o, "type", d.type());
    }

    private static void date(ObjectNode o, String field, PartialDate d) {
        if (d != null) {
            o.put(field, d.toString());
        }
    }

    private static void age(ObjectNode o, String field, Age age) {
        if (age != null) {
            o.put(field, age.toString());
        }
    }

    private static void put(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static void code(ObjectNode o, String field, Coded value) {
        if (value != null) {
            o.put(field, value.name());
        }
    }

    private static void strings(ObjectNode o, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = o.putArray(field);
            values.forEach(array::add);
        }
    }

    private static <T> void list(ObjectNode o, String field, List<T> items,
            java.util.function.BiConsumer<T, ObjectNode> writer) {
        if (items.isEmpty()) {
            return;
        }
        ArrayNode array = o.putArray(field);
        for (T item : items) {
            writer.accept(item, array.addObject());
        }
    }

}
