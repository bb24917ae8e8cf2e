package org.stroma.export.sdtm;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.stroma.export.XmlWriter;

/**
 * The export's metadata as Define-XML 2.1 ({@value #FILE}): ODM 1.3.2 with the def: extension. One ItemGroupDef per
 * dataset (its class, structure, keys and the file that holds it), one ItemDef per variable (type, length, origin),
 * a code list of the values found for each variable with few of them, and a method for each derivation.
 */
final class DefineXml {
    static final String FILE = "define.xml";
    static final String ODM = "http://www.cdisc.org/ns/odm/v1.3";
    static final String DEF = "http://www.cdisc.org/ns/def/v2.1";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String STANDARD = "STD.SDTMIG.3.4";

    /** The methods of the derived variables, by the variable's name without its domain prefix where it has one. */
    private static final Map<String, String> METHODS = new LinkedHashMap<>();

    static {
        METHODS.put("USUBJID", "STUDYID and SUBJID joined by a hyphen.");
        METHODS.put("SEQ", "Numbers each subject's records of the dataset from 1, in the order of their visits and"
                + " dates.");
        METHODS.put("DY", "Study day: the date minus the date of RFSTDTC, plus 1 on or after it; no day 0.");
        METHODS.put("AGE", "Completed years from the birth date of the record read at screening to the informed"
                + " consent (or the screening, without a consent).");
        METHODS.put("EPOCH", "SCREENING before the first administration (and at the baseline visit); then TREATMENT"
                + " on the administration's day and FOLLOW-UP after it, or in a crossover TREATMENT n from the"
                + " administration of period n.");
        METHODS.put("VISITNUM", "The visit's place in the protocol's schedule, from 1.");
        METHODS.put("BLFL", "Y on the subject's last result of the test on or before the day of the first"
                + " administration.");
        METHODS.put("STRES", "The original result, as a number where it is one; units as captured.");
        METHODS.put("SUBJECT", "From the subject's recorded path: consent, randomization, administrations, exit;"
                + " see docs/exports.md.");
    }

    private DefineXml() {
    }

    static String write(String studyOid, String study, String title, String metaDataVersionOid, String created,
            String fileOid, boolean blinded, List<Dataset> datasets) {
        XmlWriter xml = new XmlWriter();
        xml.start("ODM", "xmlns", ODM, "xmlns:def", DEF, "xmlns:xlink", XLINK, "FileType", "Snapshot",
                "FileOID", fileOid, "CreationDateTime", created, "ODMVersion", "1.3.2", "Originator", "Stroma",
                "SourceSystem", "Stroma", "def:Context", "Other");
        xml.start("Study", "OID", studyOid)
                .start("GlobalVariables")
                .text("StudyName", study)
                .text("StudyDescription", title == null ? study : title)
                .text("ProtocolName", study)
                .end();
        xml.start("MetaDataVersion", "OID", metaDataVersionOid, "Name", "SDTM of " + study,
                "Description", "SDTMIG 3.4 datasets as Dataset-JSON v1.1 and CSV, " + (blinded
                        ? "blinded: no subject's arm, and no EX" : "unblinded"),
                "def:DefineVersion", "2.1.0");
        xml.start("def:Standards")
                .empty("def:Standard", "OID", STANDARD, "Name", "SDTMIG", "Type", "IG", "Version", "3.4",
                        "Status", "Final")
                .end();
        for (Dataset d : datasets) {
            itemGroup(xml, d);
        }
        Map<String, List<String>> codeLists = new LinkedHashMap<>();
        for (Dataset d : datasets) {
            for (int c = 0; c < d.variables().size(); c++) {
                Variable v = d.variables().get(c);
                List<String> values = values(d, c);
                boolean listed = v.enumerated() && !values.isEmpty();
                if (listed) {
                    codeLists.put(SdtmOids.codeList(d.name(), v.name()), values);
                }
                item(xml, d, c, listed);
            }
        }
        codeLists.forEach((oid, values) -> {
            xml.start("CodeList", "OID", oid, "Name", oid.substring(3), "DataType", "text");
            // a withheld arm is a reason the IG's list of null-arm reasons lacks: the value extends it
            values.forEach(value -> xml.empty("EnumeratedItem", "CodedValue", value, "def:ExtendedValue",
                    oid.equals(SdtmOids.codeList("DM", "ARMNRS")) && value.equals(DemographicsDomain.BLINDED)
                            ? "Yes" : null));
            xml.end();
        });
        for (Map.Entry<String, String> m : METHODS.entrySet()) {
            xml.start("MethodDef", "OID", SdtmOids.method(m.getKey()), "Name", "Derivation of " + m.getKey(),
                    "Type", "Computation")
                    .start("Description").text("TranslatedText", m.getValue(), "xml:lang", "en").end()
                    .end();
        }
        xml.end().end().end();
        return xml.document();
    }

