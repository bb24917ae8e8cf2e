package org.stroma.protocol;

import java.util.List;

/**
 * Who may take part. {@code criteriaText} is the registry's text exactly as given; {@code inclusion} and
 * {@code exclusion} are that text split into individual criteria, nesting kept.
 */
public record Eligibility(
        String criteriaText,
        Boolean healthyVolunteers,
        Sex sex,
        Boolean genderBased,
        String genderDescription,
        Age minimumAge,
        Age maximumAge,
        List<StandardAge> standardAges,
        String studyPopulation,
        String samplingMethod,
        List<Criterion> inclusion,
        List<Criterion> exclusion) {

    public Eligibility {
        standardAges = Lists.copy(standardAges);
        inclusion = Lists.copy(inclusion);
        exclusion = Lists.copy(exclusion);
    }

    public Eligibility withCriteria(List<Criterion> inclusionCriteria, List<Criterion> exclusionCriteria) {
        return new Eligibility(criteriaText, healthyVolunteers, sex, genderBased, genderDescription, minimumAge,
                maximumAge, standardAges, studyPopulation, samplingMethod, inclusionCriteria, exclusionCriteria);
    }
}
