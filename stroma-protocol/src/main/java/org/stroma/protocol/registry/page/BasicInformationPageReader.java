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
import org.stroma.protocol.Allocation;
import org.stroma.protocol.Arm;
import org.stroma.protocol.ArmType;
import org.stroma.protocol.Contact;
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
import org.stroma.protocol.Provenance;
import org.stroma.protocol.ResponsibleParty;
import org.stroma.protocol.ResponsiblePartyType;
import org.stroma.protocol.SecondaryId;
import org.stroma.protocol.SecondaryIdType;
import org.stroma.protocol.Sex;
import org.stroma.protocol.Sponsorship;
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
 * Reads the third-party "Basic Information" registry page: each field's label on a line of its own and its value on
 * the lines below, sections introduced by a heading and a sentence addressed to the reader ("Review each arm or
 * cohort in the study…"), and enumeration codes in the registry's API v2 spelling (PARALLEL, DOUBLE).
 */
final class BasicInformationPageReader {
    private static final String FORMAT = "\"Basic Information\" registry page";
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
    private final Provenance.Builder provenance = Provenance.builder(FORMAT);
    private final List<String> warnings = new ArrayList<>();
    /** Each section's heading line and content (after the heading and its sentence to the reader). */
    private final Map<String, Section> sections = new LinkedHashMap<>();

    /** A section of the page: its heading's line, and the lines [from, to) of its content. */
    private record Section(int heading, int from, int to, String place) {
    }

    private BasicInformationPageReader(String page) {
        this.lines = PageLine.of(page, false);
        findSections();
    }

    static PageReader.Result read(String page) {
        BasicInformationPageReader reader = new BasicInformationPageReader(page);
        return new PageReader.Result(reader.study(), List.copyOf(reader.warnings));
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

    private Protocol study() {
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
        provenance.read("identification.nctId", nctPlace, nctId);
        List<Intervention> interventions = interventions();
        List<Arm> arms = arms(interventions);
        return new Protocol(identification(nctId), status(), sponsorship(), section("Brief Summary", "briefSummary"),
                section("Detailed Description", "detailedDescription"), conditions(), List.of(), design(), arms,
                interventions, outcomes(), eligibility(), List.of(), officials(), locations(), List.of(), links(),
                provenance.build());
    }

    private Identification identification(String nctId) {
        PageLine first = lines.get(Math.max(0, next(0, lines.size())));
        String title = first.text();
        String acronym = null;
        Matcher m = Pattern.compile("^(.*\\S)\\s*\\(([^()\\s]{2,20})\\)$").matcher(title);
        if (m.matches()) {
            title = m.group(1);
            acronym = m.group(2);
            provenance.inferred("identification.acronym", first.place(),
                    "the page shows the acronym in parentheses after the title");
        }
        provenance.read("identification.briefTitle", first.place(), title);
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
                    SecondaryIdType t = type == null || type.equals("-") ? null : Vocabulary.find(SecondaryIdType.class, type);
                    secondary.add(new SecondaryId(text, t != null ? t : IdentifierKinds.recognise(text), null, null));
                }
            }
            provenance.read("identification.orgStudyId", ids.place(), orgStudyId);
            provenance.read("identification.secondaryIds", ids.place(), secondary);
        }
        return new Identification(nctId, List.of(), orgStudyId, secondary, null, title, null, acronym);
    }

    private StudyStatus status() {
        Field status = field("Recruitment Status");
        OverallStatus overall = Vocabulary.status(status.value());
        provenance.read("status.overallStatus", status.place(), overall);
        PartialDate lastUpdated = null;
        for (PageLine line : lines) {
            Matcher m = Pattern.compile("^Last Updated\\s*:\\s*(\\S+)").matcher(line.text());
            if (m.find()) {
                lastUpdated = RegistryDates.parse(m.group(1));
                provenance.read("status.lastUpdatePosted", line.place(), lastUpdated);
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
        PartialDate date = RegistryDates.parse(f.value());
        if (date == null) {
            warnings.add(f.place() + ": \"" + f.value() + "\" is not a date");
            return null;
        }
        boolean finished = status == OverallStatus.COMPLETED || status == OverallStatus.TERMINATED
                || status == OverallStatus.WITHDRAWN;
        DateType type = finished || (lastUpdated != null && date.compareTo(lastUpdated) <= 0) ? DateType.ACTUAL
                : DateType.ESTIMATED;
        provenance.inferred(field, f.place(), "the page does not say whether the date is actual or estimated; taken"
                + " as " + type.label().toLowerCase(Locale.ROOT) + (finished ? " because the study is " + status.label()
                .toLowerCase(Locale.ROOT) : " from the record's last update"));
        return new StudyDate(date, type);
    }

    private Design design() {
        Field classification = field("Study Classification");
        StudyType studyType = Vocabulary.find(StudyType.class, classification.value());
        provenance.read("design.studyType", classification.place(), studyType);
        Field phase = field("Clinical Phase");
        List<Phase> phases = Vocabulary.phases(phase.value());
        provenance.read("design.phases", phase.place(), phases);
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
                provenance.read("design.enrollment.count", enrollment.place(), enrolled.count());
                if (type != null) {
                    provenance.inferred("design.enrollment.type", enrollment.place(), "the page does not say whether"
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
        Allocation alloc = Vocabulary.find(Allocation.class, allocation.value());
        InterventionModel interventionModel = Vocabulary.find(InterventionModel.class, model.value());
        PrimaryPurpose primaryPurpose = Vocabulary.find(PrimaryPurpose.class, purpose.value());
        provenance.read("design.allocation", allocation.place(), alloc);
        provenance.read("design.interventionModel", model.place(), interventionModel);
        provenance.read("design.interventionModelDescription", modelDescription.place(), modelDescription.value());
        provenance.read("design.primaryPurpose", purpose.place(), primaryPurpose);
        MaskingInfo masking = null;
        if (blinding.value() != null) {
            Masking level = Vocabulary.find(Masking.class, blinding.value());
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
                    provenance.read("design.masking.whoMasked", lines.get(partiesLine).place(), who);
                }
            }
            masking = new MaskingInfo(level, who, null);
            provenance.read("design.masking.level", blinding.place(), level);
        }
        return new Design(studyType, phases, alloc, interventionModel, modelDescription.value(), primaryPurpose,
                masking, enrolled, null);
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
                    provenance.inferred("conditions", lines.get(i).place(), "the page runs the conditions together (\""
                            + lines.get(i).text() + "\"); they were split at their head nouns");
                }
                conditions.addAll(split);
            }
        }
        provenance.read("conditions", range.place(), conditions);
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
                    interventions.add(new Intervention(Vocabulary.find(InterventionType.class, type.group(1)),
                            block.get(0), description, List.of(), List.of(), null));
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
            provenance.inferred("interventions[" + best + "].otherNames", "Other Intervention Names",
                    "the page lists other names without saying which intervention they belong to; given to \""
                            + i.name() + "\", whose name they resemble most");
        }
        provenance.read("interventions", range.place(), interventions);
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
            String type = null;
            while (i < block.size()) {
                Matcher groupType = Pattern.compile("^Group Type\\s+(\\S+)$").matcher(block.get(i).text());
                i++;
                if (groupType.matches()) {
                    type = groupType.group(1);
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
                    InterventionType t = Vocabulary.find(InterventionType.class,
                            block.get(i - 1).text().replace("Intervention Type", "").trim());
                    names.add(new Intervention(t, name, null, List.of(), List.of(), null).reference());
                }
            }
            arms.add(new Arm(label, Vocabulary.find(ArmType.class, type), description.length() == 0 ? null
                    : description.toString(), names, null));
        }
        provenance.read("arms", range.place(), arms);
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
        provenance.read("outcomes", place, outcomes);
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
        provenance.read("eligibility.criteriaText", range.place(), text);
        Field min = field("Minimum Eligible Age");
        Field max = field("Maximum Eligible Age");
        Field sex = field("Eligible Sex");
        Field healthy = field("Accepts Healthy Volunteers");
        Age minimum = AgeText.parse(min.value());
        Age maximum = AgeText.parse(max.value());
        Sex sexes = Vocabulary.find(Sex.class, sex.value());
        Boolean volunteers = healthy.value() == null ? null : healthy.value().toLowerCase(Locale.ROOT).startsWith("yes");
        provenance.read("eligibility.minimumAge", min.place(), minimum);
        provenance.read("eligibility.maximumAge", max.place(), maximum);
        provenance.read("eligibility.sex", sex.place(), sexes);
        provenance.read("eligibility.healthyVolunteers", healthy.place(), volunteers);
        return new Eligibility(text.isEmpty() ? null : text, volunteers, sexes, null, null, minimum, maximum, List.of(),
                null, null, List.of(), List.of());
    }

    /** Sponsors: name, agency class, "Sponsor Role lead|collaborator". */
    private Sponsorship sponsorship() {
        Organization lead = null;
        List<Organization> collaborators = new ArrayList<>();
        List<String> block = blockOf("Sponsors");
        List<String> pending = new ArrayList<>();
        for (String text : block) {
            Matcher role = Pattern.compile("^Sponsor Role\\s+(\\S+)$").matcher(text);
            if (role.matches() && !pending.isEmpty()) {
                OrganizationClass cls = pending.size() > 1 ? Vocabulary.find(OrganizationClass.class, pending.get(1))
                        : null;
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
        Section range = sections.get("Sponsors");
        String place = range == null ? null : range.place();
        provenance.read("sponsorship.leadSponsor", place, lead);
        provenance.read("sponsorship.collaborators", place, collaborators);
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
            ResponsiblePartyType t = Vocabulary.find(ResponsiblePartyType.class, type);
            responsible = t == ResponsiblePartyType.SPONSOR ? new ResponsibleParty(t, null, null, null)
                    : new ResponsibleParty(t, rest.isEmpty() ? null : rest.get(0), rest.size() > 1 ? rest.get(1) : null,
                    rest.size() > 2 ? rest.get(2) : null);
            provenance.read("sponsorship.responsibleParty", sections.get("Responsible Party").place(),
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
            OfficialRole role = Vocabulary.find(OfficialRole.class, block.get(i + 1).substring("Role:".length()).trim());
            // an affiliation follows unless the next line is already the next investigator's name
            boolean affiliated = i + 2 < block.size() && !(i + 3 < block.size() && block.get(i + 3).startsWith("Role:"));
            officials.add(new Official(block.get(i), affiliated ? block.get(i + 2) : null, role));
            i += affiliated ? 2 : 1;
        }
        Section range = sections.get("Principal Investigators");
        provenance.read("overallOfficials", range == null ? null : range.place(), officials);
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
                    status = Vocabulary.status(inline);
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
        provenance.read("locations", range == null ? null : range.place(), locations);
        if (!locations.isEmpty() && locations.stream().allMatch(l -> l.status() == null)) {
            provenance.missing("locations[].status", "the page shows no recruitment status for its sites");
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
    private record Field(int line, int valueLine, String value, String place) {
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
        provenance.read(field, range.place(), value);
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
