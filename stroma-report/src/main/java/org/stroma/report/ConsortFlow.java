package org.stroma.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.subject.SubjectState;

/**
 * The CONSORT 2010 flow of a locked trial: assessed for eligibility, excluded (not eligible, declined, other),
 * randomized; then per arm (or per sequence, for a crossover) allocated, received the product or not, lost to
 * follow-up, discontinued, and analysed (completed follow-up).
 */
public record ConsortFlow(int assessed, int notEligible, int declined, int otherExcluded, int randomized,
        Map<String, Arm> arms) {

    /**
     * An arm (or a sequence): allocated, received the (first period's) product or not and why, received the second
     * period's (a crossover only; 0 otherwise), lost, discontinued, analysed.
     */
    public record Arm(int allocated, int received, int notReceived, List<String> notReceivedReasons,
            int receivedSecondPeriod, int lost, int discontinued, int analysed) {
    }

    public static ConsortFlow of(LockedTrial t) {
        int notEligible = 0;
        int declined = 0;
        int other = 0;
        int randomized = 0;
        Map<String, List<LockedTrial.SubjectRow>> byArm = new LinkedHashMap<>();
        for (LockedTrial.SubjectRow s : t.subjects()) {
            if (s.group() == null) {
                String why = s.exitReason() == null ? "" : s.exitReason();
                if (why.startsWith("declined")) {
                    declined++;
                } else if (why.startsWith("not eligible") || s.path().contains(SubjectState.INELIGIBLE)) {
                    notEligible++;
                } else {
                    other++;
                }
                continue;
            }
            randomized++;
            byArm.computeIfAbsent(s.group() + (s.treatments() == null ? "" : ": " + s.treatments()),
                    k -> new ArrayList<>()).add(s);
        }
        Map<String, Arm> arms = new LinkedHashMap<>();
        byArm.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<LockedTrial.SubjectRow> list = e.getValue();
            int received = (int) list.stream().filter(s -> s.firstAdministration() != null).count();
            List<String> reasons = list.stream().filter(s -> s.firstAdministration() == null && s.exitReason() != null)
                    .map(LockedTrial.SubjectRow::exitReason).distinct().toList();
            int lost = (int) list.stream().filter(s -> s.state() == SubjectState.LOST_TO_FOLLOW_UP).count();
            int discontinued = (int) list.stream().filter(s -> s.state() == SubjectState.WITHDRAWN
                    && s.firstAdministration() != null).count();
            int analysed = (int) list.stream().filter(s -> s.state() == SubjectState.COMPLETED).count();
            Set<String> ids = list.stream().map(LockedTrial.SubjectRow::subject).collect(
                    Collectors.toSet());
            int second = (int) t.products().stream().filter(p -> p.period() == 2 && p.administered() != null
                    && ids.contains(p.subject())).count();
            arms.put(e.getKey(), new Arm(list.size(), received, list.size() - received, reasons, second, lost,
                    discontinued, analysed));
        });
        return new ConsortFlow(t.subjects().size(), notEligible, declined, other, randomized, arms);
    }
}
