package org.stroma.protocol;

/** Recruitment status and the study's milestone dates. */
public record StudyStatus(
        OverallStatus overallStatus,
        OverallStatus lastKnownStatus,
        String whyStopped,
        PartialDate statusVerified,
        StudyDate start,
        StudyDate primaryCompletion,
        StudyDate completion,
        PartialDate firstSubmitted,
        StudyDate firstPosted,
        PartialDate lastUpdateSubmitted,
        StudyDate lastUpdatePosted) {
}
