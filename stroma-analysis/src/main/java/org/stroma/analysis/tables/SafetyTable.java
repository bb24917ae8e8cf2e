package org.stroma.analysis.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The safety table of a report: by arm, the subjects with at least one adverse event, with a serious one, with one
 * judged related, and by worst grade (each subject counted once, at the worst grade they had), with the number of
 * events beside each. Percentages are of the arm's subjects exposed.
 */
public final class SafetyTable {
    private SafetyTable() {
    }

    /** One adverse event as the table needs it. */
    public record Event(String subject, String arm, int grade, boolean serious, boolean related) {
    }

    /** A row: its label, and for each arm the subjects, their percentage, and the events. */
    public record Row(String label, Map<String, Cell> byArm) {
    }

    public record Cell(int subjects, double percent, int events) {
    }

    /** {@code exposed}: each arm's number of subjects who received the product, in the column order wanted. */
    public static List<Row> of(List<Event> events, Map<String, Integer> exposed) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("any adverse event", events, exposed, e -> true));
        rows.add(row("serious adverse event", events, exposed, Event::serious));
        rows.add(row("related adverse event", events, exposed, Event::related));
        for (int grade = 1; grade <= 5; grade++) {
            int g = grade;
            Map<String, Integer> worst = new HashMap<>();
            for (Event e : events) {
                worst.merge(e.arm() + "\u0000" + e.subject(), e.grade(), Math::max);
            }
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> arm : exposed.entrySet()) {
                int subjects = (int) worst.entrySet().stream().filter(w -> w.getKey().startsWith(arm.getKey()
                        + "\u0000") && w.getValue() == g).count();
                int count = (int) events.stream().filter(e -> e.arm().equals(arm.getKey()) && e.grade() == g).count();
                cells.put(arm.getKey(), cell(subjects, arm.getValue(), count));
            }
            rows.add(new Row("worst grade " + grade, cells));
        }
        return rows;
    }

    private static Row row(String label, List<Event> events, Map<String, Integer> exposed,
            Predicate<Event> counts) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> arm : exposed.entrySet()) {
            Set<String> subjects = new HashSet<>();
            int count = 0;
            for (Event e : events) {
                if (e.arm().equals(arm.getKey()) && counts.test(e)) {
                    subjects.add(e.subject());
                    count++;
                }
            }
            cells.put(arm.getKey(), cell(subjects.size(), arm.getValue(), count));
        }
        return new Row(label, cells);
    }

    private static Cell cell(int subjects, int exposed, int events) {
        return new Cell(subjects, exposed == 0 ? 0 : 100.0 * subjects / exposed, events);
    }
}
