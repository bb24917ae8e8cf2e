package org.stroma.protocol.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders an API v2 study as the classic API would have: PascalCase modules, wrapped lists, display strings, numbers
 * as strings and dates as "June 8, 2015" (the mapping in the registry formats reference). Test-only.
 */
final class ClassicRendering {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ClassicRendering() {
    }

    static ObjectNode of(JsonNode v2) {
        JsonNode ps = v2.path("protocolSection");
        ObjectNode study = NODES.objectNode();
        ObjectNode out = study.putObject("ProtocolSection");

        JsonNode id = ps.path("identificationModule");
        ObjectNode identification = out.putObject("IdentificationModule");
        copy(id, "nctId", identification, "NCTId");
        if (id.has("orgStudyIdInfo")) {
            identification.putObject("OrgStudyIdInfo").put("OrgStudyId", id.path("orgStudyIdInfo").path("id").asText());
        }
        if (id.has("organization")) {
            ObjectNode org = identification.putObject("Organization");
            copy(id.path("organization"), "fullName", org, "OrgFullName");
            copy(id.path("organization"), "class", org, "OrgClass");
        }
        copy(id, "briefTitle", identification, "BriefTitle");
        copy(id, "officialTitle", identification, "OfficialTitle");
        copy(id, "acronym", identification, "Acronym");

        JsonNode st = ps.path("statusModule");
        ObjectNode status = out.putObject("StatusModule");
        labelled(st, "overallStatus", status, "OverallStatus");
        dateStruct(st, "startDateStruct", status, "StartDate");
        dateStruct(st, "primaryCompletionDateStruct", status, "PrimaryCompletionDate");
        dateStruct(st, "completionDateStruct", status, "CompletionDate");

        JsonNode sp = ps.path("sponsorCollaboratorsModule");
        ObjectNode sponsors = out.putObject("SponsorCollaboratorsModule");
        if (sp.has("leadSponsor")) {
            ObjectNode lead = sponsors.putObject("LeadSponsor");
            copy(sp.path("leadSponsor"), "name", lead, "LeadSponsorName");
            copy(sp.path("leadSponsor"), "class", lead, "LeadSponsorClass");
        }
        ArrayNode collaborators = list(sponsors, "CollaboratorList", "Collaborator");
        for (JsonNode c : sp.path("collaborators")) {
            ObjectNode o = collaborators.addObject();
            copy(c, "name", o, "CollaboratorName");
            copy(c, "class", o, "CollaboratorClass");
        }

        ObjectNode description = out.putObject("DescriptionModule");
        copy(ps.path("descriptionModule"), "briefSummary", description, "BriefSummary");
        copy(ps.path("descriptionModule"), "detailedDescription", description, "DetailedDescription");

        ObjectNode conditions = out.putObject("ConditionsModule");
        strings(ps.path("conditionsModule").path("conditions"), list(conditions, "ConditionList", "Condition"));
        strings(ps.path("conditionsModule").path("keywords"), list(conditions, "KeywordList", "Keyword"));

        JsonNode d = ps.path("designModule");
        ObjectNode design = out.putObject("DesignModule");
        labelled(d, "studyType", design, "StudyType");
        ArrayNode phases = list(design, "PhaseList", "Phase");
        d.path("phases").forEach(p -> phases.add(RegistryLabels.label(p.asText())));
        JsonNode info = d.path("designInfo");
        ObjectNode designInfo = design.putObject("DesignInfo");
        labelled(info, "allocation", designInfo, "DesignAllocation");
        labelled(info, "interventionModel", designInfo, "DesignInterventionModel");
        copy(info, "interventionModelDescription", designInfo, "DesignInterventionModelDescription");
        labelled(info, "primaryPurpose", designInfo, "DesignPrimaryPurpose");
        if (info.has("maskingInfo")) {
            ObjectNode masking = designInfo.putObject("DesignMaskingInfo");
            labelled(info.path("maskingInfo"), "masking", masking, "DesignMasking");
            copy(info.path("maskingInfo"), "maskingDescription", masking, "DesignMaskingDescription");
            ArrayNode who = list(masking, "DesignWhoMaskedList", "DesignWhoMasked");
            info.path("maskingInfo").path("whoMasked").forEach(w -> who.add(RegistryLabels.label(w.asText())));
        }
        if (d.has("enrollmentInfo")) {
            ObjectNode enrollment = design.putObject("EnrollmentInfo");
            enrollment.put("EnrollmentCount", d.path("enrollmentInfo").path("count").asText());
            labelled(d.path("enrollmentInfo"), "type", enrollment, "EnrollmentType");
        }

        JsonNode ai = ps.path("armsInterventionsModule");
        ObjectNode arms = out.putObject("ArmsInterventionsModule");
        ArrayNode groups = list(arms, "ArmGroupList", "ArmGroup");
        for (JsonNode a : ai.path("armGroups")) {
            ObjectNode o = groups.addObject();
            copy(a, "label", o, "ArmGroupLabel");
            labelled(a, "type", o, "ArmGroupType");
            copy(a, "description", o, "ArmGroupDescription");
            strings(a.path("interventionNames"), list(o, "ArmGroupInterventionList", "ArmGroupInterventionName"));
        }
        ArrayNode interventions = list(arms, "InterventionList", "Intervention");
        for (JsonNode i : ai.path("interventions")) {
            ObjectNode o = interventions.addObject();
            labelled(i, "type", o, "InterventionType");
            copy(i, "name", o, "InterventionName");
            copy(i, "description", o, "InterventionDescription");
            strings(i.path("armGroupLabels"), list(o, "InterventionArmGroupLabelList", "InterventionArmGroupLabel"));
            strings(i.path("otherNames"), list(o, "InterventionOtherNameList", "InterventionOtherName"));
        }

        ObjectNode outcomes = out.putObject("OutcomesModule");
        for (String[] kind : new String[][] {{"primaryOutcomes", "Primary"}, {"secondaryOutcomes", "Secondary"},
            {"otherOutcomes", "Other"}}) {
            ArrayNode list = list(outcomes, kind[1] + "OutcomeList", kind[1] + "Outcome");
            for (JsonNode o : ps.path("outcomesModule").path(kind[0])) {
                ObjectNode n = list.addObject();
                copy(o, "measure", n, kind[1] + "OutcomeMeasure");
                copy(o, "description", n, kind[1] + "OutcomeDescription");
                copy(o, "timeFrame", n, kind[1] + "OutcomeTimeFrame");
            }
        }

        JsonNode e = ps.path("eligibilityModule");
        ObjectNode eligibility = out.putObject("EligibilityModule");
        copy(e, "eligibilityCriteria", eligibility, "EligibilityCriteria");
        if (e.has("healthyVolunteers")) {
            eligibility.put("HealthyVolunteers", e.path("healthyVolunteers").asBoolean() ? "Accepts Healthy Volunteers"
                    : "No");
        }
        labelled(e, "sex", eligibility, "Gender");
        copy(e, "minimumAge", eligibility, "MinimumAge");
        copy(e, "maximumAge", eligibility, "MaximumAge");
        ArrayNode ages = list(eligibility, "StdAgeList", "StdAge");
        e.path("stdAges").forEach(a -> ages.add(RegistryLabels.label(a.asText())));

        JsonNode cl = ps.path("contactsLocationsModule");
        ObjectNode contacts = out.putObject("ContactsLocationsModule");
        ArrayNode officials = list(contacts, "OverallOfficialList", "OverallOfficial");
        for (JsonNode o : cl.path("overallOfficials")) {
            ObjectNode n = officials.addObject();
            copy(o, "name", n, "OverallOfficialName");
            copy(o, "affiliation", n, "OverallOfficialAffiliation");
            labelled(o, "role", n, "OverallOfficialRole");
        }
        ArrayNode locations = list(contacts, "LocationList", "Location");
        for (JsonNode l : cl.path("locations")) {
            ObjectNode n = locations.addObject();
            copy(l, "facility", n, "LocationFacility");
            labelled(l, "status", n, "LocationStatus");
            copy(l, "city", n, "LocationCity");
            copy(l, "state", n, "LocationState");
            copy(l, "zip", n, "LocationZip");
            copy(l, "country", n, "LocationCountry");
        }
        return study;
    }

    private static ArrayNode list(ObjectNode parent, String wrapper, String name) {
        return parent.putObject(wrapper).putArray(name);
    }

    private static void strings(JsonNode from, ArrayNode to) {
        from.forEach(v -> to.add(v.asText()));
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String name) {
        if (from.has(field)) {
            to.put(name, from.get(field).asText());
        }
    }

    private static void labelled(JsonNode from, String field, ObjectNode to, String name) {
        if (from.has(field)) {
            to.put(name, RegistryLabels.label(from.get(field).asText()));
        }
    }

    private static void dateStruct(JsonNode status, String struct, ObjectNode to, String name) {
        JsonNode s = status.path(struct);
        if (s.has("date")) {
            ObjectNode o = to.putObject(name + "Struct");
            o.put(name, RegistryLabels.date(s.get("date").asText()));
            if (s.has("type")) {
                o.put(name + "Type", RegistryLabels.label(s.get("type").asText()));
            }
        }
    }
}
