package org.stroma.prescreen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.Allergy;
import org.stroma.trial.patient.Code;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.ProcedureRecord;
import org.stroma.trial.patient.Silence;

/**
 * A population as a Parquet table of facts, the other input of a prescreening beside a FHIR bulk export: one row per
 * patient ({@code kind} "patient": birth {@code date}, {@code sex}) and one row per coding of each fact (kind
 * "observation", "condition", "procedure", "medication" or "allergy"), the rows of one fact sharing its {@code fact}
 * id (a row without one is a fact of its own). Like an export of a record system, the table holds everything known of
 * its patients: what it does not say, they do not have.
 *
 * <p>Columns ({@link Column}): {@code patient}, {@code kind} (both required), {@code fact}, {@code system}, {@code code},
 * {@code display}, {@code text} (a drug's or allergen's name), {@code value}, {@code unit}, {@code value_code} (a
 * class: "III"), {@code reference_high} (the laboratory's upper limit), {@code date} (birth, measured, onset,
 * performed or planned, started, recorded), {@code end_date} (abated, stopped), {@code sex}, {@code planned},
 * {@code end_unknown} (stopped on a date not recorded), {@code active} (an allergy that holds; true when empty),
 * {@code drug} (an allergy to a drug; true when empty). A column the table does not know is refused, so that a
 * misspelled one does not silently leave its facts out.
 */
public final class FactTable {
    /** The kinds of value a column holds. */
    enum Type {
        TEXT, NUMBER, DATE, FLAG
    }

    /** The columns a table of facts may have, by name. */
    enum Column {
        PATIENT(Type.TEXT), KIND(Type.TEXT), FACT(Type.TEXT), SYSTEM(Type.TEXT), CODE(Type.TEXT), DISPLAY(Type.TEXT),
        TEXT(Type.TEXT), VALUE(Type.NUMBER), UNIT(Type.TEXT), VALUE_CODE(Type.TEXT), REFERENCE_HIGH(Type.NUMBER),
        DATE(Type.DATE), END_DATE(Type.DATE), SEX(Type.TEXT), PLANNED(Type.FLAG), END_UNKNOWN(Type.FLAG),
        ACTIVE(Type.FLAG), DRUG(Type.FLAG);

        final Type type;

        Column(Type type) {
            this.type = type;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final List<String> KINDS = List.of("patient", "observation", "condition", "procedure", "medication",
            "allergy");

    private FactTable() {
    }

    /** Whether a path of patients is a table of facts: a .parquet file, or a folder of them (as Spark writes one). */
    static boolean isTable(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return path.getFileName().toString().endsWith(".parquet");
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        }
    }

    /** The table's Parquet files in name order; any other file in its folder, but for hidden and marker files, refused. */
    static List<Path> files(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or folder of patients");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.list(path)) {
            List<Path> all = walk.filter(f -> !f.getFileName().toString().startsWith(".")
                    && !f.getFileName().toString().startsWith("_")).sorted().toList();
            // a table partitioned into folders (kind=observation/…) would be read short of them
            List<Path> folders = all.stream().filter(Files::isDirectory).toList();
            if (!folders.isEmpty()) {
                throw new NoSuchFileException(folders.get(0).toString(), null, "a folder inside a table of facts;"
                        + " give a table as one folder of .parquet files (not partitioned into folders)");
            }
            List<Path> other = all.stream().filter(f -> !f.getFileName().toString().endsWith(".parquet")).toList();
            if (!other.isEmpty()) {
                throw new NoSuchFileException(other.get(0).toString(), null, "not a .parquet file; a table of facts"
                        + " is read whole, so every file in its folder must be one of its parts");
            }
            return all;
        }
    }

