package org.stroma.protocol.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an API v2 study as the legacy {@code <clinical_study>} download would have: snake_case elements, display
 * strings, masking as "Double (Participant, Investigator)", phases as "Phase 1/Phase 2", text blocks indented.
 * Test-only.
 */
final class LegacyXmlRendering {
    private LegacyXmlRendering() {
    }

    static String of(JsonNode v2) {
        JsonNode ps = v2.path("protocolSection");
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clinical_study>\n");
        JsonNode id = ps.path("identificationModule");
        x.append("  <id_info>\n");
        element(x, 4, "org_study_id", id.path("orgStudyIdInfo").path("id"));
        element(x, 4, "nct_id", id.path("nctId"));
        x.append("  </id_info>\n");
        element(x, 2, "brief_title", id.path("briefTitle"));
        element(x, 2, "acronym", id.path("acronym"));
        element(x, 2, "official_title", id.path("officialTitle"));
        JsonNode sp = ps.path("sponsorCollaboratorsModule");
        x.append("  <sponsors>\n");
        agency(x, "lead_sponsor", sp.path("leadSponsor"));
        sp.path("collaborators").forEach(c -> agency(x, "collaborator", c));
        x.append("  </sponsors>\n");
        textBlock(x, "brief_summary", ps.path("descriptionModule").path("briefSummary"));
        textBlock(x, "detailed_description", ps.path("descriptionModule").path("detailedDescription"));
        JsonNode st = ps.path("statusModule");
        labelled(x, 2, "overall_status", st.path("overallStatus"));
        date(x, "start_date", st.path("startDateStruct"));
        date(x, "completion_date", st.path("completionDateStruct"));
        date(x, "primary_completion_date", st.path("primaryCompletionDateStruct"));
        JsonNode d = ps.path("designModule");
        List<String> phases = new ArrayList<>();
        d.path("phases").forEach(p -> phases.add(RegistryLabels.label(p.asText())));
        if (!phases.isEmpty()) {
            x.append("  <phase>").append(escape(String.join("/", phases))).append("</phase>\n");
        }
        labelled(x, 2, "study_type", d.path("studyType"));
        JsonNode info = d.path("designInfo");
        x.append("  <study_design_info>\n");
        labelled(x, 4, "allocation", info.path("allocation"));
        labelled(x, 4, "intervention_model", info.path("interventionModel"));
        element(x, 4, "intervention_model_description", info.path("interventionModelDescription"));
        labelled(x, 4, "primary_purpose", info.path("primaryPurpose"));
        JsonNode masking = info.path("maskingInfo");
        if (masking.has("masking")) {
            List<String> who = new ArrayList<>();
            masking.path("whoMasked").forEach(w -> who.add(RegistryLabels.label(w.asText())));
            String level = RegistryLabels.label(masking.get("masking").asText());
            x.append("    <masking>").append(escape(level + (who.isEmpty() ? "" : " (" + String.join(", ", who) + ")")))
                    .append("</masking>\n");
            element(x, 4, "masking_description", masking.path("maskingDescription"));
        }
        x.append("  </study_design_info>\n");
        for (String[] kind : new String[][] {{"primaryOutcomes", "primary_outcome"},
            {"secondaryOutcomes", "secondary_outcome"}, {"otherOutcomes", "other_outcome"}}) {
            for (JsonNode o : ps.path("outcomesModule").path(kind[0])) {
                x.append("  <").append(kind[1]).append(">\n");
                element(x, 4, "measure", o.path("measure"));
                element(x, 4, "time_frame", o.path("timeFrame"));
                element(x, 4, "description", o.path("description"));
                x.append("  </").append(kind[1]).append(">\n");
            }
        }
        JsonNode enrollment = d.path("enrollmentInfo");
        if (enrollment.has("count")) {
            String type = enrollment.has("type") ? " type=\"" + RegistryLabels.label(enrollment.get("type").asText())
                    + "\"" : "";
            x.append("  <enrollment").append(type).append('>').append(enrollment.get("count").asText())
                    .append("</enrollment>\n");
        }
        ps.path("conditionsModule").path("conditions").forEach(c -> element(x, 2, "condition", c));
        JsonNode ai = ps.path("armsInterventionsModule");
        for (JsonNode a : ai.path("armGroups")) {
            x.append("  <arm_group>\n");
            element(x, 4, "arm_group_label", a.path("label"));
            labelled(x, 4, "arm_group_type", a.path("type"));
            element(x, 4, "description", a.path("description"));
            x.append("  </arm_group>\n");
        }
        for (JsonNode i : ai.path("interventions")) {
            x.append("  <intervention>\n");
            labelled(x, 4, "intervention_type", i.path("type"));
            element(x, 4, "intervention_name", i.path("name"));
            element(x, 4, "description", i.path("description"));
            i.path("armGroupLabels").forEach(l -> element(x, 4, "arm_group_label", l));
            i.path("otherNames").forEach(n -> element(x, 4, "other_name", n));
            x.append("  </intervention>\n");
        }
        JsonNode e = ps.path("eligibilityModule");
        x.append("  <eligibility>\n");
        if (e.has("eligibilityCriteria")) {
            x.append("    <criteria>\n      <textblock>\n");
            for (String line : e.get("eligibilityCriteria").asText().split("\n", -1)) {
                x.append(line.isBlank() ? "" : "        " + escape(line)).append("&#xD;\n");
            }
            x.append("      </textblock>\n    </criteria>\n");
        }
        labelled(x, 4, "gender", e.path("sex"));
        x.append("    <minimum_age>").append(e.has("minimumAge") ? escape(e.get("minimumAge").asText()) : "N/A")
                .append("</minimum_age>\n");
        x.append("    <maximum_age>").append(e.has("maximumAge") ? escape(e.get("maximumAge").asText()) : "N/A")
                .append("</maximum_age>\n");
        if (e.has("healthyVolunteers")) {
            x.append("    <healthy_volunteers>").append(e.get("healthyVolunteers").asBoolean()
                    ? "Accepts Healthy Volunteers" : "No").append("</healthy_volunteers>\n");
        }
        x.append("  </eligibility>\n");
        JsonNode cl = ps.path("contactsLocationsModule");
        for (JsonNode o : cl.path("overallOfficials")) {
            x.append("  <overall_official>\n");
            element(x, 4, "last_name", o.path("name"));
            labelled(x, 4, "role", o.path("role"));
            element(x, 4, "affiliation", o.path("affiliation"));
            x.append("  </overall_official>\n");
        }
        for (JsonNode l : cl.path("locations")) {
            x.append("  <location>\n    <facility>\n");
            element(x, 6, "name", l.path("facility"));
            x.append("      <address>\n");
            element(x, 8, "city", l.path("city"));
            element(x, 8, "state", l.path("state"));
            element(x, 8, "zip", l.path("zip"));
            element(x, 8, "country", l.path("country"));
            x.append("      </address>\n    </facility>\n");
            labelled(x, 4, "status", l.path("status"));
            x.append("  </location>\n");
        }
        ps.path("conditionsModule").path("keywords").forEach(k -> element(x, 2, "keyword", k));
        return x.append("</clinical_study>\n").toString();
    }

