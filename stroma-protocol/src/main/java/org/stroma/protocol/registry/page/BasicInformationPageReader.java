package org.stroma.protocol.registry.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Age;
import org.stroma.protocol.Arm;
import org.stroma.protocol.ArmType;
import org.stroma.protocol.Contact;
import org.stroma.protocol.DateType;
import org.stroma.protocol.Design;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.Enrollment;
import org.stroma.protocol.Identification;
import org.stroma.protocol.Intervention;
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
import org.stroma.protocol.ResponsibleParty;
import org.stroma.protocol.ResponsiblePartyType;
import org.stroma.protocol.SecondaryId;
import org.stroma.protocol.Sex;
import org.stroma.protocol.Sponsorship;
import org.stroma.protocol.StudyDate;
import org.stroma.protocol.StudyStatus;
import org.stroma.protocol.StudyType;
import org.stroma.protocol.registry.ParticipantCount;
import org.stroma.protocol.registry.RecordFormat;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.Vocabulary;

/**
 * Reads the third-party "Basic Information" registry page: each field's label on a line of its own and its value on
 * the lines below, sections introduced by a heading and a sentence addressed to the reader ("Review each arm or
 * cohort in the study…"), and enumeration codes in the registry's API v2 spelling (PARALLEL, DOUBLE).
 */
final class BasicInformationPageReader extends PageRecordReader {
    private static final List<String> SECTIONS = List.of("Study Results", "Basic Information", "Brief Summary",
            "Detailed Description", "Conditions", "Study Design", "Study Groups", "Interventions",
            "Other Intervention Names", "Outcome Measures", "Primary Outcome Measures", "Secondary Outcome Measures",
            "Eligibility Criteria", "Sponsors", "Responsible Party", "Principal Investigators", "Central Contacts",
            "Locations", "Countries", "Related Links", "Other Identifiers", "More Related Trials", "References");
    private static final Pattern BLURB = Pattern.compile(
            "^(Get|Review|Dive|See|Understand|Learn|Discover|Check|Meet|Identify|Explore|Access|Find|View|Read|Browse"
                    + "|Additional)\\b.*\\.$");
    private static final Set<String> FIELD_LABELS = Set.of("Recruitment Status", "Clinical Phase", "Total Enrollment",
            "Study Classification", "Study Start Date", "Study Completion Date", "Primary Completion Date",
            "Allocation Method", "Intervention Model", "Intervention Model Description", "Primary Study Purpose",
            "Blinding Strategy", "Minimum Eligible Age", "Maximum Eligible Age", "Eligible Sex",
            "Accepts Healthy Volunteers");

    private final List<PageLine> lines;
    /** Each section's heading line and content (after the heading and its sentence to the reader). */
    private final Map<String, Section> sections = new LinkedHashMap<>();

    /** A section of the page: its heading's line, and the lines [from, to) of its content. */
    private record Section(int heading, int from, int to, String place) {
    }

    BasicInformationPageReader(String page) {
        super(RecordFormat.PAGE_BASIC_INFORMATION);
        this.lines = PageLine.of(page, false);
        findSections();
    }

