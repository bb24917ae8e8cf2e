package org.stroma.trial.dosing;

import java.util.ArrayList;
import java.util.List;
import org.stroma.protocol.CellProduct;
import org.stroma.protocol.Dose;
import org.stroma.protocol.Quantity;
import org.stroma.protocol.Route;
import org.stroma.protocol.ScientificNotation;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * The protocol's dose, made computable: a fixed number of cells (6×10^7) or a range per kilogram (1–2×10^6 cells/kg,
 * at the baseline weight), the volume it is given in, the infusion rate, the route, and the tolerance on the cell count
 * within which a dose still counts as the protocol's (10 % unless the protocol says otherwise).
 */
public record DosePlan(double low, double high, boolean perKilogram, Double volumeMl, Double rateMlPerMinute,
        Route route, double tolerance) {

    public static final double DEFAULT_TOLERANCE = 0.10;

    public DosePlan {
        if (low <= 0 || high < low) {
            throw new InvalidInputException("a dose of " + low + "–" + high + " cells is not a dose");
        }
    }

    /** The plan of a protocol's cell product; null when the record gives no dose. */
    public static DosePlan of(CellProduct product) {
        if (product == null || product.dose() == null || product.dose().low() == null) {
            return null;
        }
        Dose d = product.dose();
        Quantity high = d.high() != null ? d.high() : d.low();
        Double volume = d.volume() == null ? null : d.volume().value();
        Double rate = d.rate() == null ? null : d.rate().value();
        if (rate == null && volume != null && d.duration() != null && d.duration().value() > 0) {
            rate = volume / d.duration().value();
        }
        return new DosePlan(d.low().value(), high.value(), d.isPerKilogram(), volume, rate, product.route(),
                DEFAULT_TOLERANCE);
    }

    /** The cells a patient of this weight is to receive, lowest and highest; per kilogram needs the weight. */
    public double[] cellsFor(Double weightKg) {
        if (!perKilogram) {
            return new double[] {low, high};
        }
        if (weightKg == null || !(weightKg > 0) || weightKg > 400) {
            throw new DoseException("the dose is per kilogram, and the patient's baseline weight "
                    + (weightKg == null ? "is not recorded" : weightKg + " kg is not a weight"));
        }
        return new double[] {low * weightKg, high * weightKg};
    }

    /** The cells planned as the protocol writes them: "6×10^7 cells", "1×10^6–2×10^6 cells/kg". */
    public String describeCells() {
        return ScientificNotation.format(low) + (high > low ? "–" + ScientificNotation.format(high) : "")
                + (perKilogram ? " cells/kg" : " cells");
    }

    /** The volume (mL) that holds {@code cells} at a product's concentration (cells per mL). */
    public static double volumeFor(double cells, double cellsPerMl) {
        if (!(cellsPerMl > 0)) {
            throw new DoseException("a concentration of " + cellsPerMl + " cells/mL cannot deliver a dose");
        }
        return cells / cellsPerMl;
    }

    /** How long (minutes) an infusion of this volume takes at the protocol's rate; null without a rate. */
    public Double minutesFor(double volume) {
        return rateMlPerMinute == null ? null : volume / rateMlPerMinute;
    }

    /**
     * What is wrong with an administration against this plan, each as a sentence: cells outside the range (with the
     * tolerance), a volume other than the protocol's, a rate above it, another route. Empty when it conforms. A
     * placebo is checked for volume, rate and route only.
     */
    public List<String> problems(Given given, Double weightKg, boolean placebo) {
        List<String> problems = new ArrayList<>();
        if (!placebo) {
            double[] range = cellsFor(weightKg);
            double min = range[0] * (1 - tolerance);
            double max = range[1] * (1 + tolerance);
            String planned = describeCells() + (perKilogram ? " × " + ScientificNotation.plain(weightKg) + " kg"
                    : "");
            if (given.cells() < min || given.cells() > max) {
                problems.add(cells(given.cells()) + " cells is outside the protocol's " + planned + " (with "
                        + Math.round(tolerance * 100) + " % tolerance: " + cells(min) + " to " + cells(max) + ")");
            }
        } else if (given.cells() > 0) {
            problems.add("a placebo carries no cells, not " + cells(given.cells()));
        }
        problems.addAll(deliveryProblems(given));
        return problems;
    }

    /**
     * What is wrong with how a product was given, whatever it holds: a volume other than the protocol's, a rate above
     * it, another route. Empty when it conforms.
     */
    public List<String> deliveryProblems(Given given) {
        List<String> problems = new ArrayList<>();
        if (volumeMl != null && Math.abs(given.volumeMl() - volumeMl) > volumeMl * tolerance) {
            problems.add(ScientificNotation.plain(given.volumeMl()) + " mL given, the protocol's volume is "
                    + ScientificNotation.plain(volumeMl) + " mL");
        }
        if (rateMlPerMinute != null && given.minutes() != null && given.minutes() > 0) {
            double rate = given.volumeMl() / given.minutes();
            if (rate > rateMlPerMinute * (1 + tolerance)) {
                problems.add(ScientificNotation.plain(Math.round(rate * 100) / 100.0) + " mL/min is faster than the"
                        + " protocol's " + ScientificNotation.plain(rateMlPerMinute) + " mL/min ("
                        + ScientificNotation.plain(given.volumeMl()) + " mL in " + ScientificNotation.plain(
                        Math.round(given.minutes() * 10) / 10.0) + " min; at least "
                        + ScientificNotation.plain(Math.round(given.volumeMl() / rateMlPerMinute * 10) / 10.0)
                        + " min)");
            }
        }
        if (route != null && given.route() != null && given.route() != route) {
            problems.add("given " + given.route().label() + ", the protocol's route is " + route.label());
        }
        return problems;
    }

    /** A cell count as people write it, to three significant digits: 6.6×10^7. */
    private static String cells(double count) {
        return ScientificNotation.format(new java.math.BigDecimal(count).round(new java.math.MathContext(3))
                .doubleValue());
    }

    /** What was given: cells, volume, minutes the infusion took (null when not timed), route. */
    public record Given(double cells, double volumeMl, Double minutes, Route route) {
    }
}
