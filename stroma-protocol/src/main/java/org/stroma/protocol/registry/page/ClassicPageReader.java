package org.stroma.protocol.registry.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Age;
import org.stroma.protocol.Allocation;
import org.stroma.protocol.Arm;
import org.stroma.protocol.Contact;
import org.stroma.protocol.DateType;
import org.stroma.protocol.Design;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.Enrollment;
import org.stroma.protocol.Identification;
import org.stroma.protocol.Intervention;
import org.stroma.protocol.InterventionModel;
import org.stroma.protocol.Location;
import org.stroma.protocol.MaskedParty;
import org.stroma.protocol.MaskingInfo;
import org.stroma.protocol.Official;
import org.stroma.protocol.OfficialRole;
import org.stroma.protocol.Organization;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.OverallStatus;
import org.stroma.protocol.PartialDate;
import org.stroma.protocol.Phase;
import org.stroma.protocol.PrimaryPurpose;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.Provenance;
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
import org.stroma.protocol.registry.IdentifierKinds;
import org.stroma.protocol.registry.ParticipantCount;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.RegistryDates;
import org.stroma.protocol.registry.Vocabulary;

/**
 * Reads a ClinicalTrials.gov classic study page saved as text, with its tables as pipes (layout A) or as plain text
 * (layout B). Both carry the same labels ("Study Type :", "Masking:", "Ages Eligible for Study:"); the pipes, where
 * present, keep table cells apart.
 */
final class ClassicPageReader {
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
    private final String format;
    private final Provenance.Builder provenance;
    private final List<String> warnings = new ArrayList<>();

    private ClassicPageReader(String page, boolean tables) {
        this.lines = PageLine.of(page, tables);
        this.tables = tables;
        this.format = tables ? "ClinicalTrials.gov classic page with pipe tables"
                : "ClinicalTrials.gov classic page as plain text";
        this.provenance = Provenance.builder(format);
    }

    static PageReader.Result read(String page, boolean tables) {
        ClassicPageReader reader = new ClassicPageReader(page, tables);
        return new PageReader.Result(reader.study(), List.copyOf(reader.warnings));
    }

    private Protocol study() {
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
        provenance.read("arms", armsAt < 0 ? null : lines.get(armsAt).place(), arms);
        provenance.read("interventions", armsAt < 0 ? null : lines.get(armsAt).place(), interventions);
        List<Outcome> outcomes = outcomesAt < 0 ? List.of() : outcomes(outcomesAt);
        Eligibility eligibility = eligibility();
        List<Contact> central = new ArrayList<>();
        List<Location> locations = locations(central);
        provenance.read("centralContacts", "contacts section", central);
        provenance.read("locations", "locations section", locations);
        List<Official> officials = officials();
        Sponsorship sponsorship = sponsorship();
        return new Protocol(identification, status(), sponsorship, summary[0], summary[1], conditions(conditionsAt),
                keywords(), design, arms, interventions, outcomes, eligibility, central, officials, locations,
                List.of(), List.of(), provenance.build());
    }

    // --- identification -------------------------------------------------------------------------------------------

