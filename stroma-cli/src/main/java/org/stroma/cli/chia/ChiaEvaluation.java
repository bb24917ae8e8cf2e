package org.stroma.cli.chia;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.compile.CompiledCriterion;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;

/**
 * Compiles each Chia trial's criteria with Stroma's own compiler, exactly as a registry record's would be, and sets
 * each criterion next to Chia's annotations of its line.
 */
public final class ChiaEvaluation {
    private final ConceptDictionary dictionary;

    public ChiaEvaluation(ConceptDictionary dictionary) {
        this.dictionary = dictionary;
    }

    public ChiaFigures run(Path directory, List<String> trialIds) {
        ChiaFigures figures = new ChiaFigures(dictionary);
        for (String id : trialIds) {
            ChiaTrial trial = ChiaCorpus.read(directory, id);
            figures.addTrial();
            evaluate(trial).forEach(figures::add);
        }
        return figures;
    }

    public List<EvaluatedLine> evaluate(ChiaTrial trial) {
        CompiledEligibility compiled = new CriteriaCompiler(dictionary).compile(ChiaProtocol.of(trial));
        Map<String, CompiledCriterion> byId = new HashMap<>();
        compiled.all().forEach(c -> byId.put(c.id(), c));
        return trial.lines().stream().map(line -> {
            BratDocument document = trial.document(line.kind());
            List<BratEntity> entities = document.entities().values().stream().filter(e -> e.overlaps(line.span()))
                    .toList();
            CompiledCriterion criterion = byId.get(line.criterionId());
            return new EvaluatedLine(trial.id(), line, document, entities, criterion, RuleLeaves.of(criterion.rule()),
                    new LineAnchors(dictionary, line));
        }).toList();
    }
}
