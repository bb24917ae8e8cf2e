package org.stroma.trial.design;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroma.protocol.Allocation;
import org.stroma.protocol.Arm;
import org.stroma.protocol.CellProduct;
import org.stroma.protocol.Design;
import org.stroma.protocol.Intervention;
import org.stroma.protocol.InterventionModel;
import org.stroma.protocol.Location;
import org.stroma.protocol.Offset;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.TimeUnit;
import org.stroma.trial.dosing.DosePlan;
import org.stroma.trial.randomization.AllocationMethod;
import org.stroma.trial.randomization.AllocationRatio;
import org.stroma.trial.randomization.WilliamsDesign;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * Derives a trial's design from its protocol. What the record states is taken as stated; where it is silent — the
 * ratio, the block sizes, the stratification, the crossover switch when no text gives it — Stroma chooses what such
 * trials usually do and records each choice as an {@link Assumption}. Each arm carries the dose the protocol plans for
 * it ({@link TrialArm#dose}): whoever needs an arm's dose asks the design for it.
 */
public final class DesignReader {
    /** Blocks of one, two or three times the ratio's total (2, 4 and 6 for 1:1), drawn at random. */
    static final List<Integer> BLOCK_MULTIPLES = List.of(1, 2, 3);

    private DesignReader() {
    }

    public static TrialDesign read(Protocol protocol) {
        Design design = protocol.design();
        if (design == null) {
            throw new InvalidInputException("the protocol has no design to run");
        }
        List<Assumption> assumptions = new ArrayList<>();
        List<TrialArm> arms = arms(protocol, assumptions);
        if (arms.isEmpty()) {
            throw new InvalidInputException("the protocol has no arm to allocate to");
        }
        List<String> sites = sites(protocol, assumptions);
        Map<String, ZoneId> zones = zones(protocol, sites, assumptions);
        DesignKind kind = kind(design, arms);
        List<String> groups = kind == DesignKind.CROSSOVER ? WilliamsDesign.lettered(arms.size())
                : arms.stream().map(TrialArm::code).toList();
        AllocationRatio ratio = AllocationRatio.equal(groups);
        AllocationMethod method;
        if (kind == DesignKind.SINGLE_GROUP) {
            method = new AllocationMethod.SingleGroup();
        } else {
            if (design.allocation() != Allocation.RANDOMIZED) {
                assumptions.add(new Assumption("the investigator assigns each patient an arm", "the study is not"
                        + " randomized"));
                return design(protocol, design, kind, arms, ratio, new AllocationMethod.Assigned(), sites, zones,
                        assumptions);
            }
            List<String> strata = sites.size() > 1 ? List.of("site") : List.of();
            method = new AllocationMethod.PermutedBlocks(BLOCK_MULTIPLES, strata);
            assumptions.add(new Assumption("allocation " + ratio, "the registry does not state the ratio"));
            assumptions.add(new Assumption("permuted blocks of " + String.join(", ", BLOCK_MULTIPLES.stream()
                    .map(m -> String.valueOf(m * ratio.total())).toList()) + " patients, sizes drawn at random",
                    "the registry does not state the method", true));
            if (!strata.isEmpty()) {
                assumptions.add(new Assumption("stratified by site (" + sites.size() + " sites)",
                        "a multi-site trial usually is"));
            }
        }
        return design(protocol, design, kind, arms, ratio, method, sites, zones, assumptions);
    }

    private static TrialDesign design(Protocol protocol, Design design, DesignKind kind, List<TrialArm> arms,
            AllocationRatio ratio, AllocationMethod method, List<String> sites, Map<String, ZoneId> zones,
            List<Assumption> assumptions) {
        List<Period> periods = kind == DesignKind.CROSSOVER ? periods(design, arms.size(), assumptions) : List.of();
        String title = protocol.identification() == null ? null : protocol.identification().acronym() != null
                ? protocol.identification().acronym() : protocol.identification().briefTitle();
        Set<org.stroma.protocol.MaskedParty> masked = design.masking() == null ? Set.of()
                : new LinkedHashSet<>(design.masking().whoMasked());
        return new TrialDesign(protocol.identification() == null ? null : protocol.identification().nctId(), title, kind,
                arms, ratio, method, sites, zones, masked, periods, assumptions);
    }

    /**
     * The arms, coded A, B, … in the record's order, with the cell product of the interventions each lists and the
     * dose it plans. An arm that gives cells but lists no cell product of its own is given the trial's (the first
     * arm's that lists one): its products are made as that product's, so they are planned at its dose.
     */
    private static List<TrialArm> arms(Protocol protocol, List<Assumption> assumptions) {
        List<CellProduct> products = new ArrayList<>();
        for (Arm arm : protocol.arms()) {
            CellProduct product = null;
            for (Intervention i : protocol.interventions()) {
                if (arm.links(i) && i.cellProduct() != null && arm.placebo() == null) {
                    product = i.cellProduct();
                }
            }
            products.add(product);
        }
        CellProduct trialProduct = products.stream().filter(p -> p != null).findFirst().orElse(null);
        List<TrialArm> arms = new ArrayList<>();
        for (Arm arm : protocol.arms()) {
            CellProduct product = products.get(arms.size());
            TrialArm unplanned = new TrialArm(String.valueOf((char) ('A' + arms.size())), arm.label(), arm.type(),
                    product, arm.placebo(), null);
            DosePlan dose = unplanned.isPlacebo() ? null : dose(unplanned.code(), product != null ? product
                    : trialProduct, assumptions);
            arms.add(new TrialArm(unplanned.code(), arm.label(), arm.type(), product, arm.placebo(), dose));
        }
        return arms;
    }

    /**
     * The dose a product plans. One that is not a dose (none or fewer cells, a range whose top is below its bottom)
     * plans none, said as an assumption: the design is still read, and the team corrects the record.
     */
    private static DosePlan dose(String arm, CellProduct product, List<Assumption> assumptions) {
        try {
            return DosePlan.of(product);
        } catch (IllegalArgumentException notADose) {
            assumptions.add(new Assumption("arm " + arm + " plans no dose", "the record's dose \""
                    + product.dose() + "\" is not a dose: " + notADose.getMessage()));
            return null;
        }
    }

    private static DesignKind kind(Design design, List<TrialArm> arms) {
        if (arms.size() == 1 || design.interventionModel() == InterventionModel.SINGLE_GROUP) {
            if (arms.size() > 1) {
                throw new InvalidInputException("a single-group study with " + arms.size() + " arms");
            }
            return DesignKind.SINGLE_GROUP;
        }
        return design.interventionModel() == InterventionModel.CROSSOVER ? DesignKind.CROSSOVER : DesignKind.PARALLEL;
    }

    private static List<String> sites(Protocol protocol, List<Assumption> assumptions) {
        List<String> sites = new ArrayList<>();
        for (Location l : protocol.locations()) {
            String name = l.facility() != null ? l.facility() : l.city();
            if (name != null && !sites.contains(name)) {
                sites.add(name);
            }
        }
        if (sites.isEmpty()) {
            sites.add("main site");
            assumptions.add(new Assumption("one site, named \"main site\"", "the record lists no location"));
        }
        return sites;
    }

    /** Each site's time zone, from its location; one the record does not settle is an assumption. */
    private static Map<String, ZoneId> zones(Protocol protocol, List<String> sites, List<Assumption> assumptions) {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        List<String> assumed = new ArrayList<>();
        for (Location l : protocol.locations()) {
            String name = l.facility() != null ? l.facility() : l.city();
            if (name != null && !zones.containsKey(name)) {
                SiteZone z = SiteZone.of(l.country(), l.state());
                zones.put(name, z.zone());
                if (z.assumed()) {
                    assumed.add(name + ": " + z.zone());
                }
            }
        }
        for (String site : sites) {
            if (!zones.containsKey(site)) {
                zones.put(site, ZoneOffset.UTC);
                assumed.add(site + ": " + ZoneOffset.UTC);
            }
        }
        if (!assumed.isEmpty()) {
            assumptions.add(new Assumption("the time zone of " + String.join("; ", assumed), "the record's location"
                    + " does not settle it; a site's days (visits, consents, reporting clocks) are counted in it"));
        }
        return zones;
    }

    /** Period 1 from the first administration; each next period from the switch the record gives. */
    private static List<Period> periods(Design design, int treatments, List<Assumption> assumptions) {
        Offset switchAt = design.crossover() == null ? null : design.crossover().periodTwoStart();
        if (switchAt == null) {
            switchAt = new Offset(24, TimeUnit.WEEK);
            assumptions.add(new Assumption("each period lasts 24 weeks", "the record gives no treatment switch"));
        }
        List<Period> periods = new ArrayList<>();
        for (int p = 0; p < treatments; p++) {
            periods.add(new Period(p + 1, new Offset(switchAt.amount() * p, switchAt.unit())));
        }
        return periods;
    }
}
