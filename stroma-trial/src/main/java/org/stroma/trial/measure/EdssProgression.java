package org.stroma.trial.measure;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Confirmed disability progression on the EDSS, with every threshold the trial's to set: an increase from baseline of
 * at least {@code stepFromZero} from 0, {@code stepAtOrBelow} from a baseline at or below {@code cut}, and
 * {@code stepAbove} above it (by default 1.5, 1.0 and 0.5 around 5.5), confirmed at an assessment at least
 * {@code confirmWeeks} later (12 or 24) with every assessment in between still at the threshold. Assessments within
 * {@code relapseDays} after a relapse neither start nor confirm a progression. The progression dates from its first
 * assessment; without one, the subject is censored at the last assessment.
 */
public record EdssProgression(double cut, double stepFromZero, double stepAtOrBelow, double stepAbove,
        int confirmWeeks, int relapseDays) {

    public static final EdssProgression TWELVE_WEEKS = new EdssProgression(5.5, 1.5, 1.0, 0.5, 12, 30);
    public static final EdssProgression TWENTY_FOUR_WEEKS = new EdssProgression(5.5, 1.5, 1.0, 0.5, 24, 30);

    public record Assessment(LocalDate day, double score) {
        public Assessment {
            Edss.require(score);
        }
    }

    /** The time to confirmed progression from baseline, or to censoring. */
    public record Outcome(boolean progressed, LocalDate day, long days) {
    }

    public double threshold(double baseline) {
        Edss.require(baseline);
        return baseline + (baseline == 0 ? stepFromZero : baseline <= cut ? stepAtOrBelow : stepAbove);
    }

    public Outcome of(LocalDate baselineDay, double baseline, List<Assessment> assessments, List<LocalDate> relapses) {
        double threshold = threshold(baseline);
        List<Assessment> usable = new ArrayList<>();
        for (Assessment a : assessments) {
            if (a.day().isAfter(baselineDay) && relapses.stream().noneMatch(r -> !a.day().isBefore(r)
                    && ChronoUnit.DAYS.between(r, a.day()) <= relapseDays)) {
                usable.add(a);
            }
        }
        usable.sort(Comparator.comparing(Assessment::day));
        for (int i = 0; i < usable.size(); i++) {
            Assessment start = usable.get(i);
            if (start.score() < threshold) {
                continue;
            }
            for (int j = i + 1; j < usable.size(); j++) {
                Assessment later = usable.get(j);
                if (later.score() < threshold) {
                    break; // not sustained
                }
                if (ChronoUnit.DAYS.between(start.day(), later.day()) >= confirmWeeks * 7L) {
                    return new Outcome(true, start.day(), ChronoUnit.DAYS.between(baselineDay, start.day()));
                }
            }
        }
        LocalDate last = assessments.stream().map(Assessment::day).max(Comparator.naturalOrder()).orElse(baselineDay);
        return new Outcome(false, last, ChronoUnit.DAYS.between(baselineDay, last));
    }
}