    /**
     * Checks a file's columns, given by name with their type: each one the table knows, of its type, and the patient
     * and the kind there. The problem, naming the file and the column, or null when there is none.
     */
    static String problemWithColumns(String file, Map<String, Type> columns) {
        if (columns.isEmpty()) {
            return file + ": no columns";
        }
        for (Map.Entry<String, Type> c : columns.entrySet()) {
            Column known = column(c.getKey());
            if (known == null) {
                return file + ": column '" + c.getKey() + "' is not a column of a table of facts (" + String.join(", ",
                        Stream.of(Column.values()).map(Column::label).toList()) + ")";
            }
            if (c.getValue() != known.type) {
                return file + ": column '" + c.getKey() + "' holds " + describe(c.getValue()) + ", not "
                        + describe(known.type);
            }
        }
        for (Column required : List.of(Column.PATIENT, Column.KIND)) {
            if (!columns.containsKey(required.label())) {
                return file + ": no column '" + required.label() + "'";
            }
        }
        return null;
    }

    private static Column column(String name) {
        return Stream.of(Column.values()).filter(c -> c.label().equals(name)).findFirst().orElse(null);
    }

    private static String describe(Type type) {
        if (type == null) {
            return "values of another type";
        }
        return switch (type) {
            case TEXT -> "text";
            case NUMBER -> "numbers";
            case DATE -> "dates";
            case FLAG -> "true or false";
        };
    }

    /**
     * A row read by its columns' values; {@code value} gives null for an empty cell or an absent column, and a text of
     * nothing but blanks is read as empty.
     */
    static FactRow row(String file, long row, Function<Column, Object> cell) {
        Function<Column, Object> value = c -> {
            Object v = cell.apply(c);
            return v instanceof String s && s.isBlank() ? null : v;
        };
        return new FactRow(file, row, (String) value.apply(Column.PATIENT), (String) value.apply(Column.KIND),
                (String) value.apply(Column.FACT), (String) value.apply(Column.SYSTEM),
                (String) value.apply(Column.CODE), (String) value.apply(Column.DISPLAY),
                (String) value.apply(Column.TEXT), (Double) value.apply(Column.VALUE),
                (String) value.apply(Column.UNIT), (String) value.apply(Column.VALUE_CODE),
                (Double) value.apply(Column.REFERENCE_HIGH), (LocalDate) value.apply(Column.DATE),
                (LocalDate) value.apply(Column.END_DATE), (String) value.apply(Column.SEX),
                (Boolean) value.apply(Column.PLANNED), (Boolean) value.apply(Column.END_UNKNOWN),
                (Boolean) value.apply(Column.ACTIVE), (Boolean) value.apply(Column.DRUG));
    }

