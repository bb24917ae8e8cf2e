package org.stroma.trial.concept;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scales, scores and measurements criteria ask with numbers (MADRS, IQ, FEV1 in per cent of predicted, pack-years,
 * Mayo score, ankle-brachial index, mean pulmonary artery pressure, Rutherford category and others): each is found where
 * a criterion names it, not where its letters mean something else ("activated clotting time (ACT)", "acquired brain
 * injury (ABI)", "Mayo Clinic", "PASI 75 response"), and a threshold on it is read with its number and unit.
 */
class ScoresTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Montgomery-Asberg Depression Rating Scale (MADRS) score >= 22|madrs",
            "Intelligence quotient (IQ) < 70|iq",
            "FEV1 percent predicted below 50|fev1_percent_predicted",
            "percent predicted FEV1 < 40|fev1_percent_predicted",
            "Forced expiratory volume (FEV1)< 30% predicted|fev1_percent_predicted",
            "Ankle Brachial Pressure Index <0.65|ankle_brachial_index",
            "Mean pulmonary artery pressure >= 25 mmHg|mpap",
            "Severe critical limb ischemia (Rutherford category 6)|rutherford",
            "Symptoms of sleep apnea (a score of > 10 on Epworth sleepiness scale)|epworth",
            "DAS28/Erythrocyte Sedimentation Rate (ESR) >=3.2|das28",
            "Hamilton Depression Rating Scale-17 score greater than 18|hamd",
            "HDRS-17 >= 18|hamd",
            "Asthma Control Test (ACT) score < 20|asthma_control_test",
            "Short Physical Performance Battery (SPPB) score <= 9|sppb",
            "Psoriasis Area and Severity Index (PASI) >= 12|pasi",
            "Eczema Area and Severity Index (EASI) score >= 16|easi",
            "Oswestry Disability Index > 30%|oswestry",
            "Hamilton Anxiety Rating Scale (HAM-A) >= 20|hama",
            "Positive and Negative Syndrome Scale (PANSS) total score >= 70|panss",
            "Young Mania Rating Scale (YMRS) > 12|ymrs",
            "Clinical Global Impression - Severity (CGI-S) >= 4|cgi_s",
            "Yale-Brown Obsessive Compulsive Scale (Y-BOCS) >= 16|ybocs",
            "modified Medical Research Council (mMRC) dyspnea scale >= 2|mmrc",
            "International Prostate Symptom Score (IPSS) >= 13|ipss",
            "International Index of Erectile Function (IIEF-5) score <= 21|iief"})
    void aCriterionNamingTheScaleIsReadAsIt(String text, String expected) {
        assertThat(Readings.found(text)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ACT > 300 seconds during the procedure|asthma_control_test",
            "activated clotting time (ACT) above 250 s|asthma_control_test",
            "Affordable Care Act coverage|asthma_control_test",
            "acquired brain injury (ABI)|ankle_brachial_index",
            "history of ABI with residual deficits|ankle_brachial_index",
            "Treated at the Mayo Clinic|mayo_score",
            "Endoscopic Mayo subscore >0|mayo_score",
            "CGI animation studio employees|cgi_s",
            "PASI 75 response at week 16|pasi",
            "EASI-75 response|easi",
            "disease requiring treatment|easi",
            "pasilly spelled words|pasi",
            "liquid intake|iq",
            "the SPPBX registry|sppb",
            "FEV1 < 1.5 L|fev1_percent_predicted",
            "FEV1 <80% predicted|fev1",
            "FEV1 > 30% and FVC > 80% predicted|fev1_percent_predicted"})
    void lettersThatMeanSomethingElseAreNotTheScale(String text, String notThis) {
        assertThat(Readings.found(text)).doesNotContain(notThis);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "MADRS total score of 18 or higher|measure madrs >= 18 {score} within 12 months",
            "MADRS score > 20|measure madrs > 20 {score} within 12 months",
            "IQ greater than or equal to 70|measure iq >= 70 {score} within 12 months",
            "IQ of over 70|measure iq > 70 {score} within 12 months",
            "FEV1 <80% predicted|measure fev1_percent_predicted < 80 % within 12 months",
            "FEV1 40-80% predicted|measure fev1_percent_predicted 40..80 % within 12 months",
            "FEV1 >= 80% of predicted|measure fev1_percent_predicted >= 80 % within 12 months",
            "FEV1 % predicted < 50|measure fev1_percent_predicted < 50 % within 12 months",
            "FEV1 < 1.5 L|measure fev1 < 1.5 L within 12 months",
            "FEV1 between 30% and 80% predicted|measure fev1_percent_predicted 30..80 % within 12 months",
            // a smoking history is read over the whole life
            "Smoking history > 10 packs/year|measure pack_years > 10 {PackYears} ever",
            "at least 10 pack years|measure pack_years >= 10 {PackYears} within 12 months",
            ">=10 pack-years of cigarette smoking|measure pack_years >= 10 {PackYears} within 12 months",
            "IIEF < 21|measure iief < 21 {score} within 12 months",
            "IIEF-5 score <= 16|measure iief <= 16 {score} within 12 months",
            "MAYO score >= 11|measure mayo_score >= 11 {score} within 12 months",
            "Mayo score of 6-12|measure mayo_score 6..12 {score} within 12 months",
            "Ankle Brachial Pressure Index <0.65|measure ankle_brachial_index < 0.65 {ratio} within 12 months",
            "ABI < 0.9|measure ankle_brachial_index < 0.9 {ratio} within 12 months",
            "Mean pulmonary artery pressure >= 25 mmHg|measure mpap >= 25 mmHg within 12 months",
            "mPAP >= 25 mmHg|measure mpap >= 25 mmHg within 12 months",
            "Rutherford category 2 or 3|measure rutherford 2..3 {score} within 12 months",
            "Rutherford category >= 4|measure rutherford >= 4 {score} within 12 months",
            "Epworth sleepiness scale > 10|measure epworth > 10 {score} within 12 months",
            "DAS28 of 3.2 or higher|measure das28 >= 3.2 {score} within 12 months",
            "A 24-Item Hamilton Depression Rating Scale (HDRS) >= 20|measure hamd >= 20 {score} within 12 months",
            "HAM-D > 18|measure hamd > 18 {score} within 12 months",
            "CHADS2 score >= 2|measure chads2 >= 2 {score} within 12 months",
            "CHA2DS2-VASc score >= 3|measure cha2ds2_vasc >= 3 {score} within 12 months",
            "ACT score < 20|measure asthma_control_test < 20 {score} within 12 months",
            "Walking speed < 1.2 m/sec|measure gait_speed < 1.2 m/sec within 12 months",
            "gait speed < 0.8 m/s|measure gait_speed < 0.8 m/s within 12 months",
            "SPPB score <= 10|measure sppb <= 10 {score} within 12 months",
            "PASI score >= 12|measure pasi >= 12 {score} within 12 months",
            "EASI score >= 16|measure easi >= 16 {score} within 12 months",
            "Oswestry Disability Index > 30%|measure oswestry > 30 % within 12 months",
            "HAM-A total score >= 20|measure hama >= 20 {score} within 12 months",
            "PANSS total score >= 70|measure panss >= 70 {score} within 12 months",
            "YMRS > 12|measure ymrs > 12 {score} within 12 months",
            "CGI-S >= 4|measure cgi_s >= 4 {score} within 12 months",
            "Y-BOCS total score >= 16|measure ybocs >= 16 {score} within 12 months",
            "mMRC dyspnea scale >= 2|measure mmrc >= 2 {score} within 12 months",
            "IPSS >= 13|measure ipss >= 13 {score} within 12 months"})
    void aThresholdOnTheScaleIsReadWithItsNumberAndUnit(String text, String expected) {
        assertThat(Readings.exclusionRule(text)).isEqualTo(expected);
    }
}
