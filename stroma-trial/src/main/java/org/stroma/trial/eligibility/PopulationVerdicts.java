package org.stroma.trial.eligibility;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.eligibility.compile.CompiledCriterion;

/**
 * What a {@link ScreeningProgram} found for a population: each patient's verdict for each trial, and each criterion's,
 * as bits. The criteria that rule a patient out and those left open are listed on demand, and a patient's full
 * screening — reasons and evidence — is made by {@link Screening} when someone looks ({@link #explain}).
 */
public final class PopulationVerdicts {
    private final FactColumns population;
    private final LocalDate date;
    private final List<Trial> trials;

    PopulationVerdicts(FactColumns population, LocalDate date, List<Trial> trials) {
        this.population = population;
        this.date = date;
        this.trials = List.copyOf(trials);
    }

    /** One trial's verdicts: each criterion's, and which patients a criterion rules out or leaves open. */
    static final class Trial {
        private final Screening screening;
        private final Map<String, VerdictBits> byCriterion = new HashMap<>();
        private final long[] failing;
        private final long[] open;

        Trial(Screening screening, List<CompiledCriterion> criteria, List<VerdictBits> verdicts, int size) {
            this.screening = screening;
            for (int c = 0; c < criteria.size(); c++) {
                byCriterion.put(criteria.get(c).id(), verdicts.get(c));
            }
            int words = VerdictBits.words(size);
            failing = new long[words];
            open = new long[words];
            // as Screening decides: a top-level criterion by itself, a group of alternatives by any of its members
            for (CompiledCriterion c : criteria) {
                if (!screening.nested(c.id()) && !screening.inGroup(c.id())) {
                    VerdictBits v = byCriterion.get(c.id());
                    add(failing, v.where(c.kind() == CriterionKind.INCLUSION ? Verdict.NOT_MET : Verdict.MET));
                    add(open, v.where(Verdict.UNKNOWN));
                }
            }
            for (List<String> group : screening.eligibility().alternatives()) {
                VerdictBits any = VerdictBits.constant(size, Verdict.NOT_MET);
                for (String id : group) {
                    // a member the trial does not have is unknown, as Screening has it
                    any = any.or(byCriterion.getOrDefault(id, VerdictBits.constant(size, Verdict.UNKNOWN)));
                }
                add(failing, any.where(Verdict.NOT_MET));
                add(open, any.where(Verdict.UNKNOWN));
            }
        }

        private static void add(long[] into, long[] bits) {
            for (int w = 0; w < into.length; w++) {
                into[w] |= bits[w];
            }
        }

        PatientVerdict verdict(int p) {
            long bit = 1L << p;
            return (failing[p >>> 6] & bit) != 0 ? PatientVerdict.INELIGIBLE
                    : (open[p >>> 6] & bit) != 0 ? PatientVerdict.INCOMPLETE : PatientVerdict.ELIGIBLE;
        }
    }

    public int size() {
        return population.size();
    }

    public LocalDate date() {
        return date;
    }

    /** The trials screened, by registry id, in the program's order. */
    public List<String> trials() {
        return trials.stream().map(t -> t.screening.eligibility().trial()).toList();
    }

    public PatientVerdict verdict(int trial, int patient) {
        return trials.get(trial).verdict(Objects.checkIndex(patient, size()));
    }

    /** A criterion's verdict for a patient (nested criteria too). */
    public Verdict criterion(int trial, String criterionId, int patient) {
        VerdictBits v = trials.get(trial).byCriterion.get(criterionId);
        if (v == null) {
            throw new IllegalArgumentException("trial " + trials().get(trial) + " has no criterion " + criterionId);
        }
        return v.get(Objects.checkIndex(patient, size()));
    }

    /** The criteria that rule the patient out of the trial, as {@link ScreeningResult#failing} lists them. */
    public List<String> failing(int trial, int patient) {
        return outcome(trial, patient).failing();
    }

    /** The criteria left open for the patient, as {@link ScreeningResult#open} lists them. */
    public List<String> open(int trial, int patient) {
        return outcome(trial, patient).open();
    }

    private Screening.Outcome outcome(int trial, int patient) {
        Trial t = trials.get(trial);
        Objects.checkIndex(patient, size());
        return t.screening.outcome(id -> t.byCriterion.containsKey(id) ? t.byCriterion.get(id).get(patient)
                : Verdict.UNKNOWN);
    }

    /** The patient's screening for the trial with every reason and piece of evidence, made now by {@link Screening}. */
    public ScreeningResult explain(int trial, int patient) {
        return trials.get(trial).screening.screen(population.patient(patient), date);
    }

    /** How many patients have each verdict for the trial. */
    public Map<PatientVerdict, Long> count(int trial) {
        Trial t = trials.get(trial);
        Map<PatientVerdict, Long> counts = new EnumMap<>(PatientVerdict.class);
        long ineligible = 0;
        long incomplete = 0;
        for (int w = 0; w < t.failing.length; w++) {
            ineligible += Long.bitCount(t.failing[w]);
            incomplete += Long.bitCount(t.open[w] & ~t.failing[w]);
        }
        counts.put(PatientVerdict.ELIGIBLE, size() - ineligible - incomplete);
        counts.put(PatientVerdict.INCOMPLETE, incomplete);
        counts.put(PatientVerdict.INELIGIBLE, ineligible);
        return counts;
    }
}
