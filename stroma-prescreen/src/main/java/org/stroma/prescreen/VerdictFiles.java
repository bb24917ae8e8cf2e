package org.stroma.prescreen;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
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
import org.apache.spark.storage.StorageLevel;

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

    /**
     * The rows as one CSV and one Parquet file. Each is written beside its place, forced to the disk and then moved
     * into it, so that an interrupted run leaves the previous files whole; an earlier output of either engine (a file
     * or Spark's folder) is replaced.
     */
    public static void write(List<PrescreenRow> rows, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path csvPart = folder.resolve(CSV + ".part");
        try (FileChannel channel = FileChannel.open(csvPart, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(PrescreenRow.COLUMNS)
                        .get())) {
            for (PrescreenRow r : rows) {
                csv.printRecord(r.values());
            }
            csv.flush();
            channel.force(true);
        }
        Types.MessageTypeBuilder schema = Types.buildMessage();
        for (String column : PrescreenRow.COLUMNS) {
            schema.required(PrimitiveType.PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                    .named(column);
        }
        MessageType type = schema.named("verdict");
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        Path parquetPart = folder.resolve(PARQUET + ".part");
        try (ParquetWriter<Group> parquet = ExampleParquetWriter.builder(new LocalParquetFile(parquetPart))
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
        try (FileChannel written = FileChannel.open(parquetPart, StandardOpenOption.WRITE)) {
            written.force(true);
        }
        replace(csvPart, folder.resolve(CSV));
        replace(parquetPart, folder.resolve(PARQUET));
    }

    private static void replace(Path part, Path target) throws IOException {
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.walk(target)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Spark's rows written beside each other by its executors. */
    public static void write(Dataset<Row> table, Path folder) throws IOException {
        for (String name : List.of(CSV, PARQUET)) {
            if (Files.isRegularFile(folder.resolve(name))) {
                Files.delete(folder.resolve(name)); // the in-process engine's file, where Spark writes a folder
            }
        }
        String base = "file://" + folder.toAbsolutePath();
        // computed once for both files
        Dataset<Row> rows = table.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            rows.write().mode(SaveMode.Overwrite).parquet(base + "/" + PARQUET);
            // RFC 4180 as the in-process engine writes it: quotes doubled, an empty value as nothing, spaces kept
            rows.write().mode(SaveMode.Overwrite).option("header", true).option("escape", "\"")
                    .option("emptyValue", "").option("ignoreLeadingWhiteSpace", false)
                    .option("ignoreTrailingWhiteSpace", false).csv(base + "/" + CSV);
        } finally {
            rows.unpersist();
        }
    }
}
