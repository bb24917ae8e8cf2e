package org.stroma.export.sdtm;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stroma.export.ExportSource;
import org.stroma.protocol.CellProduct;
import org.stroma.protocol.Route;
import org.stroma.trial.conduct.ProductView;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.LedgerEntry;
import org.stroma.trial.schedule.SchedulePlanner;

/**
 * PR: the procedures the product chain records on the subject. The collection of the subject's own tissue (a bone
 * marrow aspiration) is a step of the cell lab's chain, which the masking withholds from a blinded role with every
 * other lab step — a placebo's chain need not have one — so only an unblinded export has it. The catheterization an
 * administration needs (intracoronary or intra-arterial, or a delivery device that is a catheter or works through one)
 * is seen by all: it is the bedside's, the same in every arm.
 */
final class ProceduresDomain {
    private static final List<String> VARIABLES = List.of("STUDYID", "DOMAIN", "USUBJID", "PRSEQ", "PRREFID", "PRTRT",
            "PRCAT", "VISITNUM", "VISIT", "EPOCH", "PRSTDTC", "PRSTDY");

    private ProceduresDomain() {
    }

    static Dataset of(ExportSource source, List<SubjectTimeline> subjects, Visits visits) {
        String study = source.design().trial();
        DatasetBuilder pr = new DatasetBuilder("PR", "Procedures", SdtmClass.INTERVENTIONS,
                "One record per procedure per subject",
                VariableCatalog.of("PR", VARIABLES, List.of("STUDYID", "USUBJID", "PRTRT", "PRSTDTC", "PRSEQ")));
        boolean catheter = byCatheter(source.design().product());
        for (SubjectTimeline t : subjects) {
            String id = t.subject().id();
            for (ProductView p : source.products(id)) {
                for (LedgerEntry e : source.custody(p.product())) {
                    if (e.accepted() && e.event() instanceof CustodyEvent.Collected c) {
                        add(pr, study, t, p.product(), collection(c.tissue()), "CELL COLLECTION", c.at(), null,
                                null);
                    }
                }
            }
            for (ExportSource.Administration a : t.administrations()) {
                if (catheter || a.route() == Route.INTRACORONARY || a.route() == Route.INTRA_ARTERIAL) {
                    String visit = SchedulePlanner.administration(a.period());
                    String what = a.route() == null ? "CATHETERIZATION" : "CATHETERIZATION FOR "
                            + a.route().label().toUpperCase(Locale.ROOT) + " ADMINISTRATION";
                    add(pr, study, t, a.product(), what, "ADMINISTRATION PROCEDURE", a.start(), visits.number(visit),
                            visit);
                }
            }
        }
        return pr.build();
    }

    /**
     * Whether the product reaches the heart through a catheter whatever its route: a delivery device that is one, or an
     * electromechanical mapping system (NOGA), which injects through the endocardium from a catheter.
     */
    private static boolean byCatheter(CellProduct product) {
        if (product == null || product.deliveryDevice() == null) {
            return false;
        }
        String device = product.deliveryDevice().toLowerCase(Locale.ROOT);
        return device.contains("catheter") || device.contains("noga") || device.contains("mapping system");
    }

    private static String collection(String tissue) {
        String t = tissue == null ? "TISSUE" : tissue.toUpperCase(Locale.ROOT);
        return t.equals("BONE MARROW") ? "BONE MARROW ASPIRATION" : t + " COLLECTION";
    }

    private static void add(DatasetBuilder pr, String study, SubjectTimeline t, String product, String treatment,
            String category, Instant at, Integer visitNumber, String visit) {
        Map<String, Object> row = pr.row();
        row.put("STUDYID", study);
        row.put("DOMAIN", "PR");
        row.put("USUBJID", Identifiers.usubjid(study, t.subject().id()));
        row.put("PRREFID", product);
        row.put("PRTRT", treatment);
        row.put("PRCAT", category);
        row.put("VISITNUM", visitNumber);
        row.put("VISIT", visit);
        row.put("EPOCH", t.epoch(t.day(at), visit));
        row.put("PRSTDTC", t.dateTime(at));
        row.put("PRSTDY", t.studyDay(t.day(at)));
    }
}
