package org.stroma.export.sdtm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.stroma.export.ExportSource;
import org.stroma.protocol.Age;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.Masking;
import org.stroma.protocol.Offset;
import org.stroma.protocol.Phase;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.ScientificNotation;
import org.stroma.protocol.TimeAnchor;
import org.stroma.trial.design.DesignKind;
import org.stroma.trial.design.TrialArm;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.schedule.PlannedVisit;

/**
 * The trial design datasets, from the protocol and the design Stroma runs: TE (the elements: screening, each arm's
 * treatment, follow-up), TA (each allocation group's elements in order, by epoch), TV (the planned visits), TI (the
 * eligibility criteria) and TS (the trial's summary parameters). They describe the arms as the protocol does and tie
 * no subject to one, so a blinded export has them too.
 */
final class TrialDesignDomains {
    static final String SCREENING_ELEMENT = "SCRN";
    static final String FOLLOW_UP_ELEMENT = "FU";
    /** IETEST is at most 200 characters; a longer criterion is cut, its full text being the protocol's. */
    private static final int CRITERION_LENGTH = 200;

    private final ExportSource source;
    private final String study;
    private final TrialDesign design;
    private final boolean crossover;

    TrialDesignDomains(ExportSource source) {
        this.source = source;
        this.study = source.design().trial();
        this.design = source.design();
        this.crossover = design.kind() == DesignKind.CROSSOVER;
    }

    List<Dataset> all() {
        return List.of(arms(), elements(), visits(), criteria(), summary());
    }

    private Dataset arms() {
        DatasetBuilder ta = new DatasetBuilder("TA", "Trial Arms", SdtmClass.TRIAL_DESIGN,
                "One record per planned Element per Arm", VariableCatalog.of("TA", List.of("STUDYID", "DOMAIN",
                        "ARMCD", "ARM", "TAETORD", "ETCD", "ELEMENT", "TABRANCH", "TATRANS", "EPOCH"),
                        List.of("STUDYID", "ARMCD", "TAETORD")));
        for (String group : design.ratio().groups()) {
            List<TrialArm> arms = design.armsOf(group);
            String label = arms.stream().map(TrialArm::label).collect(Collectors.joining(" then "));
            List<String> epochs = SubjectTimeline.epochs(crossover, arms.size());
            int order = 1;
            add(ta, group, label, order++, SCREENING_ELEMENT, "Screening", "Randomized to " + label, epochs.get(0));
            for (int p = 0; p < arms.size(); p++) {
                TrialArm arm = arms.get(p);
                add(ta, group, label, order++, arm.code(), arm.label(), null, crossover ? epochs.get(p + 1)
                        : SubjectTimeline.TREATMENT);
            }
            if (!crossover) {
                add(ta, group, label, order, FOLLOW_UP_ELEMENT, "Follow-up", null, SubjectTimeline.FOLLOW_UP);
            }
        }
        return ta.build();
    }

    private void add(DatasetBuilder ta, String group, String label, int order, String element, String name,
            String branch, String epoch) {
        Map<String, Object> row = ta.row();
        row.put("STUDYID", study);
        row.put("DOMAIN", "TA");
        row.put("ARMCD", group);
        row.put("ARM", label);
        row.put("TAETORD", order);
        row.put("ETCD", element);
        row.put("ELEMENT", name);
        row.put("TABRANCH", branch);
        row.put("EPOCH", epoch);
    }

    private Dataset elements() {
        DatasetBuilder te = new DatasetBuilder("TE", "Trial Elements", SdtmClass.TRIAL_DESIGN,
                "One record per planned Element", VariableCatalog.of("TE", List.of("STUDYID", "DOMAIN", "ETCD",
                        "ELEMENT", "TESTRL", "TEENRL"), List.of("STUDYID", "ETCD")));
        element(te, SCREENING_ELEMENT, "Screening", "Informed consent", "First administration");
        for (TrialArm arm : design.arms()) {
            element(te, arm.code(), arm.label(), "Administration of " + arm.label(), crossover
                    ? "The next period's administration, or the end of participation"
                    : "End of the day of the administration");
        }
        if (!crossover) {
            element(te, FOLLOW_UP_ELEMENT, "Follow-up", "The day after the administration",
                    "End of participation");
        }
        return te.build();
    }

    private void element(DatasetBuilder te, String code, String name, String start, String end) {
        Map<String, Object> row = te.row();
        row.put("STUDYID", study);
        row.put("DOMAIN", "TE");
        row.put("ETCD", code);
        row.put("ELEMENT", name);
        row.put("TESTRL", start);
        row.put("TEENRL", end);
    }

