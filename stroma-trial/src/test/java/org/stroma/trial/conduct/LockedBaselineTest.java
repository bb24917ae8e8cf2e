package org.stroma.trial.conduct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stroma.trial.ReferencePatients;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.randomization.Allocation;
import org.stroma.trial.subject.SubjectState;

/**
 * The locked data carries each subject's age, sex and strata for the baseline table: age and sex as the record read at
 * screening gave them (the age on the day of randomization), the strata as the allocation was stratified; and nothing
 * where the trial kept no record, rather than a guess.
 */
class LockedBaselineTest {

    @Test
    void ageOnTheDayOfRandomizationSexAndTheSiteStratumComeWithEachSubject() {
        // MESAMI2's reference patient is a man of 60 on the screening day; its six sites stratify the allocation
        Journey journey = new Journey(TrialFixtures.MESAMI2, 7);
        journey.enrol("S1", Journey.SCREENED);
        // screened on one day and randomized a year on: the age is the one on the day of randomization
        String site = journey.conduct.design().sites().get(0);
        journey.conduct.addCandidate("S2", site);
        var record = ReferencePatients.eligible(TrialFixtures.MESAMI2, "S2", Journey.SCREENED).build();
        journey.conduct.screen("S2", record, PatientVerdict.ELIGIBLE, null, Journey.at(Journey.SCREENED, 9), "c");
        var later = Journey.SCREENED.plusYears(1).plusDays(1);
        journey.conduct.consent("S2", journey.conduct.consentForm(), Journey.at(later, 10), "investigator",
                Journey.at(later, 10), "investigator");
        journey.conduct.move("S2", SubjectState.ENROLLED, Journey.at(later, 11), "investigator", null);
        journey.conduct.randomize("S2", Map.of(), Journey.WEIGHT_KG, Journey.at(later, 12), "investigator");

        LockedTrial t = LockedTrial.of(journey.conduct);
        LockedTrial.SubjectRow s1 = row(t, "S1");
        assertThat(s1.ageYears()).isEqualTo(60);
        assertThat(s1.sex()).isEqualTo(AdministrativeSex.MALE);
        assertThat(journey.conduct.design().method().strata()).containsExactly("site");
        assertThat(s1.strata()).containsExactly(Map.entry("site", site));
        assertThat(row(t, "S2").ageYears()).isEqualTo(61);
    }

    @Test
    void aSubjectScreenedWithoutARecordHasNoAgeOrSexAndOneNotRandomizedNoStrata() {
        Journey journey = new Journey(TrialFixtures.MESAMI2, 7);
        String site = journey.conduct.design().sites().get(0);
        journey.conduct.addCandidate("S1", site);
        journey.conduct.screen("S1", PatientVerdict.ELIGIBLE, null, Journey.at(Journey.SCREENED, 9), "c");
        LockedTrial.SubjectRow s1 = row(LockedTrial.of(journey.conduct), "S1");
        assertThat(s1.ageYears()).isNull();
        assertThat(s1.sex()).isNull();
        assertThat(s1.strata()).isEmpty();
    }

    @Test
    void aStratumIsReadBackFactorByFactorEvenWhenALevelHoldsACommaOrAnEqualsSign() {
        Allocation a = new Allocation("S1", "A", "site=Hôpital Nord, Marseille,nyha=III=IV", 1, 1);
        assertThat(a.levels(java.util.List.of("site", "nyha"))).containsExactly(Map.entry("site",
                "Hôpital Nord, Marseille"), Map.entry("nyha", "III=IV"));
        assertThat(new Allocation("S1", "A", "all", 1, 1).levels(java.util.List.of())).isEmpty();
        // a stratum not written from these factors is not misread
        assertThat(a.levels(java.util.List.of("diabetes"))).isEmpty();
    }

    private static LockedTrial.SubjectRow row(LockedTrial t, String id) {
        return t.subjects().stream().filter(s -> s.subject().equals(id)).findFirst().orElseThrow();
    }
}
