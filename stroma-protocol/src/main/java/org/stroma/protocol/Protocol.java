package org.stroma.protocol;

import java.util.List;

/**
 * A trial's protocol as Stroma runs it: everything its registry record carries, what Stroma read from the record's
 * free text (cell products and doses, time frames, individual eligibility criteria, the crossover switch), and the
 * provenance of each field.
 */
public record Protocol(
        Identification identification,
        StudyStatus status,
        Sponsorship sponsorship,
        String briefSummary,
        String detailedDescription,
        List<String> conditions,
        List<String> keywords,
        Design design,
        List<Arm> arms,
        List<Intervention> interventions,
        List<Outcome> outcomes,
        Eligibility eligibility,
        List<Contact> centralContacts,
        List<Official> overallOfficials,
        List<Location> locations,
        List<Reference> references,
        List<Link> links,
        Provenance provenance) {

    public Protocol {
        conditions = Lists.copy(conditions);
        keywords = Lists.copy(keywords);
        arms = Lists.copy(arms);
        interventions = Lists.copy(interventions);
        outcomes = Lists.copy(outcomes);
        centralContacts = Lists.copy(centralContacts);
        overallOfficials = Lists.copy(overallOfficials);
        locations = Lists.copy(locations);
        references = Lists.copy(references);
        links = Lists.copy(links);
    }

    public List<Outcome> outcomes(OutcomeKind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).toList();
    }

    /** The interventions an arm lists. */
    public List<Intervention> interventionsOf(Arm arm) {
        return interventions.stream().filter(arm::links).toList();
    }

    /** A copy with the parts Stroma reads from free text replaced. */
    public Protocol withInterpretation(Design newDesign, List<Arm> newArms, List<Intervention> newInterventions,
            List<Outcome> newOutcomes, Eligibility newEligibility, Provenance newProvenance) {
        return new Protocol(identification, status, sponsorship, briefSummary, detailedDescription, conditions,
                keywords, newDesign, newArms, newInterventions, newOutcomes, newEligibility, centralContacts,
                overallOfficials, locations, references, links, newProvenance);
    }

    public Protocol withProvenance(Provenance newProvenance) {
        return new Protocol(identification, status, sponsorship, briefSummary, detailedDescription, conditions,
                keywords, design, arms, interventions, outcomes, eligibility, centralContacts, overallOfficials,
                locations, references, links, newProvenance);
    }
}
