package org.stroma.protocol.registry.page;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Age;
import org.stroma.protocol.Arm;
import org.stroma.protocol.Contact;
import org.stroma.protocol.DateType;
import org.stroma.protocol.Design;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.Enrollment;
import org.stroma.protocol.Identification;
import org.stroma.protocol.Intervention;
import org.stroma.protocol.Location;
import org.stroma.protocol.MaskingInfo;
import org.stroma.protocol.Official;
import org.stroma.protocol.OfficialRole;
import org.stroma.protocol.Organization;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.OverallStatus;
import org.stroma.protocol.PartialDate;
import org.stroma.protocol.Phase;
import org.stroma.protocol.ResponsibleParty;
import org.stroma.protocol.ResponsiblePartyType;
import org.stroma.protocol.SecondaryId;
import org.stroma.protocol.Sex;
import org.stroma.protocol.Sponsorship;
import org.stroma.protocol.StandardAge;
import org.stroma.protocol.StudyDate;
import org.stroma.protocol.StudyStatus;
import org.stroma.protocol.StudyType;
import org.stroma.protocol.registry.ParticipantCount;
import org.stroma.protocol.registry.RecordFormat;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.Vocabulary;

/**
 * Reads a ClinicalTrials.gov classic study page saved as text, with its tables as pipes (layout A) or as plain text
 * (layout B). Both carry the same labels ("Study Type :", "Masking:", "Ages Eligible for Study:"); the pipes, where
 * present, keep table cells apart.
 */
final class ClassicPageReader extends PageRecordReader {
    private static final Pattern END_OF_CRITERIA = Pattern.compile(
            "^(To learn more about this study|Information from the National Library of Medicine|Contacts and Locations"
                    + "|Please refer to this study|Choosing to participate)");
    private static final Pattern TAIL_LABEL = Pattern.compile(
            "^(Responsible Party|ClinicalTrials.gov Identifier|Other Study ID Numbers|First Posted|Last Update Posted"
                    + "|Last Verified|Individual Participant Data|Plan to Share IPD|IPD Sharing|Studies a U.S. FDA"
                    + "|Product Manufactured|Keywords provided by|Supporting Materials|Time Frame|Access Criteria"
                    + "|URL|Has Data Monitoring|Studies a U\\.S\\.)");

    private final List<PageLine> lines;
    private final boolean tables;

    ClassicPageReader(String page, boolean tables) {
        super(tables ? RecordFormat.PAGE_WITH_TABLES : RecordFormat.PAGE_PLAIN_TEXT);
        this.lines = PageLine.of(page, tables);
        this.tables = tables;
    }

    @Override
    protected void readFields() {
        String nctId = nctId();
        Identification identification = identification(nctId);
        int conditionsAt = indexOf(l -> l.text().startsWith("Condition or disease"));
        String[] summary = summary(conditionsAt);
        Design design = design(conditionsAt);
        int armsAt = indexOf(l -> l.text().matches("^(?:Arm|Group/Cohort)\\s+Intervention/treatment.*"));
        int outcomesAt = OutcomeList.start(lines, armsAt);
        ArmsTable.Result table = armsAt < 0 ? new ArmsTable.Result(List.of(), List.of())
                : ArmsTable.read(lines, armsAt + 1, outcomesAt < 0 ? eligibilityStart() : outcomesAt, tables);
        List<Arm> arms = table.arms();
        List<Intervention> interventions = table.interventions();
        protocol.read("arms", armsAt < 0 ? null : lines.get(armsAt).place(), arms);
        protocol.read("interventions", armsAt < 0 ? null : lines.get(armsAt).place(), interventions);
        List<Outcome> outcomes = outcomesAt < 0 ? List.of() : outcomes(outcomesAt);
        Eligibility eligibility = eligibility();
        List<Contact> central = new ArrayList<>();
        List<Location> locations = locations(central);
        protocol.read("centralContacts", "contacts section", central);
        protocol.read("locations", "locations section", locations);
        List<Official> officials = officials();
        Sponsorship sponsorship = sponsorship();
        protocol.identification(identification)
                .status(status())
                .sponsorship(sponsorship)
                .briefSummary(summary[0])
                .detailedDescription(summary[1])
                .conditions(conditions(conditionsAt))
                .keywords(keywords())
                .design(design)
                .arms(arms)
                .interventions(interventions)
                .outcomes(outcomes)
                .eligibility(eligibility)
                .centralContacts(central)
                .overallOfficials(officials)
                .locations(locations);
    }