    private static void agency(StringBuilder x, String tag, JsonNode org) {
        if (org.isMissingNode()) {
            return;
        }
        x.append("    <").append(tag).append(">\n");
        element(x, 6, "agency", org.path("name"));
        labelled(x, 6, "agency_class", org.path("class"));
        x.append("    </").append(tag).append(">\n");
    }

    private static void textBlock(StringBuilder x, String tag, JsonNode text) {
        if (!text.isTextual()) {
            return;
        }
        x.append("  <").append(tag).append(">\n    <textblock>\n");
        for (String line : text.asText().split("\n", -1)) {
            x.append(line.isBlank() ? "" : "      " + escape(line)).append('\n');
        }
        x.append("    </textblock>\n  </").append(tag).append(">\n");
    }

    private static void date(StringBuilder x, String tag, JsonNode struct) {
        if (struct.has("date")) {
            String type = struct.has("type") ? " type=\"" + RegistryLabels.label(struct.get("type").asText()) + "\"" : "";
            x.append("  <").append(tag).append(type).append('>').append(RegistryLabels.date(struct.get("date").asText()))
                    .append("</").append(tag).append(">\n");
        }
    }

    private static void element(StringBuilder x, int indent, String tag, JsonNode value) {
        if (value.isTextual()) {
            x.append(" ".repeat(indent)).append('<').append(tag).append('>').append(escape(value.asText()))
                    .append("</").append(tag).append(">\n");
        }
    }

    private static void labelled(StringBuilder x, int indent, String tag, JsonNode code) {
        if (code.isTextual()) {
            x.append(" ".repeat(indent)).append('<').append(tag).append('>')
                    .append(escape(RegistryLabels.label(code.asText()))).append("</").append(tag).append(">\n");
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
