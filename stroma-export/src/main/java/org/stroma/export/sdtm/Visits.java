package org.stroma.export.sdtm;

import java.util.List;
import org.stroma.trial.schedule.PlannedVisit;

/** The schedule's visits numbered in its order, from 1: VISITNUM. A visit outside the schedule has no number. */
final class Visits {
    private final List<String> names;

    Visits(List<PlannedVisit> schedule) {
        this.names = schedule.stream().map(PlannedVisit::name).toList();
    }

    Integer number(String visit) {
        int i = names.indexOf(visit);
        return i < 0 ? null : i + 1;
    }
}
