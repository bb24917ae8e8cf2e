package org.stroma.analysis.longitudinal;

import java.util.List;
import java.util.TreeSet;
import org.stroma.analysis.data.DataSet;

/**
 * An adjustment term of a repeated-measures model, one value per row: continuous (a baseline value) or categorical
 * (a site). A categorical covariate enters as indicators of its levels after the first, the levels in
 * {@link DataSet#compareLevels} order (R's treatment contrasts, alphabetical for names like "S1", "S2").
 */
public record Covariate(String name, double[] values, List<String> categories) {

    public static Covariate continuous(String name, double[] values) {
        return new Covariate(name, values.clone(), null);
    }

    public static Covariate categorical(String name, List<String> categories) {
        return new Covariate(name, null, List.copyOf(categories));
    }

    /** A copy, as for {@link LongitudinalData#outcome()}. */
    @Override
    public double[] values() {
        return values == null ? null : values.clone();
    }

    public boolean isCategorical() {
        return categories != null;
    }

    public int rows() {
        return isCategorical() ? categories.size() : values.length;
    }

    /** The levels of a categorical covariate, the first being the reference. */
    public List<String> levels() {
        TreeSet<String> levels = new TreeSet<>(DataSet::compareLevels);
        levels.addAll(categories);
        return List.copyOf(levels);
    }
}
