package org.stroma.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.stroma.protocol.Arm;
import org.stroma.protocol.CellProduct;
import org.stroma.protocol.Coded;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.Design;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.Intervention;
import org.stroma.protocol.Location;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.OutcomeKind;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.StudyStatus;
import org.stroma.protocol.registry.ImportReport;
import org.stroma.protocol.registry.ImportedRecord;

/** The human summary of an imported record: what the study is, and what a person should review. */
final class ImportSummary {
    private ImportSummary() {
    }

    static String render(Path file, ImportedRecord record) {
        Protocol p = record.protocol();
        StringBuilder s = new StringBuilder();
        String acronym = p.identification().acronym() == null ? "" : p.identification().acronym() + " — ";
        s.append(p.identification().nctId()).append("  ").append(acronym).append(p.identification().briefTitle())
                .append('\n');
        line(s, "Source", file.getFileName() + " (" + record.format().description() + ")");
        StudyStatus status = p.status();
        if (status != null) {
            line(s, "Status", label(status.overallStatus()) + (status.start() == null ? ""
                    : "; start " + status.start()) + (status.primaryCompletion() == null ? ""
                    : "; primary completion " + status.primaryCompletion()));
        }
        if (p.sponsorship() != null && p.sponsorship().leadSponsor() != null) {
            line(s, "Sponsor", p.sponsorship().leadSponsor().name());
        }
        Design d = p.design();
        if (d != null) {
            String phases = d.phases().stream().map(Coded::label).collect(Collectors.joining("/"));
            String masking = d.masking() == null ? "masking not stated" : "masking " + label(d.masking().level())
                    + (d.masking().whoMasked().isEmpty() ? "" : " (" + d.masking().whoMasked().stream()
                    .map(Coded::label).collect(Collectors.joining(", ")) + ")");
            line(s, "Design", String.join(", ", List.of(label(d.studyType()), phases.isEmpty() ? "phase not stated"
                    : phases, label(d.allocation()), label(d.interventionModel()), masking, label(d.primaryPurpose()))));
            if (d.crossover() != null) {
                line(s, "Crossover", "treatments switch at " + d.crossover().periodTwoStart());
            }
            if (d.enrollment() != null) {
                line(s, "Enrollment", d.enrollment().count() + (d.enrollment().type() == null ? ""
                        : " (" + d.enrollment().type().label().toLowerCase(Locale.ROOT) + ")"));
            }
        }
        if (!p.arms().isEmpty()) {
            s.append("  Arms:\n");
            for (Arm arm : p.arms()) {
                s.append("    ").append(label(arm.type())).append(": ").append(arm.label());
                if (arm.placebo() != null) {
                    s.append("  [placebo: ").append(arm.placebo().composition() == null ? "composition not stated"
                            : arm.placebo().composition()).append(']');
                }
                s.append('\n');
                for (Intervention i : p.interventionsOf(arm)) {
                    s.append("      ").append(i.reference());
                    CellProduct c = i.cellProduct();
                    if (c != null) {
                        s.append("  [").append(product(c)).append(']');
                    }
                    s.append('\n');
                }
            }
        }
        if (!p.outcomes().isEmpty()) {
            s.append("  Outcomes: ").append(p.outcomes(OutcomeKind.PRIMARY).size()).append(" primary, ")
                    .append(p.outcomes(OutcomeKind.SECONDARY).size()).append(" secondary")
                    .append(p.outcomes(OutcomeKind.OTHER).isEmpty() ? "" : ", " + p.outcomes(OutcomeKind.OTHER).size()
                            + " other").append('\n');
            for (Outcome o : p.outcomes()) {
                s.append("    ").append(o.kind().name().charAt(0)).append("  ").append(o.measure()).append(" — ")
                        .append(o.timeFrame() == null ? o.timeFrameText() : o.timeFrame()).append('\n');
            }
        }
        Eligibility e = p.eligibility();
        if (e != null) {
            String ages = (e.minimumAge() == null ? "no minimum age" : e.minimumAge().toString()) + " to "
                    + (e.maximumAge() == null ? "no maximum age" : e.maximumAge().toString());
            line(s, "Eligibility", ages + ", " + label(e.sex()).toLowerCase(Locale.ROOT) + " sexes"
                    + (Boolean.TRUE.equals(e.healthyVolunteers()) ? ", healthy volunteers accepted" : "")
                    + "; " + count(e.inclusion()) + " inclusion and " + count(e.exclusion()) + " exclusion criteria");
        }
        if (!p.locations().isEmpty()) {
            line(s, "Sites", p.locations().size() + " (" + p.locations().stream().map(Location::country).distinct()
                    .map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        ImportReport report = record.report();
        if (report.needsReview()) {
            s.append("  To review: ").append(report.inferred().size()).append(" inferred, ")
                    .append(report.missing().size()).append(" missing, ").append(report.warnings().size())
                    .append(" warnings\n");
            report.inferred().forEach(i -> s.append("    inferred  ").append(i.field()).append(" — ").append(i.note())
                    .append('\n'));
            report.missing().forEach(i -> s.append("    missing   ").append(i.field()).append(" — ").append(i.note())
                    .append('\n'));
            report.warnings().forEach(w -> s.append("    warning   ").append(w).append('\n'));
        }
        return s.toString();
    }

    private static String product(CellProduct c) {
        StringBuilder s = new StringBuilder();
        if (c.source() != null) {
            s.append(c.source().label()).append(' ');
        }
        if (c.tissue() != null) {
            s.append(c.tissue().label()).append(' ');
        }
        s.append(c.cellType() == null ? "cells" : c.cellType().label());
        if (c.dose() != null) {
            s.append(", ").append(c.dose());
        }
        if (c.route() != null) {
            s.append(", ").append(c.route().label());
        }
        if (c.cultureDays() != null) {
            s.append(", cultured ").append(c.cultureDays()).append(" days");
        }
        return s.toString();
    }

    private static int count(List<Criterion> criteria) {
        return criteria.size();
    }

    private static String label(Coded value) {
        return value == null ? "not stated" : value.label();
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append("  ").append(label).append(": ").append(value).append('\n');
    }
}
