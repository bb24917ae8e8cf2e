package org.stroma.cli;

import java.util.ArrayList;
import java.util.List;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.eligibility.compile.InvalidRuleException;

/**
 * The trials of a registry record or protocol file (an export may hold several), each with its eligibility compiled.
 * A file that cannot be read, or a hand-written rule that cannot be used, is a {@link BadInput} naming the file.
 */
final class CompiledTrials {
    private CompiledTrials() {
    }

    /** A trial's protocol and its compiled eligibility. */
    record Trial(Protocol protocol, CompiledEligibility eligibility) {
    }

    static List<Trial> read(String source, byte[] content, ConceptDictionary dictionary) {
        List<Trial> trials = new ArrayList<>();
        try {
            for (ImportedRecord r : new RegistryImporter().read(content)) {
                trials.add(new Trial(r.protocol(), new CriteriaCompiler(dictionary).compile(r.protocol())));
            }
        } catch (RecordFormatException | InvalidRuleException e) {
            throw new BadInput(source + ": " + e.getMessage());
        }
        return trials;
    }
}
