package org.stroma.prescreen;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Where a prescreening's rows go: {@code verdicts.csv} (RFC 4180, a header row) and {@code verdicts.parquet}, one row
 * per patient × trial with the columns of {@link PrescreenRow#COLUMNS}. The in-process engine writes each as one file;
 * Spark writes each as a folder of part files, as Spark does, which Spark, DuckDB, pandas and R read as one table.
 */
public final class VerdictFiles {
    public static final String CSV = "verdicts.csv";
    public static final String PARQUET = "verdicts.parquet";

    private VerdictFiles() {
    }

    public static void write(List<PrescreenRow> rows, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Writer out = Files.newBufferedWriter(folder.resolve(CSV), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(PrescreenRow.COLUMNS)
                        .get())) {
            for (PrescreenRow r : rows) {
                csv.printRecord(r.values());
            }
        }
        Types.MessageTypeBuilder schema = Types.buildMessage();
        for (String column : PrescreenRow.COLUMNS) {
            schema.required(PrimitiveType.PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                    .named(column);
        }
        MessageType type = schema.named("verdict");
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> parquet = ExampleParquetWriter.builder(new LocalParquetFile(folder.resolve(PARQUET)))
                .withType(type).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
            for (PrescreenRow r : rows) {
                Group g = groups.newGroup();
                Object[] values = r.values();
                for (int i = 0; i < values.length; i++) {
                    g.add(PrescreenRow.COLUMNS[i], (String) values[i]);
                }
                parquet.write(g);
            }
        }
    }

    /** Spark's rows written beside each other by its executors. */
    public static void write(Dataset<Row> table, Path folder) {
        String base = folder.toUri().toString();
        table.write().mode(SaveMode.Overwrite).parquet(base + "/" + PARQUET);
        // RFC 4180 as the in-process engine writes it: quotes doubled, an empty value as nothing
        table.write().mode(SaveMode.Overwrite).option("header", true).option("escape", "\"")
                .option("emptyValue", "").csv(base + "/" + CSV);
    }
}
