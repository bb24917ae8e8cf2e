package org.stroma.analysis.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Subjects counted once per row (at their worst grade), events all counted, percentages of those exposed. */
class SafetyTableTest {
    @Test
    void subjectsOncePerRowEventsAll() {
        List<SafetyTable.Event> events = List.of(
                new SafetyTable.Event("S1", "cells", 1, false, false),
                new SafetyTable.Event("S1", "cells", 3, true, true),
                new SafetyTable.Event("S2", "cells", 2, false, true),
                new SafetyTable.Event("S3", "placebo", 1, false, false),
                new SafetyTable.Event("S3", "placebo", 1, false, false));
        Map<String, Integer> exposed = new LinkedHashMap<>();
        exposed.put("cells", 4);
        exposed.put("placebo", 5);
        List<SafetyTable.Row> rows = SafetyTable.of(events, exposed);
        assertThat(rows).extracting(SafetyTable.Row::label).containsExactly("any adverse event",
                "serious adverse event", "related adverse event", "worst grade 1", "worst grade 2", "worst grade 3",
                "worst grade 4", "worst grade 5");
        assertThat(rows.get(0).byArm().get("cells")).isEqualTo(new SafetyTable.Cell(2, 50.0, 3));
        assertThat(rows.get(0).byArm().get("placebo")).isEqualTo(new SafetyTable.Cell(1, 20.0, 2));
        assertThat(rows.get(1).byArm().get("cells")).isEqualTo(new SafetyTable.Cell(1, 25.0, 1));
        assertThat(rows.get(2).byArm().get("cells")).isEqualTo(new SafetyTable.Cell(2, 50.0, 2));
        // S1's worst is grade 3: counted there, not at grade 1, though the grade-1 event is counted as an event
        assertThat(rows.get(3).byArm().get("cells")).isEqualTo(new SafetyTable.Cell(0, 0.0, 1));
        assertThat(rows.get(5).byArm().get("cells")).isEqualTo(new SafetyTable.Cell(1, 25.0, 1));
        assertThat(rows.get(3).byArm().get("placebo")).isEqualTo(new SafetyTable.Cell(1, 20.0, 2));
    }
}
