package org.stroma.protocol.registry.classic;

import java.util.Locale;
import java.util.Map;
import org.stroma.protocol.registry.RecordFormat;
import org.stroma.protocol.registry.StudyModulesReader;
import org.stroma.protocol.registry.TrackedJson;
import org.stroma.protocol.registry.TrackedJson.Cursor;
import org.stroma.protocol.registry.ValueSpelling;

/**
 * Reads one {@code Study} of the retired classic ClinicalTrials.gov API: the same modules as API v2 in PascalCase,
 * lists wrapped as {@code XList.X[]}, an object's fields named with the object's name in front ({@code
 * LeadSponsor.LeadSponsorName}), display strings instead of codes ("Parallel Assignment", "Anticipated"), numbers as
 * strings and dates as "June 8, 2015".
 */
public final class ClassicApiReader extends StudyModulesReader {
    /** The API v2 lists, by name, with the wrapper and the element name the classic API gives them. */
    private static final Map<String, String[]> LISTS = Map.ofEntries(
            list("nctIdAliases", "NCTIdAliasList", "NCTIdAlias"),
            list("secondaryIdInfos", "SecondaryIdInfoList", "SecondaryIdInfo"),
            list("collaborators", "CollaboratorList", "Collaborator"),
            list("conditions", "ConditionList", "Condition"),
            list("keywords", "KeywordList", "Keyword"),
            list("phases", "PhaseList", "Phase"),
            list("whoMasked", "DesignWhoMaskedList", "DesignWhoMasked"),
            list("armGroups", "ArmGroupList", "ArmGroup"),
            list("interventionNames", "ArmGroupInterventionList", "ArmGroupInterventionName"),
            list("interventions", "InterventionList", "Intervention"),
            list("armGroupLabels", "InterventionArmGroupLabelList", "InterventionArmGroupLabel"),
            list("otherNames", "InterventionOtherNameList", "InterventionOtherName"),
            list("primaryOutcomes", "PrimaryOutcomeList", "PrimaryOutcome"),
            list("secondaryOutcomes", "SecondaryOutcomeList", "SecondaryOutcome"),
            list("otherOutcomes", "OtherOutcomeList", "OtherOutcome"),
            list("stdAges", "StdAgeList", "StdAge"),
            list("centralContacts", "CentralContactList", "CentralContact"),
            list("overallOfficials", "OverallOfficialList", "OverallOfficial"),
            list("locations", "LocationList", "Location"),
            list("contacts", "LocationContactList", "LocationContact"),
            list("references", "ReferenceList", "Reference"),
            list("seeAlsoLinks", "SeeAlsoLinkList", "SeeAlsoLink"));
    /** Objects whose fields carry a shorter name than the object's own. */
    private static final Map<String, String> PREFIXES = Map.of("Organization", "Org", "OrgStudyIdInfo", "OrgStudyId",
            "SecondaryIdInfo", "SecondaryId", "DesignInfo", "Design", "DesignMaskingInfo", "Design", "EnrollmentInfo",
            "Enrollment");
    /** API v2 names the classic API spells otherwise than capitalised. */
    private static final Map<String, String> NAMES = Map.of("nctId", "NCTId", "sex", "Gender", "email", "EMail",
            "pmid", "PMID", "url", "URL");

    public ClassicApiReader(TrackedJson json) {
        super(RecordFormat.CTGOV_CLASSIC, ValueSpelling.DISPLAY_TEXT, json, false);
    }

    @Override
    protected Cursor field(Cursor parent, String name) {
        String[] list = LISTS.get(name);
        if (list != null) {
            return parent.get(list[0]).get(list[1]);
        }
        String prefix = prefix(owner(parent));
        if (name.equals("date") || name.equals("id")) {
            // a struct's own value takes the struct's name: StartDateStruct.StartDate, SecondaryIdInfo.SecondaryId
            return parent.get(prefix);
        }
        String classic = NAMES.getOrDefault(name, name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
        return parent.get(prefix + classic);
    }

    /** The name of the object a cursor is at (for a list's element, the element's name, not its index). */
    private static String owner(Cursor c) {
        String[] parts = c.pointer().split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].chars().allMatch(Character::isDigit)) {
                return parts[i];
            }
        }
        return "";
    }

    /** What an object's fields are named after: nothing in a module, the object's name (or a short form) elsewhere. */
    private static String prefix(String owner) {
        if (owner.isEmpty() || owner.equals("ProtocolSection") || owner.endsWith("Module")) {
            return "";
        }
        if (owner.endsWith("DateStruct")) {
            return owner.substring(0, owner.length() - "Struct".length());
        }
        return PREFIXES.getOrDefault(owner, owner);
    }

    /** Counts are strings, with thousands separated by commas. */
    @Override
    protected Integer count(Cursor c, String field) {
        return values.count(c.text(), c.path(), field);
    }

    /** Yes and no are words: "Accepts Healthy Volunteers", "No". */
    @Override
    protected Boolean yesNo(Cursor c, String field) {
        return values.yesNo(c.text(), c.path(), field);
    }

    private static Map.Entry<String, String[]> list(String v2Name, String wrapper, String element) {
        return Map.entry(v2Name, new String[] {wrapper, element});
    }
}
