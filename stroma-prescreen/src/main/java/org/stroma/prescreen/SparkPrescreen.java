package org.stroma.prescreen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.stroma.fhir.NdjsonLine;
import scala.Tuple2;

/**
 * The Spark engine: the export's lines are read in parallel, routed to their patient ({@link ResourceRoute}), grouped
 * by patient across files with Spark's shuffle, and each group is read and screened by the same {@link Prescreen} the
 * in-process engine runs, shipped to the executors once as a broadcast. Nothing is gathered on the driver but the few
 * lines that belong to no patient. The files must be where every executor can read them, at the same path (a shared
 * file system).
 */
public final class SparkPrescreen {
    public static final StructType SCHEMA;

    static {
        StructType schema = new StructType();
        for (String column : PrescreenRow.COLUMNS) {
            schema = schema.add(column, DataTypes.StringType, false);
        }
        SCHEMA = schema;
    }

    private SparkPrescreen() {
    }

    public static JavaRDD<PrescreenRow> run(SparkSession spark, Prescreen prescreen, Path patients)
            throws IOException {
        if (FactTable.isTable(patients)) {
            return runTable(spark, prescreen, patients);
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<JavaPairRDD<String, NdjsonLine>> parts = new ArrayList<>();
        for (Path file : BulkExport.files(patients)) {
            String name = file.toString();
            parts.add(sc.textFile("file://" + globEscaped(file.toAbsolutePath().toString())).zipWithIndex()
                    .filter(line -> !line._1().isBlank())
                    .mapToPair(line -> {
                        NdjsonLine read = new NdjsonLine(name, line._2() + 1, line._1());
                        return new Tuple2<>(ResourceRoute.of(read), read);
                    })
                    .filter(routed -> routed._1() != null));
        }
        JavaPairRDD<String, NdjsonLine> routed = parts.size() == 1 ? parts.get(0)
                : sc.union(parts.toArray(JavaPairRDD[]::new));
        // read once, looked at three times: the lines of no patient, the shared ones, and the patients'
        routed.persist(StorageLevel.MEMORY_AND_DISK());
        List<NdjsonLine> unreadable = routed.filter(r -> r._1().equals(ResourceRoute.UNREADABLE)).values()
                .collect();
        if (!unreadable.isEmpty()) {
            return sc.parallelize(prescreen.unreadable(new ArrayList<>(unreadable)), 1);
        }
        Broadcast<List<NdjsonLine>> shared = sc.broadcast(new ArrayList<>(routed
                .filter(r -> r._1().equals(ResourceRoute.SHARED)).values().collect()));
        Broadcast<Prescreen> plan = sc.broadcast(prescreen);
        return routed.filter(r -> !r._1().equals(ResourceRoute.SHARED)).groupByKey()
                .mapPartitions(groups -> plan.value().screenInBatches(read(groups, (patient, lines) ->
                        plan.value().read(patient, LocalPrescreen.withShared(lines, shared.value())))));
    }

    /**
     * A table of facts: each file read by Spark's Parquet reader, its rows numbered in the file's order and routed to
     * their patient, gathered by its shuffle, each patient's read into a record, and screened a batch at a time.
     */
    private static JavaRDD<PrescreenRow> runTable(SparkSession spark, Prescreen prescreen, Path table)
            throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<JavaPairRDD<String, FactRow>> parts = new ArrayList<>();
        for (Path file : FactTable.files(table)) {
            String name = file.toString();
            // checked on its footer here, as the in-process engine checks it, so that both accept the same tables
            FactTableFile.check(file);
            Dataset<Row> read;
            try {
                // dates as written, whatever calendar the writer used (Spark's default refuses old dates of others)
                read = spark.read().option("datetimeRebaseMode", "CORRECTED")
                        .parquet("file://" + globEscaped(file.toAbsolutePath().toString()));
            } catch (RuntimeException e) {
                throw new UnreadableTableException(name + ": cannot be read (" + e.getMessage() + ")", e);
            }
            List<String> names = List.of(read.schema().fieldNames());
            parts.add(read.javaRDD().zipWithIndex().mapToPair(r -> {
                FactRow row = FactTable.row(name, r._2() + 1, c -> value(r._1(), names.indexOf(c.label()), c));
                return new Tuple2<>(row.patient() == null || row.patient().isBlank() ? "" : row.patient(), row);
            }));
        }
        JavaPairRDD<String, FactRow> routed = parts.size() == 1 ? parts.get(0)
                : sc.union(parts.toArray(JavaPairRDD[]::new));
        routed.persist(StorageLevel.MEMORY_AND_DISK());
        List<FactRow> ofNobody = routed.filter(r -> r._1().isEmpty()).values().collect();
        if (!ofNobody.isEmpty()) {
            return sc.parallelize(FactTable.rowsOfNoPatient(new ArrayList<>(ofNobody)), 1);
        }
        Broadcast<Prescreen> plan = sc.broadcast(prescreen);
        return routed.groupByKey().mapPartitions(groups -> plan.value().screenInBatches(read(groups,
                (patient, rows) -> FactTable.read(plan.value(), patient, rows))));
    }

    /** A partition's groups, each read into records when its batch is screened. */
    private static <T> Iterator<GroupRead> read(Iterator<Tuple2<String, Iterable<T>>> groups,
            BiFunction<String, List<T>, GroupRead> reader) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return groups.hasNext();
            }

            @Override
            public GroupRead next() {
                Tuple2<String, Iterable<T>> group = groups.next();
                List<T> items = new ArrayList<>();
                group._2().forEach(items::add);
                return reader.apply(group._1(), items);
            }
        };
    }

    private static Object value(Row row, int index, FactTable.Column column) {
        if (index < 0 || row.isNullAt(index)) {
            return null;
        }
        Object v = row.get(index);
        return switch (column.type) {
            // a binary column without annotation is text, as the in-process engine reads it
            case TEXT -> v instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : v;
            case NUMBER -> v instanceof Float f ? FactTable.widened(f) : ((Number) v).doubleValue();
            case DATE -> v instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) v;
            case FLAG -> v;
        };
    }

    /** A path as Hadoop reads it literally: its glob characters ("export[1]") escaped. */
    static String globEscaped(String path) {
        return path.replaceAll("([\\[\\]{}*?\\\\])", "\\\\$1");
    }

    /** The rows as a table of {@link PrescreenRow#COLUMNS}, for Spark's writers. */
    public static Dataset<Row> table(SparkSession spark, JavaRDD<PrescreenRow> rows) {
        return spark.createDataFrame(rows.map(r -> RowFactory.create(r.values())), SCHEMA);
    }
}
