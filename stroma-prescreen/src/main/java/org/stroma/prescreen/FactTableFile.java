package org.stroma.prescreen;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.stroma.trial.patient.Allergy;
import org.stroma.trial.patient.Code;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.ProcedureRecord;

/** A {@link FactTable} in one local Parquet file, read and written without Hadoop's file system. */
public final class FactTableFile {
    private FactTableFile() {
    }

    /**
     * Checks a file's columns as its footer gives them, before any row is read and whatever engine reads it: each one
     * a table of facts has, of its type, not repeated; the patient and the kind there. A file that is not Parquet, or
     * not such a table, is refused with its name and what is wrong.
     */
    static void check(Path file) throws UnreadableTableException {
        MessageType schema;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInput(file))) {
            schema = reader.getFooter().getFileMetaData().getSchema();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableTableException(file + ": not a Parquet file that can be read (" + e.getMessage() + ")",
                    e);
        }
        String problem = FactTable.problemWithColumns(file.toString(), columns(schema));
        if (problem != null) {
            throw new UnreadableTableException(problem);
        }
    }

    /** The file's rows, in its order, its columns checked first ({@link #check}). */
    static List<FactRow> read(Path file) throws IOException {
        check(file);
        List<FactRow> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = new ParquetReader.Builder<Group>(new LocalInput(file)) {
            @Override
            protected ReadSupport<Group> getReadSupport() {
                return new GroupReadSupport();
            }
        }.build()) {
            long number = 0;
            for (Group g = reader.read(); g != null; g = reader.read()) {
                Group group = g;
                rows.add(FactTable.row(file.toString(), ++number, c -> value(group, c)));
            }
        } catch (RuntimeException e) {
            throw new UnreadableTableException(file + ": a row cannot be read (" + e.getMessage() + ")", e);
        }
        return rows;
    }

    /**
     * The columns of a Parquet schema by name, with the kind of value each holds: text (binary, as a string or
     * without annotation), numbers (double, float, 32- or 64-bit integers without annotation), dates, true or false;
     * null for any other, and for a column repeated or nested.
     */
    private static Map<String, FactTable.Type> columns(org.apache.parquet.schema.GroupType schema) {
        Map<String, FactTable.Type> columns = new LinkedHashMap<>();
        for (Type field : schema.getFields()) {
            FactTable.Type type = null;
            if (field.isPrimitive() && !field.isRepetition(Type.Repetition.REPEATED)) {
                PrimitiveType p = field.asPrimitiveType();
                LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
                type = switch (p.getPrimitiveTypeName()) {
                    case BINARY -> logical == null || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                            ? FactTable.Type.TEXT : null;
                    case DOUBLE, FLOAT -> FactTable.Type.NUMBER;
                    case INT32 -> logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                            ? FactTable.Type.DATE : logical == null ? FactTable.Type.NUMBER : null;
                    case INT64 -> logical == null ? FactTable.Type.NUMBER : null;
                    case BOOLEAN -> FactTable.Type.FLAG;
                    default -> null;
                };
            }
            columns.put(field.getName(), type);
        }
        return columns;
    }

    private static Object value(Group g, FactTable.Column c) {
        String name = c.label();
        if (!g.getType().containsField(name) || g.getFieldRepetitionCount(name) == 0) {
            return null;
        }
        return switch (c.type) {
            case TEXT -> g.getBinary(name, 0).toStringUsingUTF8();
            case FLAG -> g.getBoolean(name, 0);
            case DATE -> LocalDate.ofEpochDay(g.getInteger(name, 0));
            case NUMBER -> switch (g.getType().getType(name).asPrimitiveType().getPrimitiveTypeName()) {
                case FLOAT -> FactTable.widened(g.getFloat(name, 0));
                case INT32 -> (double) g.getInteger(name, 0);
                case INT64 -> (double) g.getLong(name, 0);
                default -> g.getDouble(name, 0);
            };
        };
    }

    /**
     * Patients' records as a table of facts, one row per patient and per coding of each fact. A table says what a
     * record system's export says — everything known, no investigator's answers — so a record typed on a form (whose
     * blanks are not known) or with answers is refused rather than written as something else.
     */
    public static void write(List<PatientRecord> patients, Path file) throws IOException {
        for (PatientRecord p : patients) {
            if (!p.silence().meansAbsent() || !p.attestations().isEmpty()) {
                throw new IllegalArgumentException("patient " + p.id() + ": a typed record or one with the"
                        + " investigator's answers is not a record system's export, which a table of facts is");
            }
        }
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (FactTable.Column c : FactTable.Column.values()) {
            org.apache.parquet.schema.Type.Repetition repetition = c == FactTable.Column.PATIENT
                    || c == FactTable.Column.KIND ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
            switch (c.type) {
                case TEXT -> builder.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(c.label());
                case NUMBER -> builder.primitive(PrimitiveTypeName.DOUBLE, repetition).named(c.label());
                case DATE -> builder.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.dateType()).named(c.label());
                case FLAG -> builder.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(c.label());
            }
        }
        MessageType schema = builder.named("facts");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> out = ExampleParquetWriter.builder(new LocalParquetFile(file)).withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
            for (PatientRecord p : patients) {
                Group row = groups.newGroup().append("patient", p.id()).append("kind", "patient");
                if (p.birthDate() != null) {
                    row.append("date", (int) p.birthDate().toEpochDay());
                }
                if (p.sex() != null) {
                    row.append("sex", p.sex().name().toLowerCase(java.util.Locale.ROOT));
                }
                out.write(row);
                int fact = 0;
                for (Observation o : p.observations()) {
                    for (Group g : fact(groups, p, "observation", ++fact, o.codes())) {
                        put(g, "value", o.value());
                        put(g, "unit", o.unit());
                        put(g, "value_code", o.valueCode());
                        put(g, "reference_high", o.referenceHigh());
                        put(g, "date", o.date());
                        out.write(g);
                    }
                }
                for (Diagnosis d : p.conditions()) {
                    for (Group g : fact(groups, p, "condition", ++fact, d.codes())) {
                        put(g, "date", d.onset());
                        put(g, "end_date", d.abatement());
                        out.write(g);
                    }
                }
                for (ProcedureRecord r : p.procedures()) {
                    for (Group g : fact(groups, p, "procedure", ++fact, r.codes())) {
                        put(g, "date", r.date());
                        g.append("planned", r.planned());
                        out.write(g);
                    }
                }
                for (Medication m : p.medications()) {
                    for (Group g : fact(groups, p, "medication", ++fact, m.codes())) {
                        put(g, "text", m.text());
                        put(g, "date", m.start());
                        put(g, "end_date", m.end());
                        g.append("end_unknown", m.endUnknown());
                        out.write(g);
                    }
                }
                for (Allergy a : p.allergies()) {
                    for (Group g : fact(groups, p, "allergy", ++fact, a.codes())) {
                        put(g, "text", a.text());
                        put(g, "date", a.recorded());
                        g.append("active", a.active());
                        g.append("drug", a.drug());
                        out.write(g);
                    }
                }
            }
        }
    }

    /** A fact's rows: one per coding, sharing the fact's id (one row without a code for a fact that has none). */
    private static List<Group> fact(SimpleGroupFactory groups, PatientRecord p, String kind, int id,
            List<Code> codes) {
        List<Group> rows = new ArrayList<>();
        for (Code code : codes.isEmpty() ? java.util.Collections.<Code>singletonList(null) : codes) {
            Group g = groups.newGroup().append("patient", p.id()).append("kind", kind).append("fact", "f" + id);
            if (code != null) {
                put(g, "system", code.system());
                put(g, "code", code.code());
                put(g, "display", code.display());
            }
            rows.add(g);
        }
        return rows;
    }

    private static void put(Group g, String column, Object value) {
        if (value instanceof String s) {
            g.append(column, s);
        } else if (value instanceof Double d) {
            g.append(column, d);
        } else if (value instanceof LocalDate d) {
            g.append(column, (int) d.toEpochDay());
        }
    }

    /** A local file as Parquet reads one: a channel it seeks in. */
    private record LocalInput(Path path) implements InputFile {
        @Override
        public long getLength() throws IOException {
            return java.nio.file.Files.size(path);
        }

        @Override
        public SeekableInputStream newStream() throws IOException {
            FileChannel channel = FileChannel.open(path);
            return new DelegatingSeekableInputStream(Channels.newInputStream(channel)) {
                @Override
                public long getPos() throws IOException {
                    return channel.position();
                }

                @Override
                public void seek(long position) throws IOException {
                    channel.position(position);
                }
            };
        }
    }
}