    private String nctId() {
        for (PageLine line : lines) {
            Matcher m = Pattern.compile("ClinicalTrials\\.gov Identifier\\s*:\\s*(NCT\\d{8})").matcher(line.text());
            if (m.find()) {
                provenance.read("identification.nctId", line.place(), m.group(1));
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
        String title = titleLine == null ? null : titleLine.text();
        String acronym = null;
        if (title != null) {
            Matcher m = Pattern.compile("^(.*\\S)\\s*\\(([^()\\s]{2,20})\\)$").matcher(title);
            if (m.matches()) {
                acronym = m.group(2);
                title = m.group(1);
                provenance.inferred("identification.acronym", titleLine.place(),
                        "the page shows the acronym in parentheses after the title");
            }
        }
        provenance.read("identification.briefTitle", titleLine == null ? null : titleLine.place(), title);
        Labelled official = labelled("Official Title");
        provenance.read("identification.officialTitle", official.place(), official.value());
        Labelled ids = labelled("Other Study ID Numbers");
        String orgStudyId = null;
        List<SecondaryId> secondary = new ArrayList<>();
        if (ids.value() != null) {
            String text = ids.value();
            Matcher annotated = Pattern.compile("(\\S+)\\s*\\(\\s*([^)]+?)\\s*\\)").matcher(text);
            int firstAnnotated = text.length();
            while (annotated.find()) {
                firstAnnotated = Math.min(firstAnnotated, annotated.start());
                SecondaryIdType type = Vocabulary.find(SecondaryIdType.class, annotated.group(2));
                secondary.add(new SecondaryId(annotated.group(1),
                        type != null ? type : IdentifierKinds.recognise(annotated.group(1)), null, null));
            }
            orgStudyId = text.substring(0, firstAnnotated).trim();
            if (orgStudyId.isEmpty()) {
                orgStudyId = null;
            }
            provenance.read("identification.orgStudyId", ids.place(), orgStudyId);
            provenance.read("identification.secondaryIds", ids.place(), secondary);
        }
        return new Identification(nctId, List.of(), orgStudyId, secondary, null, title, official.value(), acronym);
    }

    // --- status ---------------------------------------------------------------------------------------------------

    private StudyStatus status() {
        Labelled status = labelled("Recruitment Status");
        OverallStatus overall = Vocabulary.status(status.value());
        provenance.read("status.overallStatus", status.place(), overall);
        OverallStatus lastKnown = null;
        PartialDate verified = null;
        for (PageLine line : lines) {
            Matcher was = Pattern.compile("^Recruitment status was\\s*:\\s*(.+)$").matcher(line.text());
            if (was.find()) {
                lastKnown = Vocabulary.status(was.group(1));
                provenance.read("status.lastKnownStatus", line.place(), lastKnown);
            }
            Matcher by = Pattern.compile("^Verified (\\w+ \\d{4}) by").matcher(line.text());
            if (by.find() && verified == null) {
                verified = RegistryDates.parse(by.group(1));
                provenance.read("status.statusVerified", line.place(), verified);
            }
        }
        Labelled lastVerified = labelled("Last Verified");
        if (lastVerified.value() != null) {
            verified = RegistryDates.parse(lastVerified.value());
            provenance.read("status.statusVerified", lastVerified.place(), verified);
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
                PartialDate date = RegistryDates.parse(valueOrNext(m.group(2), i));
                if (date == null) {
                    warnings.add(lines.get(i).place() + ": \"" + m.group(2) + "\" is not a date");
                    return null;
                }
                StudyDate value = new StudyDate(date, m.group(1) == null ? null : Vocabulary.find(DateType.class,
                        m.group(1)));
                provenance.read(field, lines.get(i).place(), value);
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
        PartialDate date = RegistryDates.parse(posted.value().replace("Key Record Dates", "").trim());
        StudyDate value = date == null ? null : new StudyDate(date, null);
        provenance.read(field, posted.place(), value);
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
            provenance.read("briefSummary", brief < 0 ? null : lines.get(brief).place(), b);
            provenance.read("detailedDescription", detailed < 0 ? null : lines.get(detailed).place(), d);
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
        provenance.inferred("briefSummary", lines.get(from).place(),
                "the page does not label its summary; the first paragraph is taken as the brief summary");
        if (d != null) {
            provenance.inferred("detailedDescription", lines.get(from).place(),
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
                provenance.inferred("conditions", row.place(), "the page runs the conditions together (\""
                        + conditions + "\"); they were split at their head nouns");
            } else {
                provenance.read("conditions", row.place(), list);
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
            provenance.read("keywords", lines.get(labelled).place(), keywords);
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
            provenance.inferred("keywords", rest.get(0).place(), "the page does not label its keywords; the line "
                    + "before the MeSH terms is taken as them, run together as the page shows them");
        }
        return keywords;
    }

    // --- design ---------------------------------------------------------------------------------------------------

    private Design design(int conditionsAt) {
        Labelled type = labelled("Study Type");
        StudyType studyType = type.value() == null ? null
                : Vocabulary.find(StudyType.class, type.value().replaceAll("\\(.*\\)", "").trim());
        provenance.read("design.studyType", type.place(), studyType);
        List<Phase> phases = List.of();
        Labelled phase = labelled("Phase");
        if (phase.value() != null) {
            phases = Vocabulary.phases(phase.value());
            provenance.read("design.phases", phase.place(), phases);
        } else if (conditionsAt >= 0) {
            for (int i = conditionsAt + 1; i < Math.min(lines.size(), conditionsAt + 4); i++) {
                Matcher m = Pattern.compile("((?:Early )?Phase \\d(?:\\s*(?:/|\\s)\\s*Phase \\d)*|Not Applicable)\\s*$")
                        .matcher(lines.get(i).text());
                if (m.find()) {
                    phases = Vocabulary.phases(m.group(1));
                    provenance.read("design.phases", lines.get(i).place(), phases);
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
                            m.group(1) == null ? null : Vocabulary.find(DateType.class, m.group(1)));
                    provenance.read("design.enrollment.count", lines.get(i).place(), enrollment.count());
                    provenance.read("design.enrollment.type", lines.get(i).place(), enrollment.type());
                }
                break;
            }
        }
        Labelled masking = labelled("Masking");
        MaskingInfo maskingInfo = null;
        if (masking.value() != null) {
            List<MaskedParty> who = new ArrayList<>();
            Matcher parties = Pattern.compile("\\(([^)]*)\\)").matcher(masking.value());
            if (parties.find()) {
                for (String party : parties.group(1).split(",")) {
                    MaskedParty p = Vocabulary.find(MaskedParty.class, party);
                    if (p != null) {
                        who.add(p);
                    }
                }
            }
            maskingInfo = new MaskingInfo(Vocabulary.maskingLevel(masking.value()), who,
                    labelled("Masking Description").value());
            provenance.read("design.masking.level", masking.place(), maskingInfo.level());
            provenance.read("design.masking.whoMasked", masking.place(), who);
        }
        Labelled model = labelled("Intervention Model");
        Labelled modelDescription = labelled("Intervention Model Description");
        Labelled allocation = labelled("Allocation");
        Labelled purpose = labelled("Primary Purpose");
        Allocation alloc = Vocabulary.find(Allocation.class, allocation.value());
        InterventionModel interventionModel = Vocabulary.find(InterventionModel.class, model.value());
        PrimaryPurpose primaryPurpose = Vocabulary.find(PrimaryPurpose.class, purpose.value());
        provenance.read("design.allocation", allocation.place(), alloc);
        provenance.read("design.interventionModel", model.place(), interventionModel);
        provenance.read("design.interventionModelDescription", modelDescription.place(), modelDescription.value());
        provenance.read("design.primaryPurpose", purpose.place(), primaryPurpose);
        return new Design(studyType, phases, alloc, interventionModel, modelDescription.value(), primaryPurpose,
                maskingInfo, enrollment, null);
    }

    private List<Outcome> outcomes(int from) {
        OutcomeList.Result list = OutcomeList.read(lines, from, eligibilityStart());
        if (list.headings()) {
            provenance.read("outcomes", lines.get(from).place(), list.outcomes());
        } else if (!list.outcomes().isEmpty()) {
            provenance.inferred("outcomes", lines.get(from).place(), "the page lists " + list.outcomes().size()
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
                    StandardAge a = Vocabulary.find(StandardAge.class, g);
                    if (a != null) {
                        standard.add(a);
                    }
                }
                v = v.substring(0, groups.start()).trim();
            }
            Matcher range = Pattern.compile("^(.+?)\\s+to\\s+(.+)$").matcher(v);
            Matcher older = Pattern.compile("^(.+?)\\s+and older$").matcher(v);
            Matcher upTo = Pattern.compile("^up to\\s+(.+)$", Pattern.CASE_INSENSITIVE).matcher(v);
            if (range.matches()) {
                min = AgeText.parse(range.group(1));
                max = AgeText.parse(range.group(2));
            } else if (older.matches()) {
                min = AgeText.parse(older.group(1));
            } else if (upTo.matches()) {
                max = AgeText.parse(upTo.group(1));
            } else {
                min = AgeText.parse(v);
            }
            provenance.read("eligibility.minimumAge", ages.place(), min);
            provenance.read("eligibility.maximumAge", ages.place(), max);
        }
        Labelled sexes = labelled("Sexes Eligible for Study", "Genders Eligible for Study", "Gender");
        Sex sex = Vocabulary.find(Sex.class, sexes.value());
        provenance.read("eligibility.sex", sexes.place(), sex);
        Labelled healthy = labelled("Accepts Healthy Volunteers");
        Boolean healthyVolunteers = healthy.value() == null ? null
                : healthy.value().toLowerCase(Locale.ROOT).startsWith("yes");
        provenance.read("eligibility.healthyVolunteers", healthy.place(), healthyVolunteers);
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
            provenance.read("eligibility.criteriaText", lines.get(start).place(), criteria);
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
                            Vocabulary.find(OfficialRole.class, role.group(1))));
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
                            Vocabulary.find(OfficialRole.class, m.group(1))));
                    place = place == null ? lines.get(i).place() : place;
                }
            }
        }
        provenance.read("overallOfficials", place, officials);
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
                    provenance.read("sponsorship.leadSponsor", lines.get(i).place(), lead);
                } else {
                    collaborators.add(new Organization(text, null));
                    provenance.read("sponsorship.collaborators", lines.get(i).place(), collaborators);
                }
            }
        }
        int sponsorLabel = indexOf(l -> l.text().equals("Sponsor:"));
        if (lead == null && sponsorLabel >= 0 && sponsorLabel + 1 < lines.size()) {
            String next = lines.get(sponsorLabel + 1).text();
            if (!next.isEmpty() && !next.startsWith("Information provided by") && !next.startsWith("Collaborator")) {
                lead = new Organization(next, null);
                provenance.read("sponsorship.leadSponsor", lines.get(sponsorLabel + 1).place(), lead);
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
                provenance.inferred("sponsorship.responsibleParty", rpPlace, "the responsible party is a person (\""
                        + person.name() + "\"), taken as the principal investigator");
                if (lead == null && person.rest() != null) {
                    lead = new Organization(person.rest(), null);
                    provenance.inferred("sponsorship.leadSponsor", rpPlace, "the page names no sponsor; the responsible"
                            + " investigator's affiliation is taken as the sponsor");
                }
            } else {
                responsible = new ResponsibleParty(ResponsiblePartyType.SPONSOR, null, null, null);
                provenance.read("sponsorship.responsibleParty", rpPlace, responsible);
                if (lead == null) {
                    lead = new Organization(rpText, null);
                    provenance.inferred("sponsorship.leadSponsor", rpPlace, "the page names no sponsor; the responsible"
                            + " party, an organisation, is taken as the sponsor");
                }
            }
        }
        return new Sponsorship(lead, collaborators, responsible);
    }

    // --- line helpers ---------------------------------------------------------------------------------------------

    /** A labelled value: "Masking: | Double (Participant, Investigator) |", or the label alone with the value below. */
    private record Labelled(int line, String value, String place) {
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