    private Dataset visits() {
        DatasetBuilder tv = new DatasetBuilder("TV", "Trial Visits", SdtmClass.TRIAL_DESIGN,
                "One record per planned Visit per Arm", VariableCatalog.of("TV", List.of("STUDYID", "DOMAIN",
                        "VISITNUM", "VISIT", "VISITDY", "TVSTRL", "TVENRL"), List.of("STUDYID", "VISITNUM")));
        Visits numbers = new Visits(source.schedule());
        for (PlannedVisit v : source.schedule()) {
            Map<String, Object> row = tv.row();
            row.put("STUDYID", study);
            row.put("DOMAIN", "TV");
            row.put("VISITNUM", numbers.number(v.name()));
            row.put("VISIT", v.name());
            row.put("VISITDY", plannedDay(v));
            row.put("TVSTRL", offset(v.offset()) + " after " + v.anchor().label() + ", from " + v.daysEarly()
                    + " days before" + (v.assumedWindow() ? " (window assumed)" : ""));
            row.put("TVENRL", "Up to " + v.daysLate() + " days after the target day");
        }
        return tv.build();
    }

    /** The planned study day of a visit counted from the first administration (day 1); null for other anchors. */
    private static Integer plannedDay(PlannedVisit v) {
        if (v.anchor() != TimeAnchor.FIRST_ADMINISTRATION) {
            return null;
        }
        return (int) Math.round(v.offset().approximateDays()) + 1;
    }

    private static String offset(Offset o) {
        return SdtmValues.text(o.amount()) + " " + o.unit().name().toLowerCase(Locale.ROOT)
                + (o.amount() == 1 ? "" : "s");
    }

    private Dataset criteria() {
        DatasetBuilder ti = new DatasetBuilder("TI", "Trial Inclusion/Exclusion Criteria", SdtmClass.TRIAL_DESIGN,
                "One record per I/E criterion", VariableCatalog.of("TI", List.of("STUDYID", "DOMAIN", "IETESTCD",
                        "IETEST", "IECAT", "TIVERS"), List.of("STUDYID", "IETESTCD")));
        Eligibility e = source.protocol().eligibility();
        if (e != null) {
            criteria(ti, e.inclusion(), "INCL", "INCLUSION");
            criteria(ti, e.exclusion(), "EXCL", "EXCLUSION");
        }
        return ti.build();
    }

    private void criteria(DatasetBuilder ti, List<Criterion> criteria, String prefix, String category) {
        int n = 1;
        for (Criterion c : criteria) {
            if (c.text() == null || c.text().isBlank()) {
                continue;
            }
            String text = c.text().strip().replaceAll("\\s+", " ");
            Map<String, Object> row = ti.row();
            row.put("STUDYID", study);
            row.put("DOMAIN", "TI");
            row.put("IETESTCD", String.format(Locale.ROOT, "%s%02d", prefix, n++));
            row.put("IETEST", text.length() > CRITERION_LENGTH ? text.substring(0, CRITERION_LENGTH - 1) + "…"
                    : text);
            row.put("IECAT", category);
            row.put("TIVERS", "1");
        }
    }

