package org.stroma.export.odm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroma.export.XmlWriter;
import org.stroma.trial.capture.FormDef;
import org.stroma.trial.capture.ItemDef;

/**
 * The study's metadata in ODM: the protocol's study events in schedule order (enrolment first, adverse events last),
 * each event's forms, one item group per form, the items with their data type, unit, ranges and code list. A value
 * outside an item's plausible range is refused at entry (a hard check); one outside its expected range raises a
 * query (a soft check).
 */
final class OdmMetadata {
    private final XmlWriter xml;
    private final Map<String, Set<FormDef>> eventForms;
    private final Set<String> unscheduled;
    private final List<FormDef> forms = new ArrayList<>();

    OdmMetadata(XmlWriter xml, boolean withArms, Map<String, Set<FormDef>> eventForms, Set<String> unscheduled,
            List<FormDef> caseReportForms) {
        this.xml = xml;
        this.eventForms = eventForms;
        this.unscheduled = unscheduled;
        forms.add(OdmForms.enrolment(withArms));
        forms.addAll(caseReportForms);
        forms.add(OdmForms.adverseEvents());
    }

    void write(String oid) {
        xml.start("MetaDataVersion", "OID", oid, "Name", "Case report forms",
                "Description", "The trial's case report forms as Stroma derived them from its protocol");
        xml.start("Protocol");
        int order = 1;
        xml.empty("StudyEventRef", "StudyEventOID", Oids.event(OdmForms.ENROLMENT_EVENT), "OrderNumber", order++,
                "Mandatory", "Yes");
        for (String visit : eventForms.keySet()) {
            xml.empty("StudyEventRef", "StudyEventOID", Oids.event(visit), "OrderNumber", order++,
                    "Mandatory", unscheduled.contains(visit) ? "No" : "Yes");
        }
        xml.empty("StudyEventRef", "StudyEventOID", Oids.event(OdmForms.ADVERSE_EVENT_EVENT), "OrderNumber", order,
                "Mandatory", "No");
        xml.end();
        event(OdmForms.ENROLMENT_EVENT, "Common", List.of(forms.get(0)));
        for (Map.Entry<String, Set<FormDef>> e : eventForms.entrySet()) {
            event(e.getKey(), unscheduled.contains(e.getKey()) ? "Unscheduled" : "Scheduled",
                    List.copyOf(e.getValue()));
        }
        event(OdmForms.ADVERSE_EVENT_EVENT, "Common", List.of(forms.get(forms.size() - 1)));
        for (FormDef f : forms) {
            xml.start("FormDef", "OID", Oids.form(f.id()), "Name", f.title(), "Repeating", "No")
                    .empty("ItemGroupRef", "ItemGroupOID", Oids.group(f.id()), "Mandatory", "Yes")
                    .end();
        }
        for (FormDef f : forms) {
            xml.start("ItemGroupDef", "OID", Oids.group(f.id()), "Name", f.title(),
                    "Repeating", f.id().equals(OdmForms.ADVERSE_EVENTS) ? "Yes" : "No");
            int n = 1;
            for (ItemDef i : f.items()) {
                xml.empty("ItemRef", "ItemOID", Oids.item(f.id(), i.id()), "OrderNumber", n++,
                        "Mandatory", i.required() ? "Yes" : "No");
            }
            xml.end();
        }
        for (FormDef f : forms) {
            f.items().forEach(i -> item(f, i));
        }
        for (FormDef f : forms) {
            for (ItemDef i : f.items()) {
                if (!i.codes().isEmpty()) {
                    xml.start("CodeList", "OID", Oids.codeList(f.id(), i.id()), "Name", i.label(), "DataType",
                            "text");
                    for (String code : i.codes()) {
                        xml.start("CodeListItem", "CodedValue", code)
                                .start("Decode").text("TranslatedText", code.replace('_', ' ')).end()
                                .end();
                    }
                    xml.end();
                }
            }
        }
        xml.end();
    }

    private void event(String name, String type, List<FormDef> eventForms) {
        xml.start("StudyEventDef", "OID", Oids.event(name), "Name", name,
                "Repeating", "Unscheduled".equals(type) ? "Yes" : "No", "Type", type);
        int n = 1;
        for (FormDef f : eventForms) {
            xml.empty("FormRef", "FormOID", Oids.form(f.id()), "OrderNumber", n++, "Mandatory", "Yes");
        }
        xml.end();
    }

    private void item(FormDef f, ItemDef i) {
        xml.start("ItemDef", "OID", Oids.item(f.id(), i.id()), "Name", i.id(), "DataType", dataType(i));
        xml.start("Question").text("TranslatedText", i.label()).end();
        if (i.unit() != null) {
            xml.empty("MeasurementUnitRef", "MeasurementUnitOID", Oids.of("MU", i.unit()));
        }
        range(i.lowest(), "GE", "Hard");
        range(i.highest(), "LE", "Hard");
        range(i.low(), "GE", "Soft");
        range(i.high(), "LE", "Soft");
        if (!i.codes().isEmpty()) {
            xml.empty("CodeListRef", "CodeListOID", Oids.codeList(f.id(), i.id()));
        }
        xml.end();
    }

    private void range(Double bound, String comparator, String softHard) {
        if (bound == null) {
            return;
        }
        xml.start("RangeCheck", "Comparator", comparator, "SoftHard", softHard)
                .text("CheckValue", OdmValues.number(bound))
                .end();
    }

    static String dataType(ItemDef i) {
        return switch (i.type()) {
            case INTEGER -> "integer";
            case DECIMAL -> "float";
            case DATE -> "date";
            case BOOLEAN -> "boolean";
            case TEXT, CODED -> "text";
        };
    }
}