    /**
     * A patient's rows read into the patient's record, in the table's order (file, row), however the engine gathered
     * them. A patient without exactly one patient row, with a row of a kind the table does not have or a sex it does
     * not know, is not screened: the prescreening says which row and why.
     */
    static GroupRead read(Prescreen prescreen, String patient, List<FactRow> rows) {
        List<FactRow> ordered = new ArrayList<>(rows);
        ordered.sort(java.util.Comparator.comparing(FactRow::file).thenComparingLong(FactRow::row));
        List<FactRow> patientRows = ordered.stream().filter(r -> "patient".equals(r.kind())).toList();
        String problem = null;
        for (FactRow r : ordered) {
            if (r.kind() == null || !KINDS.contains(r.kind())) {
                problem = r.where() + ": kind '" + r.kind() + "' is not one of " + String.join(", ", KINDS);
                break;
            }
            if (Stream.of(r.kind(), r.fact(), r.system(), r.code(), r.display(), r.text(), r.unit(), r.valueCode(),
                    r.sex()).anyMatch(t -> t != null && t.indexOf('\uFFFD') >= 0)) {
                // a code or name read short of its bytes could match nothing, and a fact that matches nothing is
                // a fact the patient does not have
                problem = r.where() + ": text whose bytes are not UTF-8";
                break;
            }
        }
        if (problem == null && patientRows.size() != 1) {
            problem = patientRows.isEmpty() ? "no row of kind 'patient' for patient " + patient + " (its facts are at "
                    + ordered.get(0).where() + ")" : "two rows of kind 'patient' for patient " + patient + " ("
                    + patientRows.get(0).where() + ", " + patientRows.get(1).where() + ")";
        }
        AdministrativeSex sex = null;
        if (problem == null && patientRows.get(0).sex() != null) {
            sex = sex(patientRows.get(0).sex());
            if (sex == null) {
                problem = patientRows.get(0).where() + ": sex '" + patientRows.get(0).sex() + "' is not female, male,"
                        + " other or unknown";
            }
        }
        if (problem != null) {
            return new GroupRead(List.of(), prescreen.notScreenedPatient(patient, problem));
        }
        Map<String, List<FactRow>> facts = new LinkedHashMap<>();
        for (FactRow r : ordered) {
            if (!r.kind().equals("patient")) {
                // the codings of one fact share its id; a row without one is a fact of its own
                facts.computeIfAbsent(r.fact() == null ? "row " + r.file() + "#" + r.row() : r.kind() + " " + r.fact(),
                        k -> new ArrayList<>()).add(r);
            }
        }
        List<Observation> observations = new ArrayList<>();
        List<Diagnosis> conditions = new ArrayList<>();
        List<ProcedureRecord> procedures = new ArrayList<>();
        List<Medication> medications = new ArrayList<>();
        List<Allergy> allergies = new ArrayList<>();
        for (List<FactRow> fact : facts.values()) {
            FactRow first = fact.get(0);
            List<Code> codes = fact.stream().filter(r -> r.code() != null || r.display() != null)
                    .map(r -> new Code(r.system(), r.code(), r.display())).toList();
            String source = first.where();
            switch (first.kind()) {
                case "observation" -> observations.add(new Observation(codes, first.value(), first.unit(),
                        first.valueCode(), first.date(), first.referenceHigh(), source));
                case "condition" -> conditions.add(new Diagnosis(codes, first.date(), first.endDate(), source));
                case "procedure" -> procedures.add(new ProcedureRecord(codes, first.date(),
                        Boolean.TRUE.equals(first.planned()), source));
                case "medication" -> medications.add(new Medication(codes, first.text() != null ? first.text()
                        : codes.stream().map(Code::display).filter(d -> d != null).findFirst().orElse(null),
                        first.date(), first.endDate(), Boolean.TRUE.equals(first.endUnknown()), source));
                default -> allergies.add(new Allergy(codes, first.text(), !Boolean.FALSE.equals(first.drug()),
                        !Boolean.FALSE.equals(first.active()), first.date(), source));
            }
        }
        FactRow demographics = patientRows.get(0);
        return new GroupRead(List.of(new PatientRecord(patient, demographics.date(), sex, observations, conditions,
                procedures, medications, allergies, Map.of(), Silence.CLOSED)), List.of());
    }

    /** A float as the decimal it was written as (0.3, not 0.30000001192…), as a FHIR decimal is read. */
    static double widened(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    private static AdministrativeSex sex(String written) {
        return switch (written.strip().toLowerCase(Locale.ROOT)) {
            case "female", "f" -> AdministrativeSex.FEMALE;
            case "male", "m" -> AdministrativeSex.MALE;
            case "other" -> AdministrativeSex.OTHER;
            case "unknown" -> AdministrativeSex.UNKNOWN;
            default -> null;
        };
    }

    /** What is said when rows name no patient: any record might be short of them, so nobody is screened. */
    static List<PrescreenRow> rowsOfNoPatient(List<FactRow> rows) {
        List<PrescreenRow> said = new ArrayList<>();
        rows.stream().limit(10).forEach(r -> said.add(new PrescreenRow("", "", PrescreenRow.NOT_SCREENED, "", "",
                r.where() + ": a row without a patient")));
        said.add(new PrescreenRow("", "", PrescreenRow.NOT_SCREENED, "", "", "no patient is screened: " + rows.size()
                + " row(s) of the table name no patient, and any patient's record may be short of them"));
        return said;
    }
}
