import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.stroma.analysis.data.DataSet;
import org.stroma.analysis.result.Analysis;
import org.stroma.analysis.run.Columns;
import org.stroma.analysis.run.DataAnalysis;
import org.stroma.analysis.run.Method;

/**
 * Stroma's side of the other methods' "analysis alone" column in docs/benchmarks.md: reads a CSV of
 * docs/bench/make_methods_csv.R into a data set, then times one analysis in a fresh JVM, with the columns
 * docs/bench/methods_in_r.R uses. The time includes reading the used columns' text as numbers and groups (R's
 * read.csv has done that before its fit is timed), not the CSV's parsing.
 * Usage: java -cp "stroma-cli/target/lib/*" docs/bench/MethodsFitTime.java METHOD FILE.csv
 */
public class MethodsFitTime {
    public static void main(String[] args) throws IOException {
        Method method = Method.of(args[0]);
        DataSet data;
        try (Reader in = Files.newBufferedReader(Path.of(args[1]))) {
            data = DataSet.readCsv(in, args[1]);
        }
        Columns twoArms = Columns.none().withGroup("arm", null);
        Columns columns = switch (method) {
            case TTEST, MANNWHITNEY -> twoArms.withOutcome("y", null, List.of());
            case PROPORTIONS -> twoArms.withOutcome("event", null, List.of());
            case ANCOVA -> twoArms.withOutcome("y", "baseline", List.of("x"));
            case ORDINAL -> twoArms.withOutcome("class", "baseline", List.of());
            case NEGBIN -> twoArms.withOutcome("count", "baseline", List.of()).withOffset("scans");
            case CROSSOVER -> Columns.none().withOutcome("y", null, List.of()).withCrossover("id", "period", "seq");
            case MMRM -> twoArms.withOutcome("y", "baseline", List.of()).withRepeatedMeasures("id", "visit");
            default -> throw new IllegalArgumentException(args[0]);
        };
        long start = System.nanoTime();
        Analysis analysis = DataAnalysis.run(data, method, columns, null);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Stroma %s, n = %d: analysis %.3f s%n%s%n", args[0], data.rows(), seconds,
                analysis.estimates().get(0));
    }
}
