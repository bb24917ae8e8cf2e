package org.stroma.trial.conduct;

import java.util.List;
import org.stroma.trial.subject.SubjectState;

/**
 * A subject as one person sees them: state and path, the consent form version they last signed (and whether a newer
 * one asks for re-consent), and the kit code — what everyone sees of the allocation; {@code group} (the arm, or the
 * crossover sequence) and {@code treatments} (the arm of each period) are null for those who may not know.
 */
public record SubjectView(String subject, String site, SubjectState state, List<SubjectState> path,
        String consentedTo, boolean reconsentNeeded, String kitCode, String group, List<String> treatments) {

    public SubjectView {
        path = List.copyOf(path);
        treatments = treatments == null ? null : List.copyOf(treatments);
    }
}
