package org.stroma.trial.conduct;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.ProductSource;
import org.stroma.trial.ReferencePatients;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.capture.FormLibrary;
import org.stroma.trial.capture.FormPlan;
import org.stroma.trial.design.Assumption;
import org.stroma.trial.design.DesignReader;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.dosing.DosePlan;
import org.stroma.trial.eligibility.ScreeningResult;
import org.stroma.trial.masking.Role;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.DonationNumber;
import org.stroma.trial.product.LotInventory;
import org.stroma.trial.product.ProductKind;
import org.stroma.trial.product.ProductLot;
import org.stroma.trial.product.ReleaseSpecification;
import org.stroma.trial.product.ReleaseTests;
import org.stroma.trial.product.TemperatureLog;
import org.stroma.trial.randomization.RandomSource;
import org.stroma.trial.schedule.ManufacturingLead;
import org.stroma.trial.schedule.PlannedVisit;
import org.stroma.trial.schedule.SchedulePlanner;
import org.stroma.trial.schedule.VisitCalendar;
import org.stroma.trial.subject.Subject;
import org.stroma.trial.subject.SubjectState;

/**
 * Takes subjects of a seed trial through every stage, the same way each time: screening with the seed's reference
 * patient, consent, enrolment, randomization, each period's product from collection (or lot, or placebo) to
 * administration, every visit on its target day, follow-up and completion.
 */
final class Journey {
    static final LocalDate SCREENED = LocalDate.of(2026, 6, 1);
    static final double WEIGHT_KG = 70;
    private static final ReleaseTests CELLS_PASS = new ReleaseTests(91.0, 2e8, ReleaseTests.Finding.NEGATIVE,
            ReleaseTests.Finding.NEGATIVE, 0.1, Map.of("CD73", 99.0, "CD90", 98.5, "CD105", 97.0, "CD45", 0.4, "CD34",
            0.2, "CD14", 0.3, "CD19", 0.1, "HLA-DR", 0.8));
    private static final ReleaseTests PLACEBO_PASS = new ReleaseTests(null, null, ReleaseTests.Finding.NEGATIVE,
            ReleaseTests.Finding.NEGATIVE, 0.05, Map.of());

    final String seed;
    final Protocol protocol;
    final TrialConduct conduct;
    /** Looks at a product after each step of its chain (a test of what the bedside would be told then). */
    java.util.function.Consumer<String> afterEachStep = product -> { };
    private int labels;

