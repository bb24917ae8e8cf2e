package org.stroma.analysis.longitudinal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroma.analysis.data.DataException;

/**
 * A continuous outcome measured on each subject at planned visits, one row per observed visit: a missed visit has no
 * row (the model treats it as missing at random). {@code arms} lists the arms with the reference (control) first;
 * {@code visits} lists the planned visits in time order. Checked on construction, so that a fit starts from data it
 * can use, and an error names the row (counted from 1) or the arm and visit at fault.
 */
public record LongitudinalData(List<String> subject, List<String> arm, List<String> visit, double[] outcome,
        List<Covariate> covariates, List<String> arms, List<String> visits) {

    public LongitudinalData {
        subject = List.copyOf(subject);
        arm = List.copyOf(arm);
        visit = List.copyOf(visit);
        outcome = outcome.clone();
        covariates = List.copyOf(covariates);
        arms = List.copyOf(arms);
        visits = List.copyOf(visits);
        int n = outcome.length;
        if (subject.size() != n || arm.size() != n || visit.size() != n) {
            throw new DataException("subject, arm, visit and outcome have " + subject.size() + ", " + arm.size()
                    + ", " + visit.size() + " and " + n + " rows; they must be the same rows");
        }
        for (Covariate c : covariates) {
            if (c.rows() != n) {
                throw new DataException("covariate '" + c.name() + "' has " + c.rows() + " rows, the outcome " + n);
            }
        }
        if (arms.size() < 2 || new HashSet<>(arms).size() != arms.size()) {
            throw new DataException("the arms " + arms + " must be two or more distinct names, the reference first");
        }
        if (visits.isEmpty() || new HashSet<>(visits).size() != visits.size()) {
            throw new DataException("the visits " + visits + " must be one or more distinct names, in time order");
        }
        checkRows(subject, arm, visit, outcome, covariates, arms, visits);
    }

    private static void checkRows(List<String> subject, List<String> arm, List<String> visit, double[] outcome,
            List<Covariate> covariates, List<String> arms, List<String> visits) {
        Map<String, String> armOfSubject = new HashMap<>();
        Set<String> subjectVisits = new HashSet<>();
        Map<String, Set<String>> subjectsOfArm = new HashMap<>();
        Set<String> armVisits = new HashSet<>();
        Set<String> seenVisits = new HashSet<>();
        List<double[]> values = covariates.stream().map(Covariate::values).toList();
        for (int i = 0; i < outcome.length; i++) {
            String where = "row " + (i + 1) + " (subject '" + subject.get(i) + "')";
            if (!Double.isFinite(outcome[i])) {
                throw new DataException(where + ": the outcome " + outcome[i] + " is not a finite number");
            }
            for (int k = 0; k < covariates.size(); k++) {
                Covariate c = covariates.get(k);
                if (c.isCategorical() ? c.categories().get(i) == null : !Double.isFinite(values.get(k)[i])) {
                    throw new DataException(where + ": covariate '" + c.name() + "' is missing or not finite");
                }
            }
            if (!arms.contains(arm.get(i))) {
                throw new DataException(where + ": arm '" + arm.get(i) + "' is not one of " + arms);
            }
            if (!visits.contains(visit.get(i))) {
                throw new DataException(where + ": visit '" + visit.get(i) + "' is not one of " + visits);
            }
            String earlier = armOfSubject.putIfAbsent(subject.get(i), arm.get(i));
            if (earlier != null && !earlier.equals(arm.get(i))) {
                throw new DataException(where + ": arm '" + arm.get(i) + "', but the subject's earlier rows say '"
                        + earlier + "'");
            }
            if (!subjectVisits.add(subject.get(i) + "\u0000" + visit.get(i))) {
                throw new DataException(where + ": a second row for visit '" + visit.get(i) + "'");
            }
            subjectsOfArm.computeIfAbsent(arm.get(i), a -> new HashSet<>()).add(subject.get(i));
            armVisits.add(arm.get(i) + "\u0000" + visit.get(i));
            seenVisits.add(visit.get(i));
        }
        for (String v : visits) {
            if (!seenVisits.contains(v)) {
                throw new DataException("visit '" + v + "' has no observed outcome in any arm");
            }
        }
        for (String a : arms) {
            int subjects = subjectsOfArm.getOrDefault(a, Set.of()).size();
            if (subjects < 2) {
                throw new DataException("arm '" + a + "' has " + subjects + " subject" + (subjects == 1 ? "" : "s")
                        + " with data; a comparison of arms needs at least 2 in each");
            }
            for (String v : visits) {
                if (!armVisits.contains(a + "\u0000" + v)) {
                    throw new DataException("arm '" + a + "' has no observed outcome at visit '" + v
                            + "', so its mean there cannot be estimated");
                }
            }
        }
    }

    /** A copy: the record stays as it was checked. */
    @Override
    public double[] outcome() {
        return outcome.clone();
    }

    public int rows() {
        return outcome.length;
    }
}
