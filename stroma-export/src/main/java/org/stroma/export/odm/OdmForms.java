package org.stroma.export.odm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.stroma.trial.capture.FormDef;
import org.stroma.trial.capture.ItemDef;
import org.stroma.trial.capture.ItemType;
import org.stroma.trial.safety.Causality;
import org.stroma.trial.safety.MaceCategory;
import org.stroma.trial.safety.Outcome;
import org.stroma.trial.subject.SubjectState;

/**
 * The two forms an ODM export adds to the trial's case report forms, for what Stroma keeps outside them: a subject's
 * enrolment and their adverse events. Their items are written like any form's.
 */
final class OdmForms {
    static final String ENROLMENT = "enrolment";
    static final String ADVERSE_EVENTS = "adverse_events";
    /** The common study events that hold them. */
    static final String ENROLMENT_EVENT = "Enrolment";
    static final String ADVERSE_EVENT_EVENT = "Adverse events";

    private OdmForms() {
    }

    /** Enrolment: consent, randomization and the subject's state; the arm items only where the export may show arms. */
    static FormDef enrolment(boolean withArms) {
        List<ItemDef> items = new ArrayList<>(List.of(
                text("site", "Site"),
                item("consent_date", "Date of first consent", ItemType.DATE, null),
                text("consent_form", "Consent form version last signed"),
                item("randomization_date", "Date of randomization", ItemType.DATE, null),
                text("kit_code", "Kit code"),
                item("baseline_weight", "Weight at randomization", ItemType.DECIMAL, "kg"),
                coded("state", "State of the subject in the trial", names(SubjectState.values())),
                text("exit_reason", "Why the subject left the trial")));
        if (withArms) {
            items.add(text("allocation", "Arm, or sequence of arms, allocated"));
            items.add(text("treatments", "Treatment of each period, in order"));
        }
        return new FormDef(ENROLMENT, "Enrolment", items, List.of());
    }

    /** Adverse events: one repeat of the item group per event, as last reported. */
    static FormDef adverseEvents() {
        return new FormDef(ADVERSE_EVENTS, "Adverse events", List.of(
                text("ae_id", "Adverse event"),
                text("term", "Term as reported"),
                new ItemDef("grade", "CTCAE grade", ItemType.INTEGER, null, true, null, null, 1.0, 5.0, List.of()),
                item("serious", "Serious", ItemType.BOOLEAN, null),
                text("seriousness", "Seriousness criteria met"),
                coded("causality", "Relationship to the investigational product", names(Causality.values())),
                item("expected", "Expected by the reference safety information", ItemType.BOOLEAN, null),
                item("onset", "Onset", ItemType.DATE, null),
                item("sponsor_aware", "Day the sponsor became aware", ItemType.DATE, null),
                coded("outcome", "Outcome", names(Outcome.values())),
                coded("mace", "Major adverse cardiac event category", names(MaceCategory.values()))),
                List.of());
    }

    private static ItemDef text(String id, String label) {
        return item(id, label, ItemType.TEXT, null);
    }

    private static ItemDef item(String id, String label, ItemType type, String unit) {
        return new ItemDef(id, label, type, unit, false, null, null, null, null, List.of());
    }

    private static ItemDef coded(String id, String label, List<String> codes) {
        return new ItemDef(id, label, ItemType.CODED, null, false, null, null, null, null, codes);
    }

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