    Journey(String seed, long randomSeed) {
        this.seed = seed;
        this.protocol = TrialFixtures.protocol(seed);
        TrialDesign design = DesignReader.read(protocol);
        List<Assumption> assumptions = new ArrayList<>(design.assumptions());
        LotInventory lots = new LotInventory();
        lots.add(new ProductLot("LOT-1", "D-0001", 200, 1.1e8, true, SCREENED.plusYears(2)));
        List<PlannedVisit> schedule = SchedulePlanner.plan(protocol, design, assumptions);
        this.conduct = new TrialConduct(design, schedule, RandomSource.seeded(randomSeed),
                ReleaseSpecification.isctDefaults(), lots, FormPlan.casebook(schedule, protocol,
                FormLibrary.standard()));
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    /** Screens the subject with the seed's reference patient, then consent, enrolment and randomization. */
    Subject enrol(String id, LocalDate day) {
        String site = conduct.design().sites().get(0);
        conduct.addCandidate(id, site);
        PatientRecord record = ReferencePatients.eligible(seed, id, day).build();
        ScreeningResult screening = TrialFixtures.screening(seed).screen(record, day);
        conduct.screen(id, record, screening.verdict(), EligibilityReview.of(screening), at(day, 9), "coordinator");
        conduct.consent(id, conduct.consentForm(), at(day, 10), "investigator", at(day, 10), "investigator");
        conduct.move(id, SubjectState.ENROLLED, at(day, 11), "investigator", null);
        return conduct.randomize(id, Map.of(), WEIGHT_KG, at(day, 12), "investigator");
    }

    /**
     * The product of one period from its collection to the vein, worked back from the day it is given by the
     * protocol's manufacturing lead. Every product takes the same days, whatever it is, so that nothing about it shows
     * in its timing.
     */
    void treat(String id, int period, LocalDate given) {
        String product = conduct.products(id).get(period - 1);
        boolean placebo = conduct.productView(product, Role.CELL_LAB, "lab").kind() == ProductKind.PLACEBO;
        TrialDesign d = conduct.design();
        ProductSource source = d.product().source();
        DosePlan plan = DosePlan.of(d.product());
        ManufacturingLead lead = ManufacturingLead.of(d.product());
        LocalDate from = given.minusDays(lead.cultureDays() + lead.deliveryDays());
        LocalDate made = from.plusDays(lead.cultureDays());
        // in a masked autologous trial marrow is taken for every product, placebo too, so that all are alike
        if (source == ProductSource.AUTOLOGOUS) {
            step(product, new CustodyEvent.Collected(id, "bone marrow", 80, at(from, 8), "haematologist"));
            step(product, new CustodyEvent.ReceivedAtLab(at(from, 12), "lab"));
        }
        if (placebo) {
            step(product, new CustodyEvent.PlaceboPrepared(d.arms().stream().filter(a -> a.isPlacebo())
                    .findFirst().orElseThrow().placebo().composition(), at(made, 9), "lab"));
            step(product, new CustodyEvent.Tested(PLACEBO_PASS, at(made, 15), "lab"));
        } else if (source == ProductSource.ALLOGENEIC) {
            step(product, new CustodyEvent.IssuedFromLot("LOT-1", 1, at(made, 9), "pharmacist"));
            step(product, new CustodyEvent.ReceivedAtLab(at(made, 11), "lab"));
            step(product, new CustodyEvent.Tested(CELLS_PASS, at(made, 15), "lab"));
        } else {
            step(product, new CustodyEvent.CultureStarted(at(from, 14), "lab"));
            step(product, new CustodyEvent.Passaged(1, at(from.plusDays(lead.cultureDays() / 2), 10),
                    "lab"));
            step(product, new CustodyEvent.Harvested(2.1e8, at(made, 9), "lab"));
            step(product, new CustodyEvent.Tested(CELLS_PASS, at(made, 15), "lab"));
        }
        step(product, new CustodyEvent.Released(at(made.plusDays(1), 9), "qualified person"));
        DonationNumber din = new DonationNumber("S0001", 26, ++labels, "00");
        step(product, new CustodyEvent.Labelled(din, at(made.plusDays(1), 10), "lab"));
        step(product, new CustodyEvent.Shipped(conduct.subject(id).site(), new TemperatureLog(List.of(
                new TemperatureLog.Reading(at(given, 6), 4.5), new TemperatureLog.Reading(at(given, 7), 5.0)), 2, 8),
                at(given, 5), "courier"));
        step(product, new CustodyEvent.BedsideVerified(id, din.toString(), at(given, 9), "nurse"));
        double volume = plan.volumeMl() != null ? plan.volumeMl() : 10;
        double minutes = plan.minutesFor(volume) != null ? plan.minutesFor(volume) : 30;
        double cells = placebo ? 0 : plan.cellsFor(WEIGHT_KG)[0];
        Instant start = at(given, 10);
        step(product, new CustodyEvent.Administered(new DosePlan.Given(cells, volume, minutes, plan.route()),
                start, start.plus(Duration.ofMinutes(Math.round(minutes))), "investigator"));
    }

    private void step(String product, CustodyEvent event) {
        conduct.custody(product, event);
        afterEachStep.accept(product);
    }

    /** The whole way: products of every period, each given on its planned day, every visit on its day, completion. */
    Subject complete(String id) {
        LocalDate firstGiven = null;
        for (int period = 1; period <= conduct.products(id).size(); period++) {
            // each period's day comes from the calendar: the first from randomization, a later one once the first
            // product is given
            LocalDate given = conduct.calendar(id).visit(SchedulePlanner.administration(period)).target();
            treat(id, period, given);
            if (period == 1) {
                firstGiven = given;
                conduct.move(id, SubjectState.IN_FOLLOW_UP, at(given, 18), "investigator", null);
            }
        }
        VisitCalendar calendar = conduct.calendar(id);
        for (VisitCalendar.Visit v : calendar.visits()) {
            if (v.done() == null) {
                LocalDate day = v.plan().name().equals("Baseline") ? firstGiven.minusDays(1) : v.target();
                conduct.recordVisit(id, v.plan().name(), day);
            }
        }
        LocalDate last = calendar.visits().stream().map(VisitCalendar.Visit::target).max(LocalDate::compareTo)
                .orElseThrow();
        return conduct.move(id, SubjectState.COMPLETED, at(last, 17), "investigator", null);
    }

    ProductKind kind(String product) {
        return conduct.productView(product, Role.CELL_LAB, "lab").kind();
    }
}
