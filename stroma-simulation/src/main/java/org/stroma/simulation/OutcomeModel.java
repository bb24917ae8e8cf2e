package org.stroma.simulation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.stroma.trial.capture.FormDef;
import org.stroma.trial.capture.ItemDef;
import org.stroma.trial.capture.ItemType;

/**
 * How a simulated subject's measurements go: each numeric item starts near the middle of its expected range (spread
 * an eighth of the range), wanders a little at each visit, and while the subject has had cells moves towards the
 * better side by up to half a spread over six months. Lesion counts are negative binomial with a lower rate on cells;
 * NYHA class and EDSS change by steps; MLHFQ items ease on cells. Every benefit of cells is scaled by the effect (0:
 * none), and the draws are the same whatever the arm, so that without an effect two arms give the same values. Values
 * stay within what is possible, so the edit checks open queries (values outside the expected range) but never refuse.
 */
final class OutcomeModel {
    /** Which way is better for an item: +1 higher, −1 lower. */
    private static final Map<String, Integer> BETTER = Map.ofEntries(
            Map.entry("lvef", 1), Map.entry("lvedv", -1), Map.entry("lvesv", -1), Map.entry("lvedd", -1),
            Map.entry("lvesd", -1), Map.entry("lvef_imaging", 1), Map.entry("scar_percent", -1),
            Map.entry("perfusion_defect", -1), Map.entry("vo2_peak", 1), Map.entry("distance", 1),
            Map.entry("nt_probnp", -1), Map.entry("bnp", -1), Map.entry("black_hole_volume", -1),
            Map.entry("shocks", -1), Map.entry("vt_vf_episodes", -1));

    private final Random random;
    private final double effect;
    /** Per subject and item, the value at baseline. */
    private final Map<String, Double> baseline = new HashMap<>();

    OutcomeModel(Random random, double effect) {
        this.random = random;
        this.effect = effect;
    }

    /**
     * The values of a form at a visit, {@code months} after the first administration (0 or less: baseline), for a
     * subject who has had cells for {@code cellMonths} of them.
     */
    Map<String, String> values(String subject, FormDef form, double months, double cellMonths, String visitDay) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ItemDef item : form.items()) {
            String v = value(subject, item, months, cellMonths, visitDay);
            if (v != null) {
                values.put(item.id(), v);
            }
        }
        return values;
    }

    private String value(String subject, ItemDef item, double months, double cellMonths, String visitDay) {
        String key = subject + "/" + item.id();
        if (item.type() == ItemType.DATE) {
            return visitDay;
        }
        if (item.type() == ItemType.BOOLEAN) {
            return random.nextDouble() < 0.2 ? "yes" : "no";
        }
        if (item.type() == ItemType.CODED) {
            return coded(key, item, months, cellMonths);
        }
        if (item.id().equals("gel_count") || item.id().equals("new_t2_count")) {
            double rate = months <= 0 ? 2.0 : cellMonths > 0 ? 1.6 - 0.8 * effect : 1.6;
            return String.valueOf(negativeBinomial(rate, 1.2));
        }
        double low = item.low() != null ? item.low() : item.lowest() != null ? item.lowest() : 0;
        double high = item.high() != null ? item.high() : item.highest() != null ? item.highest() : low + 10;
        double spread = (high - low) / 8;
        double start = baseline.computeIfAbsent(key, k -> (low + high) / 2 + random.nextGaussian() * spread);
        double v = start;
        if (months > 0) {
            v += random.nextGaussian() * spread / 4;
            if (item.id().startsWith("item_")) {
                v -= effect * Math.min(1, cellMonths / 6) * 0.6; // the MLHFQ eases on cells
            } else {
                v += effect * BETTER.getOrDefault(item.id(), 0) * Math.min(1, cellMonths / 6) * spread / 2;
            }
        }
        if (item.lowest() != null) {
            v = Math.max(item.lowest(), v);
        }
        if (item.highest() != null) {
            v = Math.min(item.highest(), v);
        }
        if (item.type() == ItemType.INTEGER) {
            return String.valueOf(Math.round(v));
        }
        return String.valueOf(Math.round(v * 10) / 10.0);
    }

    private String coded(String key, ItemDef item, double months, double cellMonths) {
        List<String> codes = item.codes();
        if (item.id().equals("edss")) {
            double start = baseline.computeIfAbsent(key, k -> 2.5 + 0.5 * random.nextInt(9));
            double worse = months > 0 && random.nextDouble() < (cellMonths > 0 ? 0.15 - 0.07 * effect : 0.15) ? 1.0
                    : 0;
            double v = Math.min(9.5, start + worse);
            baseline.put(key, v);
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (item.id().equals("nyha")) {
            double start = baseline.computeIfAbsent(key, k -> 1.0 + random.nextInt(2)); // II or III
            double v = start;
            if (months > 0 && random.nextDouble() < (cellMonths > 0 ? 0.2 + 0.2 * effect : 0.2)) {
                v = Math.max(0, start - 1);
            }
            return codes.get((int) Math.min(codes.size() - 1, v));
        }
        return codes.get(random.nextInt(Math.min(codes.size(), 3)));
    }

    /** A negative binomial count with mean μ and shape k, as a Poisson with a gamma-distributed rate. */
    private int negativeBinomial(double mu, double k) {
        double lambda = gamma(k) * mu / k;
        double l = Math.exp(-lambda);
        int n = 0;
        double p = random.nextDouble();
        while (p > l) {
            p *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** A gamma variate of shape k and scale 1 (Marsaglia and Tsang). */
    private double gamma(double k) {
        if (k < 1) {
            return gamma(k + 1) * Math.pow(random.nextDouble(), 1 / k);
        }
        double d = k - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