    private static void itemGroup(XmlWriter xml, Dataset d) {
        String leaf = "LF." + d.name();
        xml.start("ItemGroupDef", "OID", SdtmOids.itemGroup(d.name()), "Domain", d.name().startsWith("SUPP")
                ? d.name().substring(4) : d.name(), "Name", d.name(), "Repeating", d.name().equals("DM")
                || d.referenceData() ? "No" : "Yes", "IsReferenceData", d.referenceData() ? "Yes" : "No", "SASDatasetName", d.name(),
                "Purpose", "Tabulation", "def:Structure", d.structure(), "def:StandardOID", STANDARD,
                "def:ArchiveLocationID", leaf);
        xml.start("Description").text("TranslatedText", d.label(), "xml:lang", "en").end();
        for (int c = 0; c < d.variables().size(); c++) {
            Variable v = d.variables().get(c);
            xml.empty("ItemRef", "ItemOID", SdtmOids.item(d.name(), v.name()), "OrderNumber", c + 1,
                    "Mandatory", filled(d, c) ? "Yes" : "No", "KeySequence", v.keySequence(),
                    "MethodOID", method(d.name(), v));
        }
        xml.empty("def:Class", "Name", d.sdtmClass());
        String file = d.name().toLowerCase(Locale.ROOT) + ".json";
        xml.start("def:leaf", "ID", leaf, "xlink:href", file).text("def:title", file).end();
        xml.end();
    }

    /** Whether every row has a value: Mandatory in define.xml, a promise the data keep. */
    private static boolean filled(Dataset d, int column) {
        return d.rows().stream().allMatch(r -> r.get(column) != null);
    }

    /** The method of a derived variable, or null. */
    static String method(String dataset, Variable v) {
        if (!v.origin().equals("Derived")) {
            return null;
        }
        String n = v.name();
        String bare = n.length() > 2 && n.startsWith(dataset) ? n.substring(2) : n;
        if (n.equals("USUBJID") || n.equals("AGE") || n.equals("EPOCH") || n.equals("VISITNUM")) {
            return SdtmOids.method(n);
        }
        if (bare.equals("SEQ") || bare.equals("BLFL")) {
            return SdtmOids.method(bare);
        }
        if (bare.equals("DY") || bare.equals("STDY") || bare.equals("ENDY")) {
            return SdtmOids.method("DY");
        }
        if (bare.startsWith("STRES")) {
            return SdtmOids.method("STRES");
        }
        return SdtmOids.method("SUBJECT");
    }

    private static void item(XmlWriter xml, Dataset d, int column, boolean listed) {
        Variable v = d.variables().get(column);
        Integer length = null;
        Integer digits = null;
        if (v.type() == VariableType.TEXT || v.type().numeric()) {
            length = d.length(column);
        }
        if (v.type() == VariableType.FLOAT) {
            digits = significantDigits(d, column);
        }
        xml.start("ItemDef", "OID", SdtmOids.item(d.name(), v.name()), "Name", v.name(), "DataType",
                v.type().define(), "Length", length, "SignificantDigits", digits, "SASFieldName", v.name());
        xml.start("Description").text("TranslatedText", v.label(), "xml:lang", "en").end();
        if (listed) {
            xml.empty("CodeListRef", "CodeListOID", SdtmOids.codeList(d.name(), v.name()));
        }
        xml.empty("def:Origin", "Type", v.origin(), "Source", switch (v.origin()) {
            case "Collected" -> "Investigator";
            case "Assigned", "Protocol", "Derived" -> "Sponsor";
            default -> null;
        });
        xml.end();
    }

    /** The most digits after the decimal point among a float variable's values. */
    private static int significantDigits(Dataset d, int column) {
        int most = 0;
        for (List<Object> row : d.rows()) {
            if (row.get(column) instanceof Double value) {
                most = Math.max(most, Math.max(0, BigDecimal.valueOf(value).stripTrailingZeros().scale()));
            }
        }
        return most;
    }

    private static List<String> values(Dataset d, int column) {
        TreeSet<String> values = new TreeSet<>();
        d.rows().forEach(r -> {
            if (r.get(column) != null) {
                values.add(SdtmValues.text(r.get(column)));
            }
        });
        return List.copyOf(values);
    }
}
