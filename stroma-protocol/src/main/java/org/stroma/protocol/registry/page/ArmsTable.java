package org.stroma.protocol.registry.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Arm;
import org.stroma.protocol.ArmType;
import org.stroma.protocol.Intervention;
import org.stroma.protocol.InterventionType;
import org.stroma.protocol.registry.Vocabulary;

/**
 * The "Arm | Intervention/treatment" table of a classic page. Each row is an arm ("Experimental: label" and its
 * description) beside the interventions it receives ("Biological: name", description, "Other Name: …"); rows end at a
 * trailing pipe on pages with tables and at a blank line on plain-text pages. An intervention listed in several rows
 * is one intervention given to several arms. Tables of observational groups and cohorts have no arm types; there the
 * first line of a row is the group's label.
 */
final class ArmsTable {
    private static final String ARM_TYPES = "Experimental|Active Comparator|Placebo Comparator|Sham Comparator"
            + "|No Intervention|Other";
    private static final Pattern ARM_HEADER = Pattern.compile("^(" + ARM_TYPES + "):\\s*(.+)$");
    static final String INTERVENTION_TYPES = "Drug|Biological|Device|Procedure|Procedure/Surgery|Behavioral"
            + "|Genetic|Radiation|Dietary Supplement|Combination Product|Diagnostic Test|Other";
    private static final Pattern INTERVENTION_HEADER = Pattern.compile("^(" + INTERVENTION_TYPES + "):\\s*(.+)$");
    private static final Pattern OTHER_NAME = Pattern.compile("^Other Names?:\\s*(.+)$");

    private final List<PageLine> lines;
    private final boolean tables;
    private final List<Row> rows = new ArrayList<>();
    private Row row;
    private String interventionType;
    private String interventionName;
    private final StringBuilder interventionDescription = new StringBuilder();
    private final List<String> otherNames = new ArrayList<>();

    /** The arms and, separately, the interventions they receive. */
    record Result(List<Arm> arms, List<Intervention> interventions) {
    }

    /** A row being read: the arm, and the interventions listed beside it. */
    private static final class Row {
        String armType;
        String label;
        final StringBuilder description = new StringBuilder();
        final List<Intervention> interventions = new ArrayList<>();
        boolean inArmCell = true;
    }

    private ArmsTable(List<PageLine> lines, boolean tables) {
        this.lines = lines;
        this.tables = tables;
    }

    /** Reads the table's lines [from, to). */
    static Result read(List<PageLine> lines, int from, int to, boolean tables) {
        ArmsTable table = new ArmsTable(lines, tables);
        table.readRows(from, Math.min(to, lines.size()));
        return table.result();
    }

    private void readRows(int from, int to) {
        boolean untypedTable = true;
        for (int i = from; i < to; i++) {
            Matcher typed = ARM_HEADER.matcher(lines.get(i).text());
            if (typed.matches() && !typed.group(1).equals("Other")) {
                untypedTable = false;
            }
        }
        boolean atRowStart = true;
        for (int i = from; i <= to; i++) {
            PageLine line = i == to ? new PageLine(-1, "", "", List.of()) : lines.get(i);
            String text = line.text();
            boolean cellEnds = tables && line.raw().trim().equals("|");
            boolean rowEnds = i == to || !tables && line.isBlank() || tables && row != null && !row.inArmCell
                    && line.raw().trim().endsWith("|") && !cellEnds;
            if (text.matches("^[-|\\s]+$") && !cellEnds) {
                continue; // the table's "---|---|" rule
            }
            Matcher arm = ARM_HEADER.matcher(text);
            Matcher intervention = INTERVENTION_HEADER.matcher(text);
            Matcher otherName = OTHER_NAME.matcher(text);
            // "Other:" is both an arm type and an intervention type: it is an arm only where a row begins
            boolean typedRow = arm.matches() && (row == null || !arm.group(1).equals("Other")
                    || row.inArmCell && row.label == null);
            boolean untypedRow = untypedTable && atRowStart && !arm.matches() && !intervention.matches()
                    && !line.isBlank() && !cellEnds;
            if (typedRow && (row == null || row.label != null) || untypedRow) {
                closeIntervention();
                row = new Row();
                rows.add(row);
                row.armType = untypedRow ? null : arm.group(1);
                row.label = untypedRow ? text : arm.group(2).trim();
            } else if (row != null && intervention.matches() && (!row.inArmCell || !tables)) {
                closeIntervention();
                row.inArmCell = false;
                interventionType = intervention.group(1);
                interventionName = intervention.group(2).trim();
            } else if (row != null && otherName.matches() && interventionName != null) {
                for (String name : otherName.group(1).split(";")) {
                    otherNames.add(name.trim());
                }
            } else if (cellEnds && row != null) {
                row.inArmCell = false;
            } else if (row != null && !line.isBlank()) {
                StringBuilder target = interventionName != null ? interventionDescription : row.description;
                target.append(target.length() > 0 ? " " : "").append(text);
            }
            if (rowEnds && row != null) {
                closeIntervention();
                atRowStart = true;
            } else if (!line.isBlank() && !cellEnds) {
                atRowStart = false;
            }
        }
        closeIntervention();
    }

    private void closeIntervention() {
        if (row != null && interventionName != null) {
            String d = interventionDescription.toString().trim();
            InterventionType type = Vocabulary.find(InterventionType.class, interventionType.replace("/Surgery", ""));
            Intervention intervention = new Intervention(type, interventionName, d.isEmpty() ? null : d, List.of(),
                    List.copyOf(otherNames), null);
            if (row.interventions.stream().noneMatch(i -> i.reference().equals(intervention.reference()))) {
                row.interventions.add(intervention);
            }
        }
        interventionName = null;
        interventionDescription.setLength(0);
        otherNames.clear();
    }

    private Result result() {
        Map<String, Intervention> merged = new LinkedHashMap<>();
        List<Arm> arms = new ArrayList<>();
        for (Row r : rows) {
            List<String> names = new ArrayList<>();
            for (Intervention iv : r.interventions) {
                names.add(iv.reference());
                Intervention known = merged.getOrDefault(iv.reference(), iv);
                List<String> labels = new ArrayList<>(known.armGroupLabels());
                labels.add(r.label);
                merged.put(iv.reference(), new Intervention(known.type(), known.name(), known.description(), labels,
                        known.otherNames(), null));
            }
            String description = r.description.toString().trim();
            arms.add(new Arm(r.label, r.armType == null ? null : Vocabulary.find(ArmType.class, r.armType),
                    description.isEmpty() ? null : description, names, null));
        }
        return new Result(arms, List.copyOf(merged.values()));
    }
}