    private void findSections() {
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (SECTIONS.contains(lines.get(i).text())) {
                starts.add(i);
                names.add(lines.get(i).text());
            }
        }
        for (int s = 0; s < starts.size(); s++) {
            int from = starts.get(s) + 1;
            int to = s + 1 < starts.size() ? starts.get(s + 1) : lines.size();
            int firstContent = next(from, to);
            if (firstContent >= 0 && BLURB.matcher(lines.get(firstContent).text()).matches()) {
                from = firstContent + 1;
            }
            sections.putIfAbsent(names.get(s), new Section(starts.get(s), from, to, lines.get(starts.get(s)).place()));
        }
    }

    @Override
    protected void readFields() {
        String nctId = null;
        String nctPlace = null;
        for (PageLine line : lines) {
            Matcher m = Pattern.compile("^NCT ID\\s*:\\s*(NCT\\d{8})").matcher(line.text());
            if (m.find()) {
                nctId = m.group(1);
                nctPlace = line.place();
                break;
            }
        }
        if (nctId == null) {
            throw new RecordFormatException(null, "the page has no \"NCT ID: NCT…\" line, so it is not a complete study page");
        }
        protocol.read("identification.nctId", nctPlace, nctId);
        List<Intervention> interventions = interventions();
        List<Arm> arms = arms(interventions);
        protocol.identification(identification(nctId))
                .status(status())
                .sponsorship(sponsorship())
                .briefSummary(section("Brief Summary", "briefSummary"))
                .detailedDescription(section("Detailed Description", "detailedDescription"))
                .conditions(conditions())
                .design(design())
                .arms(arms)
                .interventions(interventions)
                .outcomes(outcomes())
                .eligibility(eligibility())
                .overallOfficials(officials())
                .locations(locations())
                .links(links());
    }

    private Identification identification(String nctId) {
        Title title = title(lines.get(Math.max(0, next(0, lines.size()))));
        String orgStudyId = null;
        List<SecondaryId> secondary = new ArrayList<>();
        Section ids = sections.get("Other Identifiers");
        if (ids != null) {
            List<String> block = new ArrayList<>();
            for (int i = ids.from(); i < ids.to(); i++) {
                String text = lines.get(i).text();
                if (text.isEmpty() || text.equals("View Link")) {
                    continue;
                }
                block.add(text);
            }
            for (int i = 0; i < block.size(); i++) {
                String text = block.get(i);
                if (text.startsWith("Identifier Type:") || text.startsWith("Identifier Source:")) {
                    continue;
                }
                String type = i + 1 < block.size() && block.get(i + 1).startsWith("Identifier Type:")
                        ? block.get(i + 1).substring("Identifier Type:".length()).trim() : null;
                String source = null;
                for (int k = i + 1; k < Math.min(block.size(), i + 3); k++) {
                    if (block.get(k).startsWith("Identifier Source:")) {
                        source = block.get(k).substring("Identifier Source:".length()).trim();
                    }
                }
                if ("org_study_id".equals(source)) {
                    orgStudyId = text;
                } else {
                    secondary.add(secondaryId(text, "-".equals(type) ? null : type));
                }
            }
        }
        return identification(nctId, title, null, orgStudyId, secondary, ids == null ? null : ids.place());
    }

    private StudyStatus status() {
        Field status = field("Recruitment Status");
        OverallStatus overall = overallStatus(status);
        PartialDate lastUpdated = null;
        for (PageLine line : lines) {
            Matcher m = Pattern.compile("^Last Updated\\s*:\\s*(\\S+)").matcher(line.text());
            if (m.find()) {
                lastUpdated = values.date(m.group(1), line.place(), "status.lastUpdatePosted");
                break;
            }
        }
        StudyDate start = milestone("Study Start Date", "status.start", overall, lastUpdated);
        StudyDate primary = milestone("Primary Completion Date", "status.primaryCompletion", overall, lastUpdated);
        StudyDate completion = milestone("Study Completion Date", "status.completion", overall, lastUpdated);
        return new StudyStatus(overall, null, null, null, start, primary, completion, null, null, null,
                lastUpdated == null ? null : new StudyDate(lastUpdated, null));
    }

    /**
     * The page gives milestone dates without saying whether they are actual or estimated. A date in a finished study,
     * or before the record's last update, has happened; a later one is planned.
     */
    private StudyDate milestone(String label, String field, OverallStatus status, PartialDate lastUpdated) {
        Field f = field(label);
        if (f.value() == null) {
            return null;
        }
        PartialDate date = values.date(f.value(), f.place(), null);
        if (date == null) {
            return null;
        }
        boolean finished = status == OverallStatus.COMPLETED || status == OverallStatus.TERMINATED
                || status == OverallStatus.WITHDRAWN;
        DateType type = finished || (lastUpdated != null && date.compareTo(lastUpdated) <= 0) ? DateType.ACTUAL
                : DateType.ESTIMATED;
        protocol.inferred(field, f.place(), "the page does not say whether the date is actual or estimated; taken"
                + " as " + type.label().toLowerCase(Locale.ROOT) + (finished ? " because the study is " + status.label()
                .toLowerCase(Locale.ROOT) : " from the record's last update"));
        return new StudyDate(date, type);
    }

    private Design design() {
        Field classification = field("Study Classification");
        StudyType studyType = values.code(StudyType.class, classification.value(), classification.place(),
                "design.studyType");
        Field phase = field("Clinical Phase");
        List<Phase> phases = Vocabulary.phases(phase.value());
        protocol.read("design.phases", phase.place(), phases);
        Field enrollment = field("Total Enrollment");
        Enrollment enrolled = null;
        if (enrollment.value() != null) {
            Integer count = ParticipantCount.in(enrollment.value(), enrollment.place());
            if (count != null) {
                OverallStatus status = Vocabulary.status(field("Recruitment Status").value());
                boolean finished = status == OverallStatus.COMPLETED || status == OverallStatus.TERMINATED
                        || status == OverallStatus.ACTIVE_NOT_RECRUITING;
                DateType type = status == null ? null : finished ? DateType.ACTUAL : DateType.ESTIMATED;
                enrolled = new Enrollment(count, type);
                protocol.read("design.enrollment.count", enrollment.place(), enrolled.count());
                if (type != null) {
                    protocol.inferred("design.enrollment.type", enrollment.place(), "the page does not say whether"
                            + " the enrollment is actual or estimated; taken as " + type.label().toLowerCase(Locale.ROOT)
                            + " from the recruitment status");
                }
            }
        }
        Field allocation = field("Allocation Method");
        Field model = field("Intervention Model");
        Field modelDescription = field("Intervention Model Description");
        Field purpose = field("Primary Study Purpose");
        Field blinding = field("Blinding Strategy");
        MaskingInfo masking = null;
        if (blinding.value() != null) {
            Masking level = values.code(Masking.class, blinding.value(), blinding.place(), "design.masking.level");
            List<MaskedParty> who = new ArrayList<>();
            int partiesLine = next(blinding.valueLine() + 1, lines.size());
            if (partiesLine >= 0) {
                String text = lines.get(partiesLine).text().replace("Outcomes Assessor", "OutcomesAssessor")
                        .replace("Care Provider", "CareProvider");
                List<MaskedParty> parties = new ArrayList<>();
                boolean allParties = !text.isEmpty();
                for (String word : text.split("[\\s,]+")) {
                    MaskedParty p = Vocabulary.find(MaskedParty.class, word);
                    if (p == null) {
                        allParties = false;
                        break;
                    }
                    parties.add(p);
                }
                if (allParties) {
                    who = parties;
                    protocol.read("design.masking.whoMasked", lines.get(partiesLine).place(), who);
                }
            }
            masking = new MaskingInfo(level, who, null);
        }
        return design(studyType, phases, allocation, model, modelDescription, purpose, masking, enrolled);
    }

    private List<String> conditions() {
        Section range = sections.get("Conditions");
        if (range == null) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>();
        for (int i = range.from(); i < range.to(); i++) {
            if (!lines.get(i).isBlank()) {
                List<String> split = ConditionSplitter.split(lines.get(i).text());
                if (split.size() > 1) {
                    protocol.inferred("conditions", lines.get(i).place(), "the page runs the conditions together (\""
                            + lines.get(i).text() + "\"); they were split at their head nouns");
                }
                conditions.addAll(split);
            }
        }
        protocol.read("conditions", range.place(), conditions);
        return conditions;
    }

    /** Interventions: name, description lines, then "Intervention Type X". */
    private List<Intervention> interventions() {
        Section range = sections.get("Interventions");
        List<Intervention> interventions = new ArrayList<>();
        if (range == null) {
            return interventions;
        }
        List<String> block = new ArrayList<>();
        for (int i = range.from(); i < range.to(); i++) {
            String text = lines.get(i).text();
            if (text.isEmpty()) {
                continue;
            }
            Matcher type = Pattern.compile("^Intervention Type\\s+(\\S+)$").matcher(text);
            if (type.matches()) {
                if (!block.isEmpty()) {
                    String description = block.size() > 1 ? String.join("\n", block.subList(1, block.size())) : null;
                    interventions.add(new Intervention(values.code(InterventionType.class, type.group(1),
                            lines.get(i).place(), null), block.get(0), description, List.of(), List.of(), null));
                }
                block.clear();
            } else {
                block.add(text);
            }
        }
        List<String> otherNames = otherNames();
        if (!otherNames.isEmpty() && !interventions.isEmpty()) {
            int best = bestMatch(interventions, otherNames);
            Intervention i = interventions.get(best);
            interventions.set(best, new Intervention(i.type(), i.name(), i.description(), i.armGroupLabels(),
                    otherNames, null));
            protocol.inferred("interventions[" + best + "].otherNames", "Other Intervention Names",
                    "the page lists other names without saying which intervention they belong to; given to \""
                            + i.name() + "\", whose name they resemble most");
        }
        protocol.read("interventions", range.place(), interventions);
        return interventions;
    }

    private List<String> otherNames() {
        Section range = sections.get("Other Intervention Names");
        List<String> names = new ArrayList<>();
        if (range != null) {
            for (int i = range.from(); i < range.to(); i++) {
                if (!lines.get(i).isBlank()) {
                    names.add(lines.get(i).text());
                }
            }
        }
        return names;
    }

    private static int bestMatch(List<Intervention> interventions, List<String> names) {
        Set<String> words = new java.util.HashSet<>(List.of(String.join(" ", names).toLowerCase(Locale.ROOT)
                .split("\\W+")));
        int best = 0;
        long bestScore = -1;
        for (int i = 0; i < interventions.size(); i++) {
            long score = List.of(interventions.get(i).name().toLowerCase(Locale.ROOT).split("\\W+")).stream()
                    .filter(w -> w.length() > 2 && words.contains(w)).count();
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Study groups: label, description, "Group Type X", then each intervention given to the group (its name,
     * "Intervention Type Y", and its description again).
     */
    private List<Arm> arms(List<Intervention> interventions) {
        Section range = sections.get("Study Groups");
        List<Arm> arms = new ArrayList<>();
        if (range == null) {
            return arms;
        }
        List<PageLine> block = new ArrayList<>();
        for (int i = range.from(); i < range.to(); i++) {
            if (!lines.get(i).isBlank()) {
                block.add(lines.get(i));
            }
        }
        int i = 0;
        while (i < block.size()) {
            String label = block.get(i++).text();
            StringBuilder description = new StringBuilder();
            ArmType type = null;
            while (i < block.size()) {
                Matcher groupType = Pattern.compile("^Group Type\\s+(\\S+)$").matcher(block.get(i).text());
                i++;
                if (groupType.matches()) {
                    type = values.code(ArmType.class, groupType.group(1), block.get(i - 1).place(), null);
                    break;
                }
                description.append(description.length() > 0 ? "\n" : "").append(block.get(i - 1).text());
            }
            List<String> names = new ArrayList<>();
            while (i + 1 < block.size() && block.get(i + 1).text().startsWith("Intervention Type")) {
                String name = block.get(i).text();
                Intervention known = interventions.stream().filter(iv -> iv.name().equals(name)).findFirst()
                        .orElse(null);
                i += 2;
                if (known != null) {
                    names.add(known.reference());
                    int index = interventions.indexOf(known);
                    List<String> labels = new ArrayList<>(known.armGroupLabels());
                    labels.add(label);
                    interventions.set(index, new Intervention(known.type(), known.name(), known.description(), labels,
                            known.otherNames(), null));
                    String d = known.description();
                    // the group repeats the intervention's description; skip it line by line
                    while (d != null && i < block.size() && d.contains(block.get(i).text())) {
                        i++;
                    }
                } else {
                    InterventionType t = values.code(InterventionType.class,
                            block.get(i - 1).text().replace("Intervention Type", "").trim(), block.get(i - 1).place(),
                            null);
                    names.add(new Intervention(t, name, null, List.of(), List.of(), null).reference());
                }
            }
            arms.add(new Arm(label, type, description.length() == 0 ? null
                    : description.toString(), names, null));
        }
        protocol.read("arms", range.place(), arms);
        return arms;
    }

    /**
     * Outcome measures, when the page has them: under "Outcome Measures" (or "Primary/Secondary Outcome Measures"),
     * with "Primary…"/"Secondary…"/"Other…" sub-headings, each measure followed by its description lines and a
     * "Time Frame:" line. The seeds of this layout list none; this follows the registry's own outcome fields.
     */
    private List<Outcome> outcomes() {
        List<Outcome> outcomes = new ArrayList<>();
        String place = null;
        for (String name : List.of("Outcome Measures", "Primary Outcome Measures", "Secondary Outcome Measures")) {
            Section range = sections.get(name);
            if (range == null) {
                continue;
            }
            place = place == null ? range.place() : place;
            OutcomeKind kind = name.startsWith("Secondary") ? OutcomeKind.SECONDARY : OutcomeKind.PRIMARY;
            List<String> pending = new ArrayList<>();
            for (int i = range.from(); i < range.to(); i++) {
                String text = lines.get(i).text();
                if (text.isEmpty()) {
                    continue;
                }
                Matcher heading = Pattern.compile("(?i)^(primary|secondary|other(?: pre-specified)?) outcomes?"
                        + "(?: measures?)?:?$").matcher(text);
                Matcher timeFrame = Pattern.compile("(?i)^time ?frame\\s*:?\\s*(.*)$").matcher(text);
                if (heading.matches()) {
                    flushOutcome(outcomes, kind, pending, null);
                    String k = heading.group(1).toLowerCase(Locale.ROOT);
                    kind = k.startsWith("primary") ? OutcomeKind.PRIMARY : k.startsWith("secondary")
                            ? OutcomeKind.SECONDARY : OutcomeKind.OTHER;
                } else if (timeFrame.matches()) {
                    flushOutcome(outcomes, kind, pending, timeFrame.group(1).trim());
                } else {
                    pending.add(text);
                }
            }
            flushOutcome(outcomes, kind, pending, null);
        }
        protocol.read("outcomes", place, outcomes);
        return outcomes;
    }

    private static void flushOutcome(List<Outcome> outcomes, OutcomeKind kind, List<String> pending, String timeFrame) {
        if (pending.isEmpty()) {
            return;
        }
        String description = pending.size() > 1 ? String.join("\n", pending.subList(1, pending.size())) : null;
        outcomes.add(new Outcome(kind, pending.get(0), description, timeFrame == null || timeFrame.isEmpty() ? null
                : timeFrame, null));
        pending.clear();
    }

    private Eligibility eligibility() {
        Section range = sections.get("Eligibility Criteria");
        if (range == null) {
            return null;
        }
        StringBuilder criteria = new StringBuilder();
        int end = range.from();
        while (end < range.to() && !FIELD_LABELS.contains(lines.get(end).text())) {
            end++;
        }
        for (int i = range.from(); i < end; i++) {
            String raw = lines.get(i).raw().stripTrailing();
            if (criteria.length() == 0 && raw.isBlank()) {
                continue;
            }
            String t = raw.trim();
            criteria.append(t.equals("Inclusion Criteria") || t.equals("Exclusion Criteria") ? t + ":" : raw)
                    .append('\n');
        }
        String text = criteria.toString().strip();
        protocol.read("eligibility.criteriaText", range.place(), text);
        Field min = field("Minimum Eligible Age");
        Field max = field("Maximum Eligible Age");
        Field sex = field("Eligible Sex");
        Field healthy = field("Accepts Healthy Volunteers");
        Age minimum = values.age(min.value(), min.place(), "eligibility.minimumAge");
        Age maximum = values.age(max.value(), max.place(), "eligibility.maximumAge");
        Sex sexes = values.code(Sex.class, sex.value(), sex.place(), "eligibility.sex");
        Boolean volunteers = values.yesNo(healthy.value(), healthy.place(), "eligibility.healthyVolunteers");
        return new Eligibility(text.isEmpty() ? null : text, volunteers, sexes, null, null, minimum, maximum, List.of(),
                null, null, List.of(), List.of());
    }

    /** Sponsors: name, agency class, "Sponsor Role lead|collaborator". */
    private Sponsorship sponsorship() {
        Organization lead = null;
        List<Organization> collaborators = new ArrayList<>();
        List<String> block = blockOf("Sponsors");
        List<String> pending = new ArrayList<>();
        Section range = sections.get("Sponsors");
        String place = range == null ? null : range.place();
        for (String text : block) {
            Matcher role = Pattern.compile("^Sponsor Role\\s+(\\S+)$").matcher(text);
            if (role.matches() && !pending.isEmpty()) {
                OrganizationClass cls = pending.size() > 1
                        ? values.code(OrganizationClass.class, pending.get(1), place, null) : null;
                Organization org = new Organization(pending.get(0), cls);
                if (role.group(1).equalsIgnoreCase("lead")) {
                    lead = org;
                } else {
                    collaborators.add(org);
                }
                pending.clear();
            } else {
                pending.add(text);
            }
        }
        protocol.read("sponsorship.leadSponsor", place, lead);
        protocol.read("sponsorship.collaborators", place, collaborators);
        ResponsibleParty responsible = null;
        List<String> rp = blockOf("Responsible Party");
        if (!rp.isEmpty()) {
            String type = null;
            List<String> rest = new ArrayList<>();
            for (String text : rp) {
                Matcher m = Pattern.compile("^Responsibility Role\\s+(\\S+)$").matcher(text);
                if (m.matches()) {
                    type = m.group(1);
                } else {
                    rest.add(text);
                }
            }
            ResponsiblePartyType t = values.code(ResponsiblePartyType.class, type,
                    sections.get("Responsible Party").place(), null);
            responsible = t == ResponsiblePartyType.SPONSOR ? new ResponsibleParty(t, null, null, null)
                    : new ResponsibleParty(t, rest.isEmpty() ? null : rest.get(0), rest.size() > 1 ? rest.get(1) : null,
                    rest.size() > 2 ? rest.get(2) : null);
            protocol.read("sponsorship.responsibleParty", sections.get("Responsible Party").place(),
                    responsible);
        }
        return new Sponsorship(lead, collaborators, responsible);
    }

    /** Principal investigators: name, "Role: X", affiliation. */
    private List<Official> officials() {
        List<String> block = blockOf("Principal Investigators");
        List<Official> officials = new ArrayList<>();
        for (int i = 0; i + 1 < block.size(); i++) {
            if (!block.get(i + 1).startsWith("Role:")) {
                continue;
            }
            OfficialRole role = values.code(OfficialRole.class, block.get(i + 1).substring("Role:".length()).trim(),
                    sections.get("Principal Investigators").place(), null);
            // an affiliation follows unless the next line is already the next investigator's name
            boolean affiliated = i + 2 < block.size() && !(i + 3 < block.size() && block.get(i + 3).startsWith("Role:"));
            officials.add(new Official(block.get(i), affiliated ? block.get(i + 2) : null, role));
            i += affiliated ? 2 : 1;
        }
        Section range = sections.get("Principal Investigators");
        protocol.read("overallOfficials", range == null ? null : range.place(), officials);
        return officials;
    }

    /** Locations: facility, "City, State, Country", "Site Status [X]". */
    private List<Location> locations() {
        List<String> block = blockOf("Locations");
        List<Location> locations = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            Address address = i + 1 < block.size() ? Address.parse(block.get(i + 1)) : null;
            if (address == null) {
                continue;
            }
            OverallStatus status = null;
            int consumed = 1;
            if (i + 2 < block.size() && block.get(i + 2).startsWith("Site Status")) {
                consumed = 2;
                String inline = block.get(i + 2).substring("Site Status".length()).trim();
                if (!inline.isEmpty()) {
                    status = values.code(OverallStatus.class, inline, sections.get("Locations").place(), null);
                } else if (i + 3 < block.size() && Vocabulary.status(block.get(i + 3)) != null) {
                    status = Vocabulary.status(block.get(i + 3));
                    consumed = 3;
                }
            }
            locations.add(new Location(block.get(i), status, address.city(), address.state(), address.zip(),
                    address.country(), List.<Contact>of(), null));
            i += consumed;
        }
        Section range = sections.get("Locations");
        protocol.read("locations", range == null ? null : range.place(), locations);
        if (!locations.isEmpty() && locations.stream().allMatch(l -> l.status() == null)) {
            protocol.missing("locations[].status", "the page shows no recruitment status for its sites");
        }
        return locations;
    }

    private List<Link> links() {
        List<String> block = blockOf("Related Links");
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            if (block.get(i).matches("^https?://\\S+$")) {
                String label = i + 1 < block.size() && block.get(i + 1).startsWith("Description:")
                        ? block.get(i + 1).substring("Description:".length()).trim() : null;
                links.add(new Link(label, block.get(i)));
            }
        }
        return links;
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** A field: its label's line, the value (the next non-blank line) and that value's line. */
    private record Field(int line, int valueLine, String value, String place) implements LabelledValue {
    }

    private Field field(String label) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).text().equals(label)) {
                int v = next(i + 1, lines.size());
                if (v < 0 || FIELD_LABELS.contains(lines.get(v).text()) || SECTIONS.contains(lines.get(v).text())) {
                    return new Field(i, -1, null, lines.get(i).place());
                }
                return new Field(i, v, lines.get(v).text(), lines.get(i).place());
            }
        }
        return new Field(-1, -1, null, null);
    }

    private String section(String name, String field) {
        Section range = sections.get(name);
        if (range == null) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (int i = range.from(); i < range.to(); i++) {
            String text = lines.get(i).text();
            if (!text.isEmpty()) {
                s.append(s.length() > 0 ? "\n\n" : "").append(text);
            }
        }
        String value = s.length() == 0 ? null : s.toString();
        protocol.read(field, range.place(), value);
        return value;
    }

    private List<String> blockOf(String name) {
        Section range = sections.get(name);
        List<String> block = new ArrayList<>();
        if (range != null) {
            for (int i = range.from(); i < range.to(); i++) {
                if (!lines.get(i).isBlank()) {
                    block.add(lines.get(i).text());
                }
            }
        }
        return block;
    }

    /** The first non-blank line in [from, to), or -1. */
    private int next(int from, int to) {
        for (int i = Math.max(0, from); i < to && i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
