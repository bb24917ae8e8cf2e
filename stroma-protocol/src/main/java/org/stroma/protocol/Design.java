package org.stroma.protocol;

import java.util.List;

/** The study design as the registry states it, plus the crossover switch read from free text. */
public record Design(
        StudyType studyType,
        List<Phase> phases,
        Allocation allocation,
        InterventionModel interventionModel,
        String interventionModelDescription,
        PrimaryPurpose primaryPurpose,
        MaskingInfo masking,
        Enrollment enrollment,
        Crossover crossover) {

    public Design {
        phases = Lists.copy(phases);
    }

    public Design withCrossover(Crossover value) {
        return new Design(studyType, phases, allocation, interventionModel, interventionModelDescription,
                primaryPurpose, masking, enrollment, value);
    }

    public Design withEnrollment(Enrollment value) {
        return new Design(studyType, phases, allocation, interventionModel, interventionModelDescription,
                primaryPurpose, masking, value, crossover);
    }
}
