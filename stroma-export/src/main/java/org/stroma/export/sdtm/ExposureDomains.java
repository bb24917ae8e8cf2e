package org.stroma.export.sdtm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.stroma.export.ExportSource;
import org.stroma.protocol.CellProduct;
import org.stroma.protocol.Coded;
import org.stroma.trial.conduct.ProductView;
import org.stroma.trial.product.ProductKind;
import org.stroma.trial.schedule.SchedulePlanner;

/**
 * EC and EX: one row per administration. EC is the exposure as the bedside collected it — the volume in mL, the route,
 * when the infusion started and stopped — and names the treatment BLINDED, with the subject's kit code as ECREFID,
 * where the export withholds the arm. EX is the treatment itself, cells or placebo, with the dose in cells (a placebo
 * gives none) and, in SUPPEX, in cells per kilogram of the weight it was computed from: only an unblinded export has
 * them, since the cells tell the arm.
 */
final class ExposureDomains {
    static final String BLINDED = "BLINDED";
    static final String PLACEBO = "PLACEBO";
    private static final List<String> EC = List.of("STUDYID", "DOMAIN", "USUBJID", "ECSEQ", "ECREFID", "ECTRT",
            "ECMOOD", "ECDOSE", "ECDOSU", "ECDOSFRM", "ECROUTE", "VISITNUM", "VISIT", "EPOCH", "ECSTDTC", "ECENDTC",
            "ECSTDY", "ECENDY");
    private static final List<String> EX = List.of("STUDYID", "DOMAIN", "USUBJID", "EXSEQ", "EXREFID", "EXTRT",
            "EXDOSE", "EXDOSU", "EXDOSFRM", "EXROUTE", "VISITNUM", "VISIT", "EPOCH", "EXSTDTC", "EXENDTC", "EXSTDY",
            "EXENDY");
    private static final List<String> SUPP = List.of("STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM",
            "QLABEL", "QVAL", "QORIG");

    private ExposureDomains() {
    }

    static List<Dataset> of(ExportSource source, List<SubjectTimeline> subjects, Visits visits) {
        String study = source.design().trial();
        DatasetBuilder ec = new DatasetBuilder("EC", "Exposure as Collected", SdtmClass.INTERVENTIONS,
                "One record per administration per subject",
                VariableCatalog.of("EC", EC, List.of("STUDYID", "USUBJID", "ECTRT", "ECSTDTC", "ECSEQ")));
        DatasetBuilder ex = new DatasetBuilder("EX", "Exposure", SdtmClass.INTERVENTIONS,
                "One record per administration per subject",
                VariableCatalog.of("EX", EX, List.of("STUDYID", "USUBJID", "EXTRT", "EXSTDTC", "EXSEQ")));
        DatasetBuilder suppex = new DatasetBuilder("SUPPEX", "Supplemental Qualifiers for EX",
                SdtmClass.RELATIONSHIP, "One record per IDVAR, IDVARVAL, and QNAM value per subject",
                VariableCatalog.of("SUPPEX", SUPP, List.of("STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL",
                        "QNAM")));
        for (SubjectTimeline t : subjects) {
            String id = t.subject().id();
            String usubjid = Identifiers.usubjid(study, id);
            String kit = source.view(id).kitCode();
            List<ProductView> products = source.products(id);
            Double weight = source.baselineWeightKg(id);
            int exSeq = 0; // as the builder numbers EXSEQ: the subject's rows in order
            for (ExportSource.Administration a : t.administrations()) {
                String visit = SchedulePlanner.administration(a.period());
                ProductKind kind = products.stream().filter(p -> p.product().equals(a.product()))
                        .map(ProductView::kind).filter(Objects::nonNull).findFirst().orElse(null);
                String treatment = kind == null ? BLINDED : kind == ProductKind.PLACEBO ? PLACEBO
                        : productName(source.design().product());
                Map<String, Object> row = ec.row();
                common(row, study, "EC", usubjid, kit, treatment, t, a, visits.number(visit), visit);
                row.put("ECMOOD", "PERFORMED");
                row.put("ECDOSE", a.volumeMl());
                row.put("ECDOSU", "mL");
                if (kind == null || a.cells() == null) {
                    continue; // the treatment is withheld, and with it EX
                }
                Map<String, Object> given = ex.row();
                exSeq++;
                common(given, study, "EX", usubjid, kit, treatment, t, a, visits.number(visit), visit);
                double cells = Double.isNaN(a.cells()) ? 0 : a.cells();
                given.put("EXDOSE", kind == ProductKind.PLACEBO ? 0.0 : cells);
                given.put("EXDOSU", "cells");
                if (weight != null && weight > 0) {
                    Map<String, Object> perKg = suppex.row();
                    perKg.put("STUDYID", study);
                    perKg.put("RDOMAIN", "EX");
                    perKg.put("USUBJID", usubjid);
                    perKg.put("IDVAR", "EXSEQ");
                    perKg.put("IDVARVAL", String.valueOf(exSeq));
                    perKg.put("QNAM", "EXDOSKG");
                    perKg.put("QLABEL", "Dose in cells/kg of baseline weight");
                    perKg.put("QVAL", String.valueOf(Math.round((kind == ProductKind.PLACEBO ? 0.0 : cells) / weight)));
                    perKg.put("QORIG", "Derived");
                }
            }
        }
        List<Dataset> datasets = new ArrayList<>(List.of(ec.build()));
        if (!source.blinded()) {
            datasets.add(ex.build());
            datasets.add(suppex.build());
        }
        return datasets;
    }

    private static void common(Map<String, Object> row, String study, String domain, String usubjid, String kit,
            String treatment, SubjectTimeline t, ExportSource.Administration a, Integer visitNumber, String visit) {
        row.put("STUDYID", study);
        row.put("DOMAIN", domain);
        row.put("USUBJID", usubjid);
        row.put(domain + "REFID", kit);
        row.put(domain + "TRT", treatment);
        row.put(domain + "DOSFRM", "SUSPENSION");
        row.put(domain + "ROUTE", a.route() == null ? null : a.route().label().toUpperCase(Locale.ROOT));
        row.put("VISITNUM", visitNumber);
        row.put("VISIT", visit);
        row.put("EPOCH", t.epoch(t.day(a.start()), visit));
        row.put(domain + "STDTC", t.dateTime(a.start()));
        row.put(domain + "ENDTC", t.dateTime(a.stop()));
        row.put(domain + "STDY", t.studyDay(t.day(a.start())));
        row.put(domain + "ENDY", t.studyDay(t.day(a.stop())));
    }

    /** The cell product as EXTRT names it: "AUTOLOGOUS BONE MARROW MESENCHYMAL STROMAL CELLS". */
    static String productName(CellProduct product) {
        if (product == null) {
            return "CELLS";
        }
        return Stream.of(product.source(), product.tissue(), product.cellType()).filter(Objects::nonNull)
                .map(c -> ((Coded) c).label().toUpperCase(Locale.ROOT)).collect(Collectors.joining(" "));
    }
}