    private Dataset summary() {
        DatasetBuilder ts = new DatasetBuilder("TS", "Trial Summary", SdtmClass.TRIAL_DESIGN,
                "One record per trial summary parameter value", VariableCatalog.of("TS", List.of("STUDYID", "DOMAIN",
                        "TSSEQ", "TSPARMCD", "TSPARM", "TSVAL", "TSVALNF"), List.of("STUDYID", "TSPARMCD", "TSSEQ")));
        Protocol p = source.protocol();
        Map<String, Integer> seen = new HashMap<>();
        List<String[]> parameters = new ArrayList<>();
        parameters.add(new String[] {"TITLE", "Trial Title", p.identification().officialTitle() != null
                ? p.identification().officialTitle() : p.identification().briefTitle()});
        parameters.add(new String[] {"ACRONYM", "Trial Acronym", p.identification().acronym()});
        parameters.add(new String[] {"REGID", "Registry Identifier", p.identification().nctId()});
        parameters.add(new String[] {"SPONSOR", "Clinical Study Sponsor", p.sponsorship() == null
                || p.sponsorship().leadSponsor() == null ? null : p.sponsorship().leadSponsor().name()});
        if (p.design() != null) {
            p.design().phases().forEach(ph -> parameters.add(new String[] {"TPHASE", "Trial Phase Classification",
                    phase(ph)}));
            parameters.add(new String[] {"STYPE", "Study Type", words(p.design().studyType())});
            parameters.add(new String[] {"INTMODEL", "Intervention Model", words(p.design().interventionModel())});
            parameters.add(new String[] {"TBLIND", "Trial Blinding Schema", p.design().masking() == null
                    ? null : blinding(p.design().masking().level())});
            parameters.add(new String[] {"PLANSUB", "Planned Number of Subjects", p.design().enrollment() == null
                    || p.design().enrollment().count() == null ? null : String.valueOf(p.design().enrollment()
                    .count())});
        }
        parameters.add(new String[] {"RANDOM", "Trial is Randomized", design.ratio().groups().size() > 1 ? "Y"
                : "N"});
        parameters.add(new String[] {"NARMS", "Planned Number of Arms", String.valueOf(design.ratio().groups()
                .size())});
        boolean placebo = design.arms().stream().anyMatch(TrialArm::isPlacebo);
        parameters.add(new String[] {"TCNTRL", "Control Type", placebo ? "PLACEBO" : design.arms().size() > 1
                ? null : "NONE"});
        p.conditions().forEach(c -> parameters.add(new String[] {"INDIC", "Trial Disease/Condition Indication", c}));
        parameters.add(new String[] {"TRT", "Investigational Therapy or Treatment",
                ExposureDomains.productName(design.product())});
        Eligibility e = p.eligibility();
        if (e != null) {
            parameters.add(new String[] {"AGEMIN", "Planned Minimum Age of Subjects", duration(e.minimumAge())});
            parameters.add(new String[] {"AGEMAX", "Planned Maximum Age of Subjects", duration(e.maximumAge())});
            parameters.add(new String[] {"SEXPOP", "Sex of Participants", e.sex() == null ? null : switch (e.sex()) {
                case ALL -> "BOTH";
                case FEMALE -> "F";
                case MALE -> "M";
            }});
            parameters.add(new String[] {"HLTSUBJI", "Healthy Subject Indicator", e.healthyVolunteers() == null
                    ? null : e.healthyVolunteers() ? "Y" : "N"});
        }
        for (String[] parameter : parameters) {
            Map<String, Object> row = ts.row();
            row.put("STUDYID", study);
            row.put("DOMAIN", "TS");
            row.put("TSSEQ", seen.merge(parameter[0], 1, Integer::sum));
            row.put("TSPARMCD", parameter[0]);
            row.put("TSPARM", parameter[1]);
            row.put("TSVAL", parameter[2] == null ? null : parameter[2].length() > 200 ? parameter[2].substring(0,
                    199) + "…" : parameter[2]);
            row.put("TSVALNF", parameter[2] == null ? "UNK" : null);
        }
        return ts.build();
    }

    private static String words(Enum<?> e) {
        return e == null ? null : e.name().replace('_', ' ');
    }

    /** The phase in the terms of SDTM's trial phase list. */
    private static String phase(Phase phase) {
        return switch (phase) {
            case NA -> "NOT APPLICABLE";
            case EARLY_PHASE1 -> "PHASE 0 TRIAL";
            case PHASE1 -> "PHASE I TRIAL";
            case PHASE2 -> "PHASE II TRIAL";
            case PHASE3 -> "PHASE III TRIAL";
            case PHASE4 -> "PHASE IV TRIAL";
        };
    }

    private static String blinding(Masking level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case NONE -> "OPEN LABEL";
            case SINGLE -> "SINGLE BLIND";
            case DOUBLE -> "DOUBLE BLIND";
            case TRIPLE -> "TRIPLE BLIND";
            case QUADRUPLE -> "QUADRUPLE BLIND";
        };
    }

    /**
     * An age as an ISO 8601 duration in the registry's own unit: P18Y, P6M, P28D, PT24H (a limit in months written
     * as whole years would be P0Y); null when the protocol sets none.
     */
    static String duration(Age age) {
        if (age == null) {
            return null;
        }
        String amount = ScientificNotation.plain(age.amount());
        return switch (age.unit()) {
            case YEAR -> "P" + amount + "Y";
            case MONTH -> "P" + amount + "M";
            case WEEK -> "P" + amount + "W";
            case DAY -> "P" + amount + "D";
            case HOUR -> "PT" + amount + "H";
            case MINUTE -> "PT" + amount + "M";
        };
    }
}
