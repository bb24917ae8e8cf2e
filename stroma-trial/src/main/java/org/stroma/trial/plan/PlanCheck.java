package org.stroma.trial.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.stroma.protocol.OutcomeKind;

/**
 * What is wrong with an analysis plan as a statistician edited it, endpoint by endpoint, so that a plan saved can be
 * run as written: each endpoint named once, with its rank, type, population, variable, handling of missing data and
 * whole estimand, and a method that analyses its kind of variable, reading a captured item and a time point where the
 * method needs them. And what still stands in the way of
 * signing it: a plan is signed only when its primary endpoints are decided.
 */
public final class PlanCheck {
    private PlanCheck() {
    }

    /** The problems that keep a revision from being saved; none when it can be. */
    public static List<String> problems(AnalysisPlan plan, String trial) {
        List<String> problems = new ArrayList<>();
        if (!trial.equals(plan.trial())) {
            problems.add("the plan is of trial " + plan.trial() + ", not of " + trial);
        }
        Set<String> ids = new HashSet<>();
        for (Endpoint e : plan.endpoints()) {
            String name = "endpoint " + (e.id() == null || e.id().isBlank() ? "without an id" : e.id());
            if (e.id() == null || e.id().isBlank()) {
                problems.add(name + ": give it an id (P1, S2, …)");
            } else if (!ids.add(e.id())) {
                problems.add(name + ": the id is used by another endpoint");
            }
            if (e.rank() == null || e.type() == null || e.method() == null || e.population() == null) {
                problems.add(name + ": its rank, type, method and population are all needed");
                continue;
            }
            if (blank(e.variable())) {
                problems.add(name + ": say what its variable is");
            }
            if (blank(e.missingData())) {
                problems.add(name + ": say how missing values are handled");
            }
            Estimand estimand = e.estimand();
            if (estimand == null || blank(estimand.treatment()) || blank(estimand.population())
                    || blank(estimand.variable()) || blank(estimand.intercurrentEvents())
                    || blank(estimand.summaryMeasure())) {
                problems.add(name + ": give its estimand whole (treatment, population, variable, intercurrent events,"
                        + " summary measure; ICH E9(R1))");
            }
            if (!e.method().analyses(e.type())) {
                problems.add(name + ": the method " + e.method().label() + " does not analyse a " + words(e.type())
                        + " variable");
            }
            if (e.method().readsAnItem() && (e.form() == null || e.item() == null)) {
                problems.add(name + ": the method " + e.method().label() + " needs the form and item it reads");
            }
            if (e.method().readsAnItem() && e.timePoints().isEmpty()) {
                problems.add(name + ": the method " + e.method().label() + " needs the time point it compares at");
            }
        }
        return problems;
    }

    /** What keeps a saved revision from being signed: a plan without a primary endpoint, or with one undecided. */
    public static List<String> unsignable(AnalysisPlan plan) {
        List<String> problems = new ArrayList<>();
        List<Endpoint> primary = plan.endpoints().stream().filter(e -> e.rank() == OutcomeKind.PRIMARY).toList();
        if (primary.isEmpty()) {
            problems.add("it names no primary endpoint");
        }
        primary.stream().filter(e -> e.method() == PlannedMethod.UNDECIDED).forEach(e -> problems.add("the primary"
                + " endpoint " + e.id() + " has no method chosen"));
        return problems;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String words(EndpointType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
