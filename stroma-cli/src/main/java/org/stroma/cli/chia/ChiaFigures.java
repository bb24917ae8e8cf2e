package org.stroma.cli.chia;

import org.stroma.trial.concept.ConceptDictionary;

/** The five figures of an evaluation on Chia, gathered criterion by criterion, and how many trials they cover. */
public final class ChiaFigures {
    private int trials;
    private final DataRuleShare dataRules = new DataRuleShare();
    private final MeasurementRecovery measurements;
    private final ConditionRecall conditions = new ConditionRecall();
    private final WindowRecovery windows = new WindowRecovery();
    private final PolarityErrors polarity = new PolarityErrors();

    public ChiaFigures(ConceptDictionary dictionary) {
        measurements = new MeasurementRecovery(dictionary);
    }

    void addTrial() {
        trials++;
    }

    void add(EvaluatedLine line) {
        dataRules.add(line);
        measurements.add(line);
        conditions.add(line);
        windows.add(line);
        polarity.add(line);
    }

    public int trials() {
        return trials;
    }

    public DataRuleShare dataRules() {
        return dataRules;
    }

    public MeasurementRecovery measurements() {
        return measurements;
    }

    public ConditionRecall conditions() {
        return conditions;
    }

    public WindowRecovery windows() {
        return windows;
    }

    public PolarityErrors polarity() {
        return polarity;
    }
}
