package org.stroma.analysis.pool;

import java.util.List;
import org.stroma.analysis.data.DataException;
import org.stroma.analysis.result.Distributions;
import org.stroma.analysis.result.Estimate;

/**
 * DerSimonian–Laird random-effects meta-analysis of one effect (a mean difference in LVEF change, say) measured in
 * several trials: the fixed-effect (inverse-variance) estimate, Cochran's Q, the between-trial variance τ² by the
 * method of moments, I², and the random-effects estimate weighting each trial by 1/(se² + τ²).
 */
public final class RandomEffectsMetaAnalysis {
    private RandomEffectsMetaAnalysis() {
    }

    /** One trial's effect and standard error; its weights in the fixed and random models are filled in the result. */
    public record Study(String name, double estimate, double se) {
    }

    public record Result(List<Study> studies, Estimate fixed, Estimate random, double q, int df, double qP,
            double tau2, double i2, double[] fixedWeights, double[] randomWeights) {
    }

    public static Result pool(List<Study> studies) {
        int k = studies.size();
        if (k < 2) {
            throw new DataException("pooling needs at least two trials, not " + k);
        }
        double[] w = new double[k];
        double sw = 0;
        double swy = 0;
        double sw2 = 0;
        for (int i = 0; i < k; i++) {
            Study s = studies.get(i);
            if (!(s.se() > 0)) {
                throw new DataException("trial " + s.name() + ": a standard error of " + s.se() + " cannot be weighted");
            }
            w[i] = 1 / (s.se() * s.se());
            sw += w[i];
            swy += w[i] * s.estimate();
            sw2 += w[i] * w[i];
        }
        double fixed = swy / sw;
        double q = 0;
        for (int i = 0; i < k; i++) {
            q += w[i] * Math.pow(studies.get(i).estimate() - fixed, 2);
        }
        int df = k - 1;
        double tau2 = Math.max(0, (q - df) / (sw - sw2 / sw));
        double i2 = q > df ? (q - df) / q : 0;
        double[] wr = new double[k];
        double swr = 0;
        double swry = 0;
        for (int i = 0; i < k; i++) {
            wr[i] = 1 / (studies.get(i).se() * studies.get(i).se() + tau2);
            swr += wr[i];
            swry += wr[i] * studies.get(i).estimate();
        }
        double[] fixedWeights = new double[k];
        double[] randomWeights = new double[k];
        for (int i = 0; i < k; i++) {
            fixedWeights[i] = w[i] / sw;
            randomWeights[i] = wr[i] / swr;
        }
        return new Result(studies, normal("fixed effect", fixed, Math.sqrt(1 / sw)), normal("random effects",
                swry / swr, Math.sqrt(1 / swr)), q, df, Distributions.chiSquareUpper(q, df), tau2, i2,
                fixedWeights, randomWeights);
    }

    private static Estimate normal(String term, double estimate, double se) {
        double z = estimate / se;
        return new Estimate(term, estimate, se, estimate - Distributions.Z95 * se, estimate + Distributions.Z95 * se,
                z, null, Distributions.zTwoSided(z));
    }
}
