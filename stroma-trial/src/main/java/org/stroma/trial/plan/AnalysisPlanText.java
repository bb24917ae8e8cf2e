package org.stroma.trial.plan;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** An analysis plan as a document a statistician reads, edits and signs (Markdown). */
public final class AnalysisPlanText {
    private AnalysisPlanText() {
    }

    public static String markdown(AnalysisPlan plan) {
        StringBuilder md = new StringBuilder();
        md.append("# Statistical analysis plan: ").append(plan.title()).append(" (").append(plan.trial())
                .append(")\n\n").append(plan.version() == 0 ? "A draft derived from the registered outcome measures,"
                        + " not yet saved" : "Version " + plan.version()).append(". The trial statistician reviews and"
                        + " edits it, and signs it before the data are unblinded; it is frozen at database lock.\n\n");
        if (!plan.openQuestions().isEmpty()) {
            md.append("## To decide before signing\n\n");
            plan.openQuestions().forEach(q -> md.append("- ").append(q).append('\n'));
            md.append('\n');
        }
        md.append("## Endpoints\n\n| endpoint | variable | compared at | population | analysis |\n|---|---|---|---|---|\n");
        for (Endpoint e : plan.endpoints()) {
            md.append("| ").append(e.id()).append(' ').append(rank(e)).append(" | ").append(cell(e.variable()))
                    .append(" | ").append(cell(e.timePoints().isEmpty() ? "—" : String.join(", ", e.timePoints().stream()
                            .map(Object::toString).toList())))
                    .append(" | ").append(name(e.population())).append(" | ").append(cell(e.method().label()))
                    .append(" |\n");
        }
        md.append("\n## Multiplicity\n\n").append(plan.multiplicity()).append("\n\n## Populations\n\n");
        Set<Population> used = EnumSet.noneOf(Population.class);
        plan.endpoints().forEach(e -> used.add(e.population()));
        if (used.contains(Population.INTENTION_TO_TREAT)) {
            used.add(Population.PER_PROTOCOL);
        }
        used.forEach(p -> md.append("- **").append(name(p)).append("**: ").append(p.definition()).append('\n'));
        for (Endpoint e : plan.endpoints()) {
            md.append("\n## ").append(e.id()).append(": ").append(e.variable()).append("\n\n");
            md.append(e.registeredMeasure() == null ? "- Not registered: written by the statistician (" : "- Registered"
                    + " as: " + e.registeredMeasure() + " [" + e.registeredTimeFrame() + "] (").append(e.rank().label()
                    .toLowerCase(Locale.ROOT)).append(")\n");
            if (e.item() != null) {
                md.append("- Captured as: item `").append(e.item()).append("` of form `").append(e.form()).append("`\n");
            }
            md.append("- Analysis: ").append(e.method().label());
            if (e.method().command() != null) {
                md.append(" (`stroma analyse --method ").append(e.method().command()).append("`)");
            }
            md.append(e.rationale() == null ? "" : ", because " + e.rationale()).append('\n');
            md.append("- Covariates: ").append(e.covariates().isEmpty() ? "none" : String.join(", ", e.covariates()))
                    .append('\n');
            md.append("- Missing data: ").append(e.missingData()).append('\n');
            Estimand s = e.estimand();
            md.append("- Estimand: treatment ").append(s.treatment()).append("; population: ").append(s.population())
                    .append("; variable: ").append(s.variable()).append("; intercurrent events: ")
                    .append(s.intercurrentEvents()).append("; summary: ").append(s.summaryMeasure()).append('\n');
            e.supportive().forEach(x -> md.append("- Supportive: ").append(x).append('\n'));
            e.openQuestions().forEach(q -> md.append("- **To decide**: ").append(q).append('\n'));
        }
        return md.toString();
    }

    private static String rank(Endpoint e) {
        return switch (e.rank()) {
            case PRIMARY -> "(primary)";
            case SECONDARY -> "(secondary)";
            case OTHER -> "(other)";
        };
    }

    private static String name(Population p) {
        return p.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
