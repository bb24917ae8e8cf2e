package org.stroma.trial;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.Identification;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.Screening;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;

/** The five seed trials, imported and compiled, and the screening date the tests use. */
public final class TrialFixtures {
    public static final String MESAMI2 = "000_b4a57771c457638a";
    public static final String MESEMS_T = "001_1ab109ef512b8771";
    public static final String ACESO = "002_70a1459048f6b63c";
    public static final String UC_MSC_DCM = "003_4c6cadfb0611a693";
    public static final String MESEMS_G = "004_58ec9ded4b3b1533";
    public static final List<String> SEEDS = List.of(MESAMI2, MESEMS_T, ACESO, UC_MSC_DCM, MESEMS_G);

    /** Every screening in the tests happens on this day. */
    public static final LocalDate SCREENED = LocalDate.of(2026, 6, 1);

    public static final ConceptDictionary DICTIONARY = ConceptDictionary.standard();

    private TrialFixtures() {
    }

    public static Protocol protocol(String seed) {
        try (InputStream in = TrialFixtures.class.getClassLoader().getResourceAsStream("fixtures/seeds/" + seed + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("seed " + seed + " is missing from the test resources");
            }
            List<ImportedRecord> records = new RegistryImporter().read(in.readAllBytes());
            return records.get(0).protocol();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A protocol of nothing but an id and its eligibility, as a test of the registry's fields makes one up. */
    public static Protocol protocolWith(Eligibility eligibility) {
        return new Protocol(new Identification("NCT00000000", List.of(), null, List.of(), null, null, null, null), null,
                null, null, null, List.of(), List.of(), null, List.of(), List.of(), List.of(), eligibility, List.of(),
                List.of(), List.of(), List.of(), List.of(), null);
    }

    public static CompiledEligibility compiled(String seed) {
        return new CriteriaCompiler(DICTIONARY).compile(protocol(seed));
    }

    public static Screening screening(String seed) {
        return new Screening(DICTIONARY, compiled(seed));
    }
}
