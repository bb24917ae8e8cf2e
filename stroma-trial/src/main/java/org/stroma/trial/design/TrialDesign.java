package org.stroma.trial.design;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroma.protocol.CellProduct;
import org.stroma.protocol.MaskedParty;
import org.stroma.trial.dosing.DosePlan;
import org.stroma.trial.randomization.AllocationMethod;
import org.stroma.trial.randomization.AllocationRatio;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * A trial's design as Stroma runs it, derived from its protocol: the arms; what a patient is allocated to (an arm,
 * or for a crossover a sequence of arms such as AB) in which ratio and by which method; the sites (the strata of a
 * multi-site trial) and the time zone each keeps; who is masked; the crossover's periods; and the assumptions made
 * where the record is silent.
 */
public record TrialDesign(
        String trial,
        String title,
        DesignKind kind,
        List<TrialArm> arms,
        AllocationRatio ratio,
        AllocationMethod method,
        List<String> sites,
        Map<String, ZoneId> zones,
        Set<MaskedParty> masked,
        List<Period> periods,
        List<Assumption> assumptions) {

    public TrialDesign {
        arms = List.copyOf(arms);
        sites = List.copyOf(sites);
        zones = Map.copyOf(zones);
        // in the registry's order of the parties, so that the design reads the same every time
        java.util.EnumSet<MaskedParty> ordered = java.util.EnumSet.noneOf(MaskedParty.class);
        ordered.addAll(masked);
        masked = java.util.Collections.unmodifiableSet(ordered);
        periods = List.copyOf(periods);
        assumptions = List.copyOf(assumptions);
    }

    /** The time zone a site keeps (UTC for one the design does not know). */
    public ZoneId zoneOf(String site) {
        return zones.getOrDefault(site, ZoneOffset.UTC);
    }

    public TrialArm arm(String code) {
        return arms.stream().filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidInputException("trial " + trial + " has no arm " + code));
    }

    /** The arms a patient allocated to a group receives, in order: one arm, or a crossover sequence's arms. */
    public List<TrialArm> armsOf(String group) {
        if (kind != DesignKind.CROSSOVER) {
            return List.of(arm(group));
        }
        return group.chars().mapToObj(c -> arm(String.valueOf((char) c))).toList();
    }

    /** The cell product the trial administers (the first arm that gives cells). */
    public CellProduct product() {
        return arms.stream().map(TrialArm::product).filter(p -> p != null).findFirst().orElse(null);
    }

    /**
     * The plan every product of the trial is made and given by, placebo included: the dose of the trial's cell
     * product. One plan for all, so that in a masked trial every product's label, volume and timeline read alike and
     * a placebo is given like the cells — in their volume, at their rate, by their route. Null when the record gives
     * no dose, or one that is not a dose. A trial whose cell arms plan different doses still has its products made to
     * this one: the report's dose comparison, which holds each product against its own arm's {@link TrialArm#dose},
     * shows it.
     */
    public DosePlan productPlan() {
        CellProduct cells = product();
        // the plan read with the arms: a dose that is not one was said as an assumption there, and plans none here
        return arms.stream().filter(a -> a.product() == cells && cells != null).findFirst().map(TrialArm::dose)
                .orElse(null);
    }

    public boolean isMasked() {
        return !masked.isEmpty();
    }
}
