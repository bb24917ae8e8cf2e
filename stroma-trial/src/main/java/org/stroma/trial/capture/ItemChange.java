package org.stroma.trial.capture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One item's change in a form's history: from what (null when it was first given) to what (null when it was
 * emptied), by whom, when, and the reason given for the save that changed it (none for the first save).
 */
public record ItemChange(String item, String from, String to, int version, String by, Instant at, String reason) {

    /**
     * The changes item by item from each saved version to the next, the first save's values included, and those of the
     * assessment date (as {@link EditChecks#ASSESSED_ON}).
     */
    static List<ItemChange> between(List<FormVersion> versions) {
        List<ItemChange> changes = new ArrayList<>();
        FormVersion before = null;
        for (FormVersion v : versions) {
            Set<String> items = new LinkedHashSet<>(v.values().keySet());
            if (before != null) {
                items.addAll(before.values().keySet());
            }
            for (String item : items) {
                String from = before == null ? null : before.values().get(item);
                String to = v.values().get(item);
                if (from == null ? to != null : !from.equals(to)) {
                    changes.add(new ItemChange(item, from, to, v.number(), v.by(), v.at(), v.reason()));
                }
            }
            String from = before == null || before.assessedOn() == null ? null : before.assessedOn().toString();
            String to = v.assessedOn() == null ? null : v.assessedOn().toString();
            if (from == null ? to != null : !from.equals(to)) {
                changes.add(new ItemChange(EditChecks.ASSESSED_ON, from, to, v.number(), v.by(), v.at(), v.reason()));
            }
            before = v;
        }
        return changes;
    }
}