    // --- identification -------------------------------------------------------------------------------------------

    private String nctId() {
        for (PageLine line : lines) {
            Matcher m = Pattern.compile("ClinicalTrials\\.gov Identifier\\s*:\\s*(NCT\\d{8})").matcher(line.text());
            if (m.find()) {
                protocol.read("identification.nctId", line.place(), m.group(1));
                return m.group(1);
            }
        }
        throw new RecordFormatException(null, "the page has no \"ClinicalTrials.gov Identifier: NCT…\" line, so it is"
                + " not a complete study page");
    }

    private Identification identification(String nctId) {
        PageLine titleLine = null;
        for (PageLine line : lines) {
            if (!line.isBlank() && !line.text().matches("ClinicalTrials\\.gov( Menu)?|!\\[\\]\\(\\)")) {
                titleLine = line;
                break;
            }
        }
        Title title = title(titleLine);
        Labelled official = labelled("Official Title");
        protocol.read("identification.officialTitle", official.place(), official.value());
        Labelled ids = labelled("Other Study ID Numbers");
        String orgStudyId = null;
        List<SecondaryId> secondary = new ArrayList<>();
        if (ids.value() != null) {
            String text = ids.value();
            Matcher annotated = Pattern.compile("(\\S+)\\s*\\(\\s*([^)]+?)\\s*\\)").matcher(text);
            int firstAnnotated = text.length();
            while (annotated.find()) {
                firstAnnotated = Math.min(firstAnnotated, annotated.start());
                secondary.add(secondaryId(annotated.group(1), annotated.group(2)));
            }
            orgStudyId = text.substring(0, firstAnnotated).trim();
            if (orgStudyId.isEmpty()) {
                orgStudyId = null;
            }
        }
        return identification(nctId, title, official.value(), orgStudyId, secondary, ids.place());
    }

    // --- status ---------------------------------------------------------------------------------------------------

    private StudyStatus status() {
        Labelled status = labelled("Recruitment Status");
        OverallStatus overall = overallStatus(status);
        OverallStatus lastKnown = null;
        PartialDate verified = null;
        for (PageLine line : lines) {
            Matcher was = Pattern.compile("^Recruitment status was\\s*:\\s*(.+)$").matcher(line.text());
            if (was.find()) {
                lastKnown = values.code(OverallStatus.class, was.group(1), line.place(), "status.lastKnownStatus");
            }
            Matcher by = Pattern.compile("^Verified (\\w+ \\d{4}) by").matcher(line.text());
            if (by.find() && verified == null) {
                verified = values.date(by.group(1), line.place(), "status.statusVerified");
            }
        }
        Labelled lastVerified = labelled("Last Verified");
        if (lastVerified.value() != null) {
            verified = values.date(lastVerified.value(), lastVerified.place(), "status.statusVerified");
        }
        return new StudyStatus(overall, lastKnown, null, verified, milestone("Study Start Date", "status.start"),
                milestone("Primary Completion Date", "status.primaryCompletion"),
                milestone("Study Completion Date", "status.completion"), null, posted("First Posted", "status.firstPosted"),
                null, posted("Last Update Posted", "status.lastUpdatePosted"));
    }

