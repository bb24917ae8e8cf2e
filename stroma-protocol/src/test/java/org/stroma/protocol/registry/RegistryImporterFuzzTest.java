package org.stroma.protocol.registry;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the registry importer (Jazzer): whatever bytes it is given, it reads a record or refuses
 * with its typed error (a place and a problem); any other exception or error is a finding. In the suite the test
 * replays its inputs (one record of each format, in {@code RegistryImporterFuzzTestInputs}, and any finding kept
 * there); {@code JAZZER_FUZZ=1} makes it fuzz from them, guided by the code each input reaches:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl stroma-protocol -am test -Dtest=RegistryImporterFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RegistryImporterFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void everyInputIsReadOrRefusedWithItsPlace(byte[] input) {
        try {
            new RegistryImporter().read(input);
        } catch (RecordFormatException refused) {
            // the one way to refuse
        }
    }
}
