package org.stroma.simulation.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.stroma.export.Export;
import org.stroma.export.ExportFormat;
import org.stroma.export.ExportedFile;
import org.stroma.export.odm.OdmExport;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The SDTM export of every reference trial, blinded and unblinded: each Dataset-JSON file is whole (its records are its
 * rows, each row has a cell per column, its columns are define.xml's ItemRefs for the dataset), its CSV twin has the
 * same rows, the row counts are those of the data captured (counted here from the ODM export, independently of the
 * SDTM code), the blinded export ties no subject to an arm, and define.xml is well-formed and — without its def:
 * extension, whose schema the machine does not have — valid against the ODM 1.3.2 schema.
 */
class SdtmExportTest {
    private static final Path SCHEMA = Path.of("..", "fixtures", "schemas", "odm-1.3.2", "ODM1-3-2.xsd");
    private static final String ODM = "http://www.cdisc.org/ns/odm/v1.3";
    private static final String DEF = "http://www.cdisc.org/ns/def/v2.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where each of Stroma's forms belongs in SDTM, as the export's mapping table should send it. */
    private static final Map<String, String> FORM_DOMAINS = Map.ofEntries(Map.entry("vitals", "VS"),
            Map.entry("labs", "LB"), Map.entry("natriuretic_peptides", "LB"), Map.entry("echo", "CV"),
            Map.entry("cardiac_imaging", "CV"), Map.entry("vo2", "CV"), Map.entry("functional_class", "RS"),
            Map.entry("edss", "RS"), Map.entry("six_minute_walk", "FT"), Map.entry("mlhfq", "QS"),
            Map.entry("mri", "NV"));
    /** The forms the table leaves unmapped, whose values the export reports instead. */
    private static final Set<String> UNMAPPED_FORMS = Set.of("icd", "relapse");
    /** The variables that carry a subject's arm. */
    private static final List<String> ARM_VARIABLES = List.of("ARMCD", "ARM", "ACTARMCD", "ACTARM");

    @Test
    void everyDatasetIsWholeAndMatchesDefine() throws Exception {
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            for (Export e : exports(t)) {
                String which = t.seed() + (e.blinded() ? " blinded" : " unblinded");
                Document define = parse(e.file("define.xml").text());
                Map<String, List<String[]>> itemRefs = itemRefs(define);
                List<String> datasets = new ArrayList<>();
                for (ExportedFile f : e.files()) {
                    if (!f.name().endsWith(".json")) {
                        continue;
                    }
                    JsonNode root = JSON.readTree(f.content());
                    String name = root.get("name").asText();
                    datasets.add(name);
                    String what = which + " " + f.name();
                    assertThat(f.name()).as(what).isEqualTo(name.toLowerCase(Locale.ROOT) + ".json");
                    assertThat(root.get("datasetJSONVersion").asText()).as(what).isEqualTo("1.1");
                    assertThat(root.fieldNames()).toIterable().as(what).startsWith("datasetJSONCreationDateTime",
                            "datasetJSONVersion", "fileOID", "dbLastModifiedDateTime", "originator", "sourceSystem",
                            "studyOID", "metaDataVersionOID", "metaDataRef", "itemGroupOID", "records", "name",
                            "label", "columns", "rows");
                    assertThat(root.get("metaDataRef").asText()).isEqualTo("define.xml");
                    JsonNode columns = root.get("columns");
                    JsonNode rows = root.get("rows");
                    assertThat(root.get("records").asInt()).as(what).isEqualTo(rows.size());
                    for (JsonNode row : rows) {
                        assertThat(row.size()).as(what + " row " + row).isEqualTo(columns.size());
                        for (int c = 0; c < columns.size(); c++) {
                            cellFitsItsType(row.get(c), columns.get(c), what);
                        }
                    }
                    List<String[]> refs = itemRefs.get(root.get("itemGroupOID").asText());
                    assertThat(refs).as(what + ": define.xml has its ItemGroupDef").isNotNull();
                    List<String> columnOids = new ArrayList<>();
                    List<String> columnKeys = new ArrayList<>();
                    for (JsonNode c : columns) {
                        columnOids.add(c.get("itemOID").asText());
                        columnKeys.add(c.has("keySequence") ? c.get("keySequence").asText() : "");
                    }
                    assertThat(columnOids).as(what + " columns against define.xml's ItemRefs")
                            .isEqualTo(refs.stream().map(r -> r[0]).toList());
                    assertThat(columnKeys).as(what + " key sequence against define.xml's")
                            .isEqualTo(refs.stream().map(r -> r[1]).toList());
                    for (int c = 0; c < refs.size(); c++) {
                        if (refs.get(c)[2].equals("Yes")) {
                            for (JsonNode row : rows) {
                                assertThat(row.get(c).isNull()).as(what + " " + refs.get(c)[0]
                                        + " is mandatory in define.xml").isFalse();
                            }
                        }
                    }
                    csvMatches(e.file(name.toLowerCase(Locale.ROOT) + ".csv").text(), columns, rows, what);
                    keysIdentifyRows(columns, rows, what);
                    studyDaysHaveNoDayZero(columns, rows, what);
                }
                assertThat(itemRefs.keySet()).as(which + ": every dataset of define.xml has its file")
                        .containsExactlyInAnyOrderElementsOf(datasets.stream().map(d -> "IG." + d).toList());
                assertThat(datasets).as(which).contains("DM", "SV", "DS", "EC", "VS", "TA", "TE", "TV", "TS");
                for (String d : datasets) {
                    assertThat(records(e, d)).as(which + " " + d + ": a dataset without rows is not written")
                            .isPositive();
                }
            }
        }
    }

    @Test
    void rowCountsAreThoseOfTheCapturedData() throws Exception {
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            Captured captured = Captured.from(t.unblinded().get(ExportFormat.ODM).file(OdmExport.FILE).text());
            for (Export e : exports(t)) {
                String which = t.seed() + (e.blinded() ? " blinded" : " unblinded");
                assertThat(records(e, "DM")).as(which + " DM: one row per subject screened")
                        .isEqualTo(captured.subjects);
                assertThat(records(e, "AE")).as(which + " AE: one row per adverse event")
                        .isEqualTo(captured.adverseEvents);
                for (String domain : Set.copyOf(FORM_DOMAINS.values())) {
                    int expected = captured.values.entrySet().stream().filter(v -> domain.equals(FORM_DOMAINS.get(
                            v.getKey()))).mapToInt(Map.Entry::getValue).sum();
                    assertThat(records(e, domain)).as(which + " " + domain + ": one row per value captured")
                        .isEqualTo(expected);
                }
                Map<String, Integer> reported = unmappedValues(e.file("unmapped-items.csv").text());
                Map<String, Integer> expectedUnmapped = new TreeMap<>();
                captured.values.forEach((form, n) -> {
                    if (UNMAPPED_FORMS.contains(form)) {
                        expectedUnmapped.put(form, n);
                    }
                });
                assertThat(reported).as(which + ": the values no mapping takes are reported")
                        .isEqualTo(expectedUnmapped);
                // every administration is one EC row, in either export, and each treated subject has day 1
                int administrations = column(e, "SV", "VISIT").stream().filter(v -> v != null
                        && v.toLowerCase(Locale.ROOT).contains("administration")).toList().size();
                assertThat(records(e, "EC")).as(which + " EC: one row per administration")
                        .isEqualTo(administrations);
                long treated = column(e, "DM", "RFXSTDTC").stream().filter(v -> v != null).count();
                assertThat(column(e, "EC", "USUBJID").stream().distinct().count()).as(which).isEqualTo(treated);
            }
            Export unblinded = t.unblinded().get(ExportFormat.SDTM);
            assertThat(records(unblinded, "EX")).as(t.seed() + " EX: one row per administration")
                    .isEqualTo(records(unblinded, "EC"));
            assertThat(records(t.blinded().get(ExportFormat.SDTM), "EC")).as(t.seed() + " EC blinded and not")
                    .isEqualTo(records(unblinded, "EC"));
        }
    }

    @Test
    void theBlindedExportTiesNoSubjectToAnArm() throws Exception {
        long collections = 0;
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            Export blinded = t.blinded().get(ExportFormat.SDTM);
            Export unblinded = t.unblinded().get(ExportFormat.SDTM);
            assertThat(unblinded.files().stream().map(ExportedFile::name)).as(t.seed()).contains("ex.json",
                    "ex.csv");
            assertThat(column(unblinded, "DM", "ARMCD").stream().filter(v -> v != null)).as(t.seed())
                    .isNotEmpty();
            if (!t.masked()) {
                continue; // open label: the blinded export is the unblinded one
            }
            // the search below finds an arm where there is one: the unblinded DM names each subject's
            assertThat(column(unblinded, "DM", "ARM").stream().filter(v -> v != null && t.armWords().stream()
                    .anyMatch(w -> names(v, w)))).as(t.seed() + ": the arm words are those DM writes").isNotEmpty();
            assertThat(blinded.files().stream().map(ExportedFile::name)).as(t.seed())
                    .doesNotContain("ex.json", "ex.csv", "suppex.json");
            for (String arm : ARM_VARIABLES) {
                assertThat(column(blinded, "DM", arm)).as(t.seed() + " DM." + arm).containsOnlyNulls();
            }
            assertThat(column(blinded, "EC", "ECTRT")).as(t.seed()).containsOnly("BLINDED");
            if (records(blinded, "PR") > 0) {
                assertThat(column(blinded, "PR", "PRCAT")).as(t.seed() + ": the lab's collection is withheld")
                        .doesNotContain("CELL COLLECTION");
            }
            collections += records(unblinded, "PR") == 0 ? 0 : column(unblinded, "PR", "PRCAT").stream()
                    .filter("CELL COLLECTION"::equals).count();
            for (ExportedFile f : blinded.files()) {
                if (!f.name().endsWith(".json")) {
                    continue;
                }
                JsonNode root = JSON.readTree(f.content());
                if (!hasColumn(root, "USUBJID")) {
                    continue; // the trial design datasets describe the arms, and tie no subject to one
                }
                for (JsonNode row : root.get("rows")) {
                    for (JsonNode cell : row) {
                        for (String word : t.armWords()) {
                            assertThat(names(cell.asText(), word)).as(t.seed() + " " + f.name() + ": " + row
                                    + " names the arm " + word).isFalse();
                        }
                    }
                }
            }
        }        assertThat(collections).as("the unblinded PR of the masked autologous trials has their aspirations")
                .isPositive();
    }

    /** What the blinded export may hold differently from the unblinded one: the arm, and the treatment's name. */
    private static final Set<String> WITHHELD = Set.of("ARMCD", "ARM", "ACTARMCD", "ACTARM", "ARMNRS", "ECTRT");

    @Test
    void theBlindedExportWithholdsTheArmsAndNothingElse() throws Exception {
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            if (!t.masked()) {
                continue;
            }
            Export blinded = t.blinded().get(ExportFormat.SDTM);
            Export unblinded = t.unblinded().get(ExportFormat.SDTM);
            for (ExportedFile f : blinded.files()) {
                if (!f.name().endsWith(".json")) {
                    continue;
                }
                JsonNode b = JSON.readTree(f.content());
                JsonNode u = JSON.readTree(unblinded.file(f.name()).content());
                String what = t.seed() + " " + f.name();
                List<String> names = new ArrayList<>();
                b.get("columns").forEach(c -> names.add(c.get("name").asText()));
                List<String> unblindedNames = new ArrayList<>();
                u.get("columns").forEach(c -> unblindedNames.add(c.get("name").asText()));
                assertThat(names).as(what).isEqualTo(unblindedNames);
                List<List<String>> blindedRows = rows(b, names);
                List<List<String>> unblindedRows = rows(u, names);
                if (b.get("name").asText().equals("PR")) {
                    // the lab's collections are withheld, the bedside's procedures kept
                    int category = names.indexOf("PRCAT");
                    unblindedRows.removeIf(r -> "CELL COLLECTION".equals(r.get(category)));
                    int sequence = names.indexOf("PRSEQ");
                    blindedRows.forEach(r -> r.set(sequence, null));
                    unblindedRows.forEach(r -> r.set(sequence, null));
                }
                assertThat(blindedRows).as(what + ": the same rows, the arm aside").isEqualTo(unblindedRows);
            }
        }
    }

    /** A dataset's rows as text, the withheld variables blanked. */
    private static List<List<String>> rows(JsonNode root, List<String> names) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : root.get("rows")) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                cells.add(WITHHELD.contains(names.get(c)) || row.get(c).isNull() ? null : row.get(c).asText());
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void defineXmlIsValidOdmOnceItsExtensionIsSetAside() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(SCHEMA.toFile());
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            for (Export e : exports(t)) {
                String which = t.seed() + (e.blinded() ? " blinded" : " unblinded");
                Document define = parse(e.file("define.xml").text());
                Element root = define.getDocumentElement();
                assertThat(root.getAttributeNS(DEF, "Context")).isNotEmpty();
                Element mdv = (Element) root.getElementsByTagNameNS(ODM, "MetaDataVersion").item(0);
                assertThat(mdv.getAttributeNS(DEF, "DefineVersion")).isEqualTo("2.1.0");
                Set<String> itemDefs = new HashSet<>();
                forEach(define, ODM, "ItemDef", i -> {
                    itemDefs.add(i.getAttribute("OID"));
                    assertThat(i.getElementsByTagNameNS(DEF, "Origin").getLength()).as(which + " "
                            + i.getAttribute("OID") + " has its origin").isEqualTo(1);
                });
                Set<String> codeLists = new HashSet<>();
                forEach(define, ODM, "CodeList", c -> codeLists.add(c.getAttribute("OID")));
                Set<String> methods = new HashSet<>();
                forEach(define, ODM, "MethodDef", m -> methods.add(m.getAttribute("OID")));
                forEach(define, ODM, "ItemGroupDef", g -> {
                    assertThat(g.getAttributeNS(DEF, "Structure")).as(which).isNotEmpty();
                    assertThat(g.getElementsByTagNameNS(DEF, "Class").getLength()).as(which).isEqualTo(1);
                    assertThat(g.getElementsByTagNameNS(DEF, "leaf").getLength()).as(which).isEqualTo(1);
                });
                forEach(define, ODM, "ItemRef", r -> {
                    assertThat(itemDefs).as(which).contains(r.getAttribute("ItemOID"));
                    if (r.hasAttribute("MethodOID")) {
                        assertThat(methods).as(which).contains(r.getAttribute("MethodOID"));
                    }
                });
                forEach(define, ODM, "CodeListRef", r -> assertThat(codeLists).as(which)
                        .contains(r.getAttribute("CodeListOID")));
                stripExtension(root);
                List<String> errors = new ArrayList<>();
                Validator v = schema.newValidator();
                v.setErrorHandler(new DefaultHandler() {
                    @Override
                    public void error(SAXParseException x) {
                        errors.add(x.getMessage());
                    }

                    @Override
                    public void fatalError(SAXParseException x) {
                        errors.add(x.getMessage());
                    }
                });
                v.validate(new DOMSource(define));
                assertThat(errors.size() > 10 ? errors.subList(0, 10) : errors).as(which).isEmpty();
            }
        }
    }

    @Test
    void derivationsAgreeWithDmAndTheTrialDesign() throws Exception {
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            for (Export e : exports(t)) {
                String which = t.seed() + (e.blinded() ? " blinded" : " unblinded");
                Map<String, String> dayOne = new HashMap<>();
                List<String> usubjids = column(e, "DM", "USUBJID");
                List<String> subjids = column(e, "DM", "SUBJID");
                List<String> studies = column(e, "DM", "STUDYID");
                List<String> starts = column(e, "DM", "RFSTDTC");
                for (int i = 0; i < usubjids.size(); i++) {
                    assertThat(usubjids.get(i)).as(which).isEqualTo(studies.get(i) + "-" + subjids.get(i));
                    dayOne.put(usubjids.get(i), starts.get(i) == null ? null : starts.get(i).substring(0, 10));
                }
                Map<String, String> visits = new HashMap<>();
                List<String> tvNames = column(e, "TV", "VISIT");
                List<String> tvNumbers = column(e, "TV", "VISITNUM");
                for (int i = 0; i < tvNames.size(); i++) {
                    visits.put(tvNames.get(i), tvNumbers.get(i));
                }
                Set<String> epochs = Set.copyOf(column(e, "TA", "EPOCH"));
                for (ExportedFile f : e.files()) {
                    if (!f.name().endsWith(".json")) {
                        continue;
                    }
                    JsonNode root = JSON.readTree(f.content());
                    String d = root.get("name").asText();
                    if (!hasColumn(root, "USUBJID") || d.startsWith("SUPP")) {
                        continue;
                    }
                    String what = which + " " + d;
                    Map<String, Integer> at = new HashMap<>();
                    for (int c = 0; c < root.get("columns").size(); c++) {
                        at.put(root.get("columns").get(c).get("name").asText(), c);
                    }
                    Set<String> sequences = new HashSet<>();
                    Map<String, Integer> baselines = new HashMap<>();
                    for (JsonNode row : root.get("rows")) {
                        String usubjid = row.get(at.get("USUBJID")).asText();
                        assertThat(dayOne).as(what + ": " + usubjid + " is in DM").containsKey(usubjid);
                        if (at.containsKey(d + "SEQ")) {
                            assertThat(sequences.add(usubjid + "|" + row.get(at.get(d + "SEQ")).asText()))
                                    .as(what + ": --SEQ is unique within the subject").isTrue();
                        }
                        for (String[] pair : List.of(new String[] {d + "DTC", d + "DY"},
                                new String[] {d + "STDTC", d + "STDY"}, new String[] {d + "ENDTC", d + "ENDY"},
                                new String[] {"SVSTDTC", "SVSTDY"})) {
                            if (at.containsKey(pair[0]) && at.containsKey(pair[1])) {
                                JsonNode date = row.get(at.get(pair[0]));
                                String reference = dayOne.get(usubjid);
                                Integer expected = date.isNull() || reference == null ? null
                                        : studyDay(date.asText().substring(0, 10), reference);
                                JsonNode day = row.get(at.get(pair[1]));
                                assertThat(day.isNull() ? null : day.asInt()).as(what + " " + pair[1] + " of "
                                        + date + " from day 1 " + reference).isEqualTo(expected);
                            }
                        }
                        if (at.containsKey("VISIT") && !row.get(at.get("VISIT")).isNull()) {
                            assertThat(row.get(at.get("VISITNUM")).asText()).as(what + " VISITNUM as TV gives it")
                                    .isEqualTo(visits.get(row.get(at.get("VISIT")).asText()));
                        }
                        if (at.containsKey("EPOCH") && !row.get(at.get("EPOCH")).isNull()) {
                            assertThat(epochs).as(what + " EPOCH is one of TA's")
                                    .contains(row.get(at.get("EPOCH")).asText());
                        }
                        if (at.containsKey(d + "BLFL") && "Y".equals(row.get(at.get(d + "BLFL")).asText())) {
                            String test = usubjid + "|" + row.get(at.get(d + "TESTCD")).asText() + "|"
                                    + (at.containsKey(d + "METHOD") ? row.get(at.get(d + "METHOD")).asText() : "");
                            assertThat(baselines.merge(test, 1, Integer::sum)).as(what + ": one baseline for "
                                    + test).isEqualTo(1);
                            assertThat(row.get(at.get(d + "DY")).asInt()).as(what + ": a baseline is on or"
                                    + " before day 1").isLessThanOrEqualTo(1);
                        }
                    }
                }
            }
        }
    }

    /** SDTM's study day, worked out here on its own: day 1 is the reference day, the day before it -1. */
    private static int studyDay(String date, String reference) {
        long between = ChronoUnit.DAYS.between(LocalDate.parse(reference),
                LocalDate.parse(date));
        return (int) (between >= 0 ? between + 1 : between);
    }

    // --- the captured data, read from the ODM export ---

    /** What the trial captured, counted from its ODM export: subjects, adverse events, and current values by form. */
    private static final class Captured {
        int subjects;
        int adverseEvents;
        final Map<String, Integer> values = new TreeMap<>();

        static Captured from(String odm) throws Exception {
            Captured c = new Captured();
            Document d = parse(odm);
            NodeList subjects = d.getElementsByTagNameNS(ODM, "SubjectData");
            for (int s = 0; s < subjects.getLength(); s++) {
                Element subject = (Element) subjects.item(s);
                String state = null;
                // each form at each visit, replayed version by version: its values are the last version's
                Map<String, Map<String, String>> current = new LinkedHashMap<>();
                NodeList events = subject.getElementsByTagNameNS(ODM, "StudyEventData");
                for (int e = 0; e < events.getLength(); e++) {
                    Element event = (Element) events.item(e);
                    NodeList forms = event.getElementsByTagNameNS(ODM, "FormData");
                    for (int f = 0; f < forms.getLength(); f++) {
                        Element form = (Element) forms.item(f);
                        String formOid = form.getAttribute("FormOID");
                        if (formOid.equals("F.ADVERSE_EVENTS")) {
                            c.adverseEvents += form.getElementsByTagNameNS(ODM, "ItemGroupData").getLength();
                            continue;
                        }
                        NodeList items = form.getElementsByTagNameNS(ODM, "ItemData");
                        Map<String, String> values = current.computeIfAbsent(event.getAttribute("StudyEventOID")
                                + "|" + formOid, k -> new HashMap<>());
                        for (int i = 0; i < items.getLength(); i++) {
                            Element item = (Element) items.item(i);
                            if (item.getAttribute("ItemOID").equals("IT.ENROLMENT.STATE")) {
                                state = item.getAttribute("Value");
                            }
                            if (item.getAttribute("TransactionType").equals("Remove")) {
                                values.remove(item.getAttribute("ItemOID"));
                            } else {
                                values.put(item.getAttribute("ItemOID"), item.getAttribute("Value"));
                            }
                        }
                    }
                }
                if (!"candidate".equals(state)) {
                    c.subjects++;
                }
                current.forEach((key, values) -> {
                    String form = key.substring(key.indexOf("|F.") + 3).toLowerCase(Locale.ROOT);
                    if (!form.equals("enrolment")) {
                        c.values.merge(form, values.size(), Integer::sum);
                    }
                });
            }
            return c;
        }
    }

    // --- helpers ---

    private static List<Export> exports(SimulatedExports.Trial t) {
        return List.of(t.blinded().get(ExportFormat.SDTM), t.unblinded().get(ExportFormat.SDTM));
    }

    /** A dataset's records; 0 for one the export does not have, as it writes no empty dataset. */
    private static int records(Export e, String dataset) throws Exception {
        String file = dataset.toLowerCase(Locale.ROOT) + ".json";
        if (e.files().stream().noneMatch(f -> f.name().equals(file))) {
            return 0;
        }
        return JSON.readTree(e.file(file).content()).get("records").asInt();
    }

    /** A variable's values, row by row (null where missing). */
    private static List<String> column(Export e, String dataset, String variable) throws Exception {
        JsonNode root = JSON.readTree(e.file(dataset.toLowerCase(Locale.ROOT) + ".json").content());
        int at = -1;
        for (int i = 0; i < root.get("columns").size(); i++) {
            if (root.get("columns").get(i).get("name").asText().equals(variable)) {
                at = i;
            }
        }
        assertThat(at).as(dataset + " has " + variable).isGreaterThanOrEqualTo(0);
        List<String> values = new ArrayList<>();
        for (JsonNode row : root.get("rows")) {
            values.add(row.get(at).isNull() ? null : row.get(at).asText());
        }
        return values;
    }

    private static boolean hasColumn(JsonNode root, String name) {
        for (JsonNode c : root.get("columns")) {
            if (c.get("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a cell names an arm: the whole label, or for a label of a few letters, the whole cell. */
    private static boolean names(String cell, String arm) {
        String c = cell.toLowerCase(Locale.ROOT);
        String a = arm.toLowerCase(Locale.ROOT);
        return a.length() >= 4 ? c.contains(a) : c.equals(a);
    }

    /** The CSV holds the same rows: a header of the column names, then each row's cells in order. */
    private static void csvMatches(String csv, JsonNode columns, JsonNode rows, String what) {
        List<List<String>> lines = readCsv(csv);
        List<String> header = new ArrayList<>();
        columns.forEach(c -> header.add(c.get("name").asText()));
        assertThat(lines.get(0)).as(what + " CSV header").isEqualTo(header);
        assertThat(lines.size() - 1).as(what + " CSV rows").isEqualTo(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                JsonNode cell = row.get(c);
                String csvCell = lines.get(r + 1).get(c);
                if (cell.isNull()) {
                    assertThat(csvCell).as(what).isEmpty();
                } else if (cell.isNumber()) {
                    assertThat(Double.parseDouble(csvCell)).as(what).isEqualTo(cell.asDouble());
                } else {
                    assertThat(csvCell).as(what).isEqualTo(cell.asText());
                }
            }
        }
    }

    private static List<List<String>> readCsv(String csv) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                line.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r') {
                continue;
            } else if (ch == '\n') {
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        return lines;
    }

    /** A cell is null or of the JSON type its column's dataType calls for; dates are ISO 8601. */
    private static void cellFitsItsType(JsonNode cell, JsonNode column, String what) {
        if (cell.isNull()) {
            return;
        }
        String type = column.get("dataType").asText();
        String as = what + " " + column.get("name").asText() + " " + cell;
        switch (type) {
            case "integer" -> assertThat(cell.isIntegralNumber()).as(as).isTrue();
            case "float", "double" -> assertThat(cell.isNumber()).as(as).isTrue();
            case "date" -> assertThat(cell.asText()).as(as).matches("\\d{4}-\\d{2}-\\d{2}");
            case "datetime" -> assertThat(cell.asText()).as(as)
                    .matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?)?");
            default -> {
                assertThat(type).as(as).isEqualTo("string");
                assertThat(cell.isTextual()).as(as).isTrue();
                assertThat(cell.asText().length()).as(as + " within its length")
                        .isLessThanOrEqualTo(column.get("length").asInt());
            }
        }
    }

    /** The key variables, in their key sequence, identify a row: no two rows share their values. */
    private static void keysIdentifyRows(JsonNode columns, JsonNode rows, String what) {
        Map<Integer, Integer> keyColumns = new TreeMap<>();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).has("keySequence")) {
                keyColumns.put(columns.get(c).get("keySequence").asInt(), c);
            }
        }
        assertThat(keyColumns).as(what + " has keys").isNotEmpty();
        Set<List<String>> seen = new HashSet<>();
        for (JsonNode row : rows) {
            List<String> key = keyColumns.values().stream().map(c -> row.get(c).asText()).toList();
            assertThat(seen.add(key)).as(what + ": the key " + key + " names one row").isTrue();
        }
    }

    private static void studyDaysHaveNoDayZero(JsonNode columns, JsonNode rows, String what) {
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c).get("name").asText();
            if (name.endsWith("DY") && !name.equals("VISITDY")) {
                for (JsonNode row : rows) {
                    assertThat(row.get(c).asInt(1)).as(what + " " + name + ": no day 0").isNotZero();
                }
            }
        }
    }

    private static Map<String, Integer> unmappedValues(String csv) {
        Map<String, Integer> byForm = new TreeMap<>();
        List<List<String>> lines = readCsv(csv);
        assertThat(lines.get(0)).containsExactly("FORM", "ITEM", "LABEL", "VALUES_LEFT_OUT");
        for (List<String> l : lines.subList(1, lines.size())) {
            int n = Integer.parseInt(l.get(3));
            if (n > 0) {
                byForm.merge(l.get(0), n, Integer::sum);
            }
        }
        return byForm;
    }

    /** Each ItemGroupDef's ItemRefs in order, each as its ItemOID, KeySequence ("" for none) and Mandatory. */
    private static Map<String, List<String[]>> itemRefs(Document define) {
        Map<String, List<String[]>> refs = new LinkedHashMap<>();
        forEach(define, ODM, "ItemGroupDef", g -> {
            List<String[]> list = new ArrayList<>();
            NodeList items = g.getElementsByTagNameNS(ODM, "ItemRef");
            for (int i = 0; i < items.getLength(); i++) {
                Element r = (Element) items.item(i);
                list.add(new String[] {r.getAttribute("ItemOID"), r.getAttribute("KeySequence"),
                    r.getAttribute("Mandatory")});
            }
            refs.put(g.getAttribute("OID"), list);
        });
        return refs;
    }

    private static void forEach(Document d, String namespace, String name, Consumer<Element> f) {
        NodeList nodes = d.getElementsByTagNameNS(namespace, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            f.accept((Element) nodes.item(i));
        }
    }

    /** Removes the Define-XML extension — def: and xlink: elements and attributes — leaving the ODM 1.3.2 core. */
    private static void stripExtension(Element e) {
        NamedNodeMap attributes = e.getAttributes();
        List<Attr> foreign = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String ns = a.getNamespaceURI();
            if (ns != null && !ns.equals(XMLConstants.XMLNS_ATTRIBUTE_NS_URI)
                    && !ns.equals(XMLConstants.XML_NS_URI)) {
                foreign.add(a);
            }
        }
        foreign.forEach(e::removeAttributeNode);
        List<Node> children = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            children.add(n);
        }
        for (Node n : children) {
            if (n instanceof Element child) {
                if (!ODM.equals(child.getNamespaceURI())) {
                    e.removeChild(child);
                } else {
                    stripExtension(child);
                }
            }
        }
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
