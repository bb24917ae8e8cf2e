package org.stroma.prescreen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
                .mapPartitions(groups -> plan.value().screenInBatches(new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return groups.hasNext();
                    }

                    @Override
                    public Map.Entry<String, List<NdjsonLine>> next() {
                        Tuple2<String, Iterable<NdjsonLine>> group = groups.next();
                        List<NdjsonLine> lines = new ArrayList<>();
                        group._2().forEach(lines::add);
                        return Map.entry(group._1(), LocalPrescreen.withShared(lines, shared.value()));
                    }
                }));
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
