import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.stroma.analysis.survival.CoxRegression;
import org.stroma.analysis.survival.KaplanMeier;
import org.stroma.analysis.survival.LogRank;
import org.stroma.analysis.survival.SurvivalData;
import org.stroma.analysis.survival.Ties;

/**
 * Stroma's side of the survival benchmarks' "fit alone" column in docs/benchmarks.md: reads a CSV of
 * docs/bench/make_survival_csv.R (t, e, arm, x) and times one fit in a fresh JVM, as R's system.time does one.
 * Usage: java -cp "stroma-cli/target/lib/*" docs/bench/SurvivalFitTime.java cox|km|logrank FILE.csv
 */
public class SurvivalFitTime {
    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        int n = lines.size() - 1;
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        String[] arm = new String[n];
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            t[i] = Double.parseDouble(f[0]);
            e[i] = f[1].equals("1");
            arm[i] = f[2];
            x[i][0] = arm[i].equals("treated") ? 1 : 0;
            x[i][1] = Double.parseDouble(f[3]);
        }
        SurvivalData data = new SurvivalData(t, e, arm);
        long start = System.nanoTime();
        String result = switch (args[0]) {
            case "cox" -> {
                CoxRegression.Fit fit = CoxRegression.fit(t, e, x, List.of("arm=treated", "x"), Ties.EFRON);
                yield "beta " + fit.beta()[0] + " " + fit.beta()[1];
            }
            case "km" -> "medians " + KaplanMeier.estimate("control", data.of("control")).median() + " "
                    + KaplanMeier.estimate("treated", data.of("treated")).median();
            case "logrank" -> "chisq " + LogRank.test(data, List.of("control", "treated")).chiSquare();
            default -> throw new IllegalArgumentException(args[0]);
        };
        System.out.printf("Stroma %s, n = %d: fit %.3f s%n%s%n", args[0], n, (System.nanoTime() - start) / 1e9, result);
    }
}
