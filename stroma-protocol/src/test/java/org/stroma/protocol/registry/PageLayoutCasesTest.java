package org.stroma.protocol.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Age;
import org.stroma.protocol.DateType;
import org.stroma.protocol.Fixtures;
import org.stroma.protocol.Location;
import org.stroma.protocol.OverallStatus;
import org.stroma.protocol.PartialDate;
import org.stroma.protocol.Phase;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.TimeUnit;

/**
 * The cases the registry formats reference asks every layout to handle, tried on each page layout by editing a seed:
 * layout A is MESAMI2's page with pipe tables, B is MESEMS Toulouse's plain-text page, C is ACESO-IHD's "Basic
 * Information" page.
 */
class PageLayoutCasesTest {
    private static final String A = "000_b4a57771c457638a";
    private static final String B = "001_1ab109ef512b8771";
    private static final String C = "002_70a1459048f6b63c";

    private static Protocol edited(String seed, String from, String to) {
        String page = new String(Fixtures.seed(seed), StandardCharsets.UTF_8);
        assertThat(page).as("the seed has the text to edit").contains(from);
        List<ImportedRecord> records = new RegistryImporter().read(page.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return records.get(0).protocol();
    }

    @Test
    void anticipatedMeansEstimated() {
        assertThat(edited(A, "Estimated Enrollment : |", "Anticipated Enrollment : |").design().enrollment().type())
                .isEqualTo(DateType.ESTIMATED);
        assertThat(edited(B, "Estimated Primary Completion Date : May 2018",
                "Anticipated Primary Completion Date : May 2018").status().primaryCompletion().type())
                .isEqualTo(DateType.ESTIMATED);
        // layout C prints no actual/estimated qualifier at all; Stroma infers it (see BasicInformationPageReader)
    }

    @Test
    void unknownStatusMeansUnknown() {
        assertThat(edited(A, "Recruitment Status :\nRecruiting", "Recruitment Status :\nUnknown status")
                .status().overallStatus()).isEqualTo(OverallStatus.UNKNOWN);
        assertThat(edited(B, "Recruitment Status : Recruiting", "Recruitment Status : Unknown status")
                .status().overallStatus()).isEqualTo(OverallStatus.UNKNOWN);
        assertThat(edited(C, "Recruitment Status\n\nCOMPLETED", "Recruitment Status\n\nUNKNOWN")
                .status().overallStatus()).isEqualTo(OverallStatus.UNKNOWN);
    }

    @Test
    void countsWithThousandsSeparators() {
        assertThat(edited(A, "| 90 participants |", "| 1,200 participants |").design().enrollment().count())
                .isEqualTo(1200);
        assertThat(edited(B, "Estimated Enrollment : 12 participants", "Estimated Enrollment : 12,000 participants")
                .design().enrollment().count()).isEqualTo(12000);
        assertThat(edited(C, "26 participants", "2,600 participants").design().enrollment().count()).isEqualTo(2600);
    }

    @Test
    void monthOnlyDates() {
        assertThat(edited(A, "| February 19, 2016 |", "| February 2016 |").status().start().date())
                .isEqualTo(PartialDate.ofMonth(2016, 2));
        assertThat(edited(B, "Study Start Date : February 2015", "Study Start Date : February 2015").status().start()
                .date()).isEqualTo(PartialDate.ofMonth(2015, 2));
        assertThat(edited(C, "2021-08-16", "2021-08").status().start().date()).isEqualTo(PartialDate.ofMonth(2021, 8));
    }

    @Test
    void agesInMonthsOrDays() {
        Protocol a = edited(A, "18 Years to 75 Years (Adult, Older Adult)", "6 Months to 17 Years (Child)");
        assertThat(a.eligibility().minimumAge()).isEqualTo(new Age(6, TimeUnit.MONTH));
        assertThat(a.eligibility().maximumAge()).isEqualTo(new Age(17, TimeUnit.YEAR));
        Protocol b = edited(B, "18 Years to 50 Years", "28 Days and older");
        assertThat(b.eligibility().minimumAge()).isEqualTo(new Age(28, TimeUnit.DAY));
        assertThat(b.eligibility().maximumAge()).isNull();
        Protocol c = edited(C, "Minimum Eligible Age\n\n18 Years", "Minimum Eligible Age\n\n6 Months");
        assertThat(c.eligibility().minimumAge()).isEqualTo(new Age(6, TimeUnit.MONTH));
        Protocol upTo = edited(A, "18 Years to 75 Years (Adult, Older Adult)", "up to 17 Years (Child)");
        assertThat(upTo.eligibility().minimumAge()).isNull();
        assertThat(upTo.eligibility().maximumAge()).isEqualTo(new Age(17, TimeUnit.YEAR));
    }

    @Test
    void multiPhaseValues() {
        assertThat(edited(A, "| Phase 2 |", "| Phase 2 Phase 3 |").design().phases())
                .containsExactly(Phase.PHASE2, Phase.PHASE3);
        assertThat(edited(B, "Drug: Suspension media Phase 1 Phase 2", "Drug: Suspension media Phase 1 Phase 2")
                .design().phases()).containsExactly(Phase.PHASE1, Phase.PHASE2);
        assertThat(edited(C, "PHASE1/PHASE2", "Phase I/II").design().phases()).containsExactly(Phase.PHASE1, Phase.PHASE2);
        assertThat(edited(C, "PHASE1/PHASE2", "Phase 1|Phase 2").design().phases())
                .containsExactly(Phase.PHASE1, Phase.PHASE2);
        assertThat(edited(C, "PHASE1/PHASE2", "Not Applicable").design().phases()).containsExactly(Phase.NA);
        assertThat(edited(C, "PHASE1/PHASE2", "Early Phase 1").design().phases()).containsExactly(Phase.EARLY_PHASE1);
    }

    @Test
    void theSameFacilityInDifferentCitiesIsTwoSites() {
        Protocol a = edited(A, "University hospital of Grenoble | Not yet recruiting |\nGrenoble, France, 38043 | |",
                "University hospital of Grenoble | Not yet recruiting |\nGrenoble, France, 38043 | |\n"
                        + "University hospital of Grenoble | Recruiting |\nVoiron, France, 38500 | |");
        assertThat(a.locations()).hasSize(7);
        assertThat(a.locations()).filteredOn(l -> l.facility().equals("University hospital of Grenoble"))
                .extracting(Location::city).containsExactly("Grenoble", "Voiron");
        Protocol b = edited(B, "Purpan Hospital Recruiting\nToulouse, France, 31059",
                "Purpan Hospital Recruiting\nToulouse, France, 31059\nPurpan Hospital Not yet recruiting\n"
                        + "Lyon, France, 69003");
        assertThat(b.locations()).extracting(Location::city).containsExactly("Toulouse", "Lyon");
        Protocol c = edited(C, "University of Miami\n\nMiami, Florida, United States\n\nSite Status",
                "University of Miami\n\nMiami, Florida, United States\n\nSite Status\n\n"
                        + "University of Miami\n\nCoral Gables, Florida, United States\n\nSite Status RECRUITING");
        assertThat(c.locations()).extracting(Location::city).containsExactly("Miami", "Coral Gables");
        assertThat(c.locations().get(1).status()).isEqualTo(OverallStatus.RECRUITING);
    }

    @Test
    void aStateHeadingOverSitesIsNotASite() {
        Protocol a = edited(A, "France | |", "France, Occitanie | |");
        assertThat(a.locations()).hasSize(6).extracting(Location::facility).doesNotContain("France, Occitanie");
    }

    @Test
    void groupsAndCohortsWithoutArmTypes() {
        String page = new String(Fixtures.seed(B), StandardCharsets.UTF_8)
                .replace("Arm Intervention/treatment\nExperimental: Mesenchymal stem cells",
                        "Group/Cohort Intervention/treatment\nMesenchymal stem cells")
                .replace("Placebo Comparator: Suspension media\nAt week 0", "Suspension media\nAt week 0");
        Protocol groups = new RegistryImporter().read(page.getBytes(StandardCharsets.UTF_8)).get(0).protocol();
        assertThat(groups.arms()).extracting(a -> a.label()).containsExactly("Mesenchymal stem cells", "Suspension media");
        assertThat(groups.arms()).allSatisfy(a -> assertThat(a.type()).isNull());
        assertThat(groups.arms().get(0).interventionNames()).containsExactly("Drug: Mesenchymal stem cells");
    }

    @Test
    void accessibilityCaptionsAreNotData() {
        Protocol a = edited(A, "Study Type : |", "Layout table for study information\nStudy Type : |");
        assertThat(a.design().enrollment().count()).isEqualTo(90);
        Protocol withCaptionInLocations = edited(A, "France | |", "Layout table for location information\nFrance | |");
        assertThat(withCaptionInLocations.locations()).hasSize(6);
    }

    @Test
    void outcomeMeasuresOnTheBasicInformationLayout() {
        Protocol c = edited(C, "Eligibility Criteria\n", "Outcome Measures\n\nPrimary Outcome Measures\n\n"
                + "Change in flow-mediated dilation\n\nBrachial artery FMD by ultrasound\n\nTime Frame: Baseline and"
                + " 6 months\n\nSecondary Outcome Measures\n\nEndothelial progenitor cells\n\nTime Frame: 3 and 6"
                + " months\n\nEligibility Criteria\n");
        assertThat(c.outcomes()).hasSize(2);
        assertThat(c.outcomes().get(0).kind()).isEqualTo(org.stroma.protocol.OutcomeKind.PRIMARY);
        assertThat(c.outcomes().get(0).measure()).isEqualTo("Change in flow-mediated dilation");
        assertThat(c.outcomes().get(0).description()).isEqualTo("Brachial artery FMD by ultrasound");
        assertThat(c.outcomes().get(0).timeFrame().includesBaseline()).isTrue();
        assertThat(c.outcomes().get(1).kind()).isEqualTo(org.stroma.protocol.OutcomeKind.SECONDARY);
        assertThat(c.outcomes().get(1).timeFrameText()).isEqualTo("3 and 6 months");
    }
}