    private StudyDate milestone(String label, String field) {
        Pattern p = Pattern.compile("^(Actual|Estimated|Anticipated)?\\s*" + label + "\\s*:\\s*(.*)$");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = p.matcher(lines.get(i).text());
            if (m.matches()) {
                PartialDate date = values.date(valueOrNext(m.group(2), i), lines.get(i).place(), null);
                if (date == null) {
                    return null;
                }
                StudyDate value = new StudyDate(date, values.code(DateType.class, m.group(1), lines.get(i).place(),
                        null));
                protocol.read(field, lines.get(i).place(), value);
                return value;
            }
        }
        return null;
    }

    private StudyDate posted(String label, String field) {
        Labelled posted = labelled(label);
        if (posted.value() == null) {
            return null;
        }
        PartialDate date = values.date(posted.value().replace("Key Record Dates", "").trim(), posted.place(), null);
        StudyDate value = date == null ? null : new StudyDate(date, null);
        protocol.read(field, posted.place(), value);
        return value;
    }

    // --- summary and conditions -----------------------------------------------------------------------------------

    /** Brief summary and detailed description: labelled on plain-text pages, unlabelled paragraphs on table pages. */
    private String[] summary(int conditionsAt) {
        int brief = indexOf(l -> l.text().equals("Brief Summary:"));
        int detailed = indexOf(l -> l.text().equals("Detailed Description:"));
        int studyType = indexOf(l -> l.text().matches("^Study Type\\s*:.*"));
        if (brief >= 0 || detailed >= 0) {
            String b = brief < 0 ? null : paragraphs(brief + 1, firstAfter(brief, conditionsAt, detailed, studyType));
            String d = detailed < 0 ? null : paragraphs(detailed + 1, firstAfter(detailed, conditionsAt, studyType));
            protocol.read("briefSummary", brief < 0 ? null : lines.get(brief).place(), b);
            protocol.read("detailedDescription", detailed < 0 ? null : lines.get(detailed).place(), d);
            return new String[] {b, d};
        }
        if (conditionsAt < 0 || studyType < 0) {
            return new String[] {null, null};
        }
        int from = conditionsAt + 1;
        while (from < studyType && (lines.get(from).raw().contains("|") || lines.get(from).isBlank())) {
            from++;
        }
        List<String> paragraphs = new ArrayList<>();
        for (int i = from; i < studyType; i++) {
            if (!lines.get(i).isBlank()) {
                paragraphs.add(lines.get(i).text());
            }
        }
        if (paragraphs.isEmpty()) {
            return new String[] {null, null};
        }
        String b = paragraphs.get(0);
        String d = paragraphs.size() > 1 ? String.join("\n", paragraphs.subList(1, paragraphs.size())) : null;
        protocol.inferred("briefSummary", lines.get(from).place(),
                "the page does not label its summary; the first paragraph is taken as the brief summary");
        if (d != null) {
            protocol.inferred("detailedDescription", lines.get(from).place(),
                    "the page does not label its description; the paragraphs after the first are taken as it");
        }
        return new String[] {b, d};
    }

    private List<String> conditions(int conditionsAt) {
        if (conditionsAt < 0) {
            return List.of();
        }
        for (int i = conditionsAt + 1; i < Math.min(lines.size(), conditionsAt + 4); i++) {
            PageLine row = lines.get(i);
            if (row.isBlank() || row.text().matches("^[-|\\s]+$")) {
                continue;
            }
            String text = row.text();
            Matcher split = Pattern.compile("\\s(?:" + ArmsTable.INTERVENTION_TYPES + "):\\s").matcher(" " + text);
            String conditions = tables && row.cells().size() >= 2 ? row.cells().get(0)
                    : split.find() ? text.substring(0, Math.max(0, split.start() - 1)).trim() : text;
            List<String> list = ConditionSplitter.split(conditions);
            if (list.size() > 1) {
                protocol.inferred("conditions", row.place(), "the page runs the conditions together (\""
                        + conditions + "\"); they were split at their head nouns");
            } else {
                protocol.read("conditions", row.place(), list);
            }
            return list;
        }
        return List.of();
    }

    private List<String> keywords() {
        int labelled = indexOf(l -> l.text().startsWith("Keywords provided by"));
        List<String> keywords = new ArrayList<>();
        if (labelled >= 0) {
            for (int i = labelled + 1; i < lines.size() && !lines.get(i).isBlank()
                    && !lines.get(i).text().startsWith("Additional relevant MeSH"); i++) {
                keywords.add(lines.get(i).text());
            }
            protocol.read("keywords", lines.get(labelled).place(), keywords);
            return keywords;
        }
        if (!tables) {
            return keywords;
        }
        // Table pages drop the headings of the closing lists: keywords, then the MeSH terms and their ancestors.
        int lastLabel = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (TAIL_LABEL.matcher(lines.get(i).text()).find()) {
                lastLabel = i;
            }
        }
        List<PageLine> rest = new ArrayList<>();
        for (int i = lastLabel + 1; lastLabel >= 0 && i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rest.add(lines.get(i));
            }
        }
        if (rest.size() >= 3) {
            keywords.add(rest.get(0).text());
            protocol.inferred("keywords", rest.get(0).place(), "the page does not label its keywords; the line "
                    + "before the MeSH terms is taken as them, run together as the page shows them");
        }
        return keywords;
    }

    // --- design ---------------------------------------------------------------------------------------------------

    private Design design(int conditionsAt) {
        Labelled type = labelled("Study Type");
        // "Interventional (Clinical Trial)"
        StudyType studyType = values.code(StudyType.class, type.value() == null ? null
                : type.value().replaceAll("\\(.*\\)", "").trim(), type.place(), "design.studyType");
        List<Phase> phases = List.of();
        Labelled phase = labelled("Phase");
        if (phase.value() != null) {
            phases = Vocabulary.phases(phase.value());
            protocol.read("design.phases", phase.place(), phases);
        } else if (conditionsAt >= 0) {
            for (int i = conditionsAt + 1; i < Math.min(lines.size(), conditionsAt + 4); i++) {
                Matcher m = Pattern.compile("((?:Early )?Phase \\d(?:\\s*(?:/|\\s)\\s*Phase \\d)*|Not Applicable)\\s*$")
                        .matcher(lines.get(i).text());
                if (m.find()) {
                    phases = Vocabulary.phases(m.group(1));
                    protocol.read("design.phases", lines.get(i).place(), phases);
                    break;
                }
            }
        }
        Enrollment enrollment = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = Pattern.compile("^(Actual|Estimated|Anticipated)?\\s*Enrollment\\s*:\\s*(.*)$")
                    .matcher(lines.get(i).text());
            if (m.matches()) {
                String value = valueOrNext(m.group(2), i);
                Integer count = ParticipantCount.in(value, lines.get(i).place());
                if (count != null) {
                    enrollment = new Enrollment(count,
                            values.code(DateType.class, m.group(1), lines.get(i).place(), null));
                    protocol.read("design.enrollment.count", lines.get(i).place(), enrollment.count());
                    protocol.read("design.enrollment.type", lines.get(i).place(), enrollment.type());
                }
                break;
            }
        }
        Labelled masking = labelled("Masking");
        Labelled maskingDescription = labelled("Masking Description");
        MaskingInfo maskingInfo = values.masking(masking.value(), maskingDescription.value(), masking.place());
        if (maskingInfo != null) {
            protocol.read("design.masking.description", maskingDescription.place(), maskingDescription.value());
        }
        Labelled model = labelled("Intervention Model");
        Labelled modelDescription = labelled("Intervention Model Description");
        Labelled allocation = labelled("Allocation");
        Labelled purpose = labelled("Primary Purpose");
        return design(studyType, phases, allocation, model, modelDescription, purpose, maskingInfo, enrollment);
    }

    private List<Outcome> outcomes(int from) {
        OutcomeList.Result list = OutcomeList.read(lines, from, eligibilityStart());
        if (list.headings()) {
            protocol.read("outcomes", lines.get(from).place(), list.outcomes());
        } else if (!list.outcomes().isEmpty()) {
            protocol.inferred("outcomes", lines.get(from).place(), "the page lists " + list.outcomes().size()
                    + " outcome measures without primary/secondary headings; the first is taken as primary and the"
                    + " rest as secondary, as the registry lists primary outcomes first");
        }
        return list.outcomes();
    }

    /** The contacts and sites, after "Please refer to this study by its … identifier" or "Contacts and Locations". */
    private List<Location> locations(List<Contact> central) {
        int from = indexOf(l -> l.text().startsWith("Please refer to this study by its ClinicalTrials.gov identifier"));
        if (from < 0) {
            from = indexOf(l -> l.text().equals("Contacts and Locations"));
        }
        return from < 0 ? List.of() : SiteList.read(lines, from, tables, central);
    }

    private int eligibilityStart() {
        int at = indexOf(l -> l.text().startsWith("Choosing to participate") || l.text().startsWith("Ages Eligible"));
        return at < 0 ? lines.size() : at;
    }

    // --- eligibility ----------------------------------------------------------------------------------------------

    private Eligibility eligibility() {
        Labelled ages = labelled("Ages Eligible for Study");
        Age min = null;
        Age max = null;
        List<StandardAge> standard = new ArrayList<>();
        if (ages.value() != null) {
            String v = ages.value();
            Matcher groups = Pattern.compile("\\(([^)]*)\\)").matcher(v);
            if (groups.find()) {
                for (String g : groups.group(1).split(",")) {
                    StandardAge a = values.code(StandardAge.class, g.trim(), ages.place(), null);
                    if (a != null) {
                        standard.add(a);
                    }
                }
                v = v.substring(0, groups.start()).trim();
            }
            Matcher range = Pattern.compile("^(.+?)\\s+to\\s+(.+)$").matcher(v);
            Matcher older = Pattern.compile("^(.+?)\\s+and older$").matcher(v);
            Matcher upTo = Pattern.compile("^up to\\s+(.+)$", Pattern.CASE_INSENSITIVE).matcher(v);
            String from = null;
            String to = null;
            if (range.matches()) {
                from = range.group(1);
                to = range.group(2);
            } else if (older.matches()) {
                from = older.group(1);
            } else if (upTo.matches()) {
                to = upTo.group(1);
            } else {
                from = v;
            }
            min = values.age(from, ages.place(), "eligibility.minimumAge");
            max = values.age(to, ages.place(), "eligibility.maximumAge");
        }
        Labelled sexes = labelled("Sexes Eligible for Study", "Genders Eligible for Study", "Gender");
        Sex sex = values.code(Sex.class, sexes.value(), sexes.place(), "eligibility.sex");
        Labelled healthy = labelled("Accepts Healthy Volunteers");
        Boolean healthyVolunteers = values.yesNo(healthy.value(), healthy.place(), "eligibility.healthyVolunteers");
        String criteria = null;
        int start = healthy.line() >= 0 ? healthy.line() + 1 : indexOf(l -> l.text().matches("(?i)^inclusion criteria.*"));
        if (start >= 0) {
            int end = start;
            while (end < lines.size() && !END_OF_CRITERIA.matcher(lines.get(end).text()).find()) {
                end++;
            }
            StringBuilder s = new StringBuilder();
            for (int i = start; i < end; i++) {
                String raw = lines.get(i).raw();
                if (s.length() == 0 && (raw.isBlank() || raw.trim().equals("Criteria"))) {
                    continue;
                }
                s.append(raw.stripTrailing()).append('\n');
            }
            criteria = s.toString().strip();
            if (criteria.isEmpty()) {
                criteria = null;
            }
            protocol.read("eligibility.criteriaText", lines.get(start).place(), criteria);
        }
        return new Eligibility(criteria, healthyVolunteers, sex, null, null, min, max, standard, null, null, List.of(),
                List.of());
    }

    private List<Official> officials() {
        List<Official> officials = new ArrayList<>();
        String place = null;
        if (tables) {
            for (PageLine line : lines) {
                Matcher role = line.cells().isEmpty() ? null : SiteList.OFFICIAL_CELL.matcher(line.cells().get(0));
                if (role != null && role.matches() && line.cells().size() >= 2) {
                    officials.add(new Official(line.cells().get(1), line.cells().size() > 2 ? line.cells().get(2) : null,
                            values.code(OfficialRole.class, role.group(1), line.place(), null)));
                    place = place == null ? line.place() : place;
                }
            }
        } else {
            int at = indexOf(l -> l.text().equals("Investigators"));
            for (int i = at + 1; at >= 0 && i < lines.size() && !lines.get(i).isBlank(); i++) {
                Matcher m = Pattern.compile("^(Principal Investigator|Study Director|Study Chair)\\s*:\\s*(.+)$")
                        .matcher(lines.get(i).text());
                if (m.matches()) {
                    PersonText.Split person = PersonText.split(m.group(2));
                    officials.add(new Official(person.name(), person.rest(),
                            values.code(OfficialRole.class, m.group(1), lines.get(i).place(), null)));
                    place = place == null ? lines.get(i).place() : place;
                }
            }
        }
        protocol.read("overallOfficials", place, officials);
        return officials;
    }

    // --- sponsors -------------------------------------------------------------------------------------------------

    private Sponsorship sponsorship() {
        Organization lead = null;
        List<Organization> collaborators = new ArrayList<>();
        int at = indexOf(l -> l.text().equals("Sponsors and Collaborators"));
        if (at >= 0) {
            for (int i = at + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
                String text = lines.get(i).text();
                if (text.equals("Investigators") || text.startsWith("Responsible Party")
                        || text.matches("^(Principal Investigator|Study Director|Study Chair)\\s*:.*")) {
                    break;
                }
                if (lead == null) {
                    lead = new Organization(text, null);
                    protocol.read("sponsorship.leadSponsor", lines.get(i).place(), lead);
                } else {
                    collaborators.add(new Organization(text, null));
                    protocol.read("sponsorship.collaborators", lines.get(i).place(), collaborators);
                }
            }
        }
        int sponsorLabel = indexOf(l -> l.text().equals("Sponsor:"));
        if (lead == null && sponsorLabel >= 0 && sponsorLabel + 1 < lines.size()) {
            String next = lines.get(sponsorLabel + 1).text();
            if (!next.isEmpty() && !next.startsWith("Information provided by") && !next.startsWith("Collaborator")) {
                lead = new Organization(next, null);
                protocol.read("sponsorship.leadSponsor", lines.get(sponsorLabel + 1).place(), lead);
            }
        }
        ResponsibleParty responsible = null;
        Labelled rp = labelled("Responsible Party");
        int providedBy = indexOf(l -> l.text().startsWith("Information provided by (Responsible Party)"));
        String rpText = rp.value();
        String rpPlace = rp.place();
        if (rpText == null && providedBy >= 0 && providedBy + 1 < lines.size()) {
            rpText = lines.get(providedBy + 1).text();
            rpPlace = lines.get(providedBy + 1).place();
        }
        if (rpText != null && !rpText.isEmpty()) {
            PersonText.Split person = PersonText.split(rpText);
            if (PersonText.hasDegrees(rpText)) {
                responsible = new ResponsibleParty(ResponsiblePartyType.PRINCIPAL_INVESTIGATOR, person.name(), null,
                        person.rest());
                protocol.inferred("sponsorship.responsibleParty", rpPlace, "the responsible party is a person (\""
                        + person.name() + "\"), taken as the principal investigator");
                if (lead == null && person.rest() != null) {
                    lead = new Organization(person.rest(), null);
                    protocol.inferred("sponsorship.leadSponsor", rpPlace, "the page names no sponsor; the responsible"
                            + " investigator's affiliation is taken as the sponsor");
                }
            } else {
                responsible = new ResponsibleParty(ResponsiblePartyType.SPONSOR, null, null, null);
                protocol.read("sponsorship.responsibleParty", rpPlace, responsible);
                if (lead == null) {
                    lead = new Organization(rpText, null);
                    protocol.inferred("sponsorship.leadSponsor", rpPlace, "the page names no sponsor; the responsible"
                            + " party, an organisation, is taken as the sponsor");
                }
            }
        }
        return new Sponsorship(lead, collaborators, responsible);
    }

    // --- line helpers ---------------------------------------------------------------------------------------------

    /** A labelled value: "Masking: | Double (Participant, Investigator) |", or the label alone with the value below. */
    private record Labelled(int line, String value, String place) implements LabelledValue {
    }

    private Labelled labelled(String... labels) {
        for (String label : labels) {
            Pattern p = Pattern.compile("^" + Pattern.quote(label) + "\\s*:\\s*(.*)$");
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = p.matcher(lines.get(i).text());
                if (m.matches()) {
                    String value = valueOrNext(m.group(1), i);
                    return new Labelled(i, value, lines.get(i).place());
                }
            }
        }
        return new Labelled(-1, null, null);
    }

    /** The value after a label, or the next non-blank line when the label stands alone. */
    private String valueOrNext(String value, int line) {
        String v = value == null ? "" : value.trim();
        if (!v.isEmpty()) {
            return v;
        }
        for (int i = line + 1; i < Math.min(lines.size(), line + 3); i++) {
            String next = lines.get(i).text();
            if (!next.isEmpty()) {
                return next.contains(":") ? null : next;
            }
        }
        return null;
    }

    private int indexOf(java.util.function.Predicate<PageLine> test) {
        for (int i = 0; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The first of the given line indexes that comes after {@code from}; the end of the page when none does. */
    private int firstAfter(int from, int... candidates) {
        int best = lines.size();
        for (int c : candidates) {
            if (c > from && c < best) {
                best = c;
            }
        }
        return best;
    }

    private String paragraphs(int from, int to) {
        StringBuilder s = new StringBuilder();
        boolean gap = false;
        for (int i = from; i < to; i++) {
            String text = lines.get(i).text();
            if (text.isEmpty()) {
                gap = s.length() > 0;
                continue;
            }
            if (text.equals("Resource links provided by the National Library of Medicine")) {
                continue;
            }
            if (s.length() > 0) {
                s.append(gap ? "\n\n" : "\n");
            }
            s.append(text);
            gap = false;
        }
        return s.length() == 0 ? null : s.toString();
    }
}
