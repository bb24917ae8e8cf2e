package org.stroma.trial.concept;

import java.util.ArrayList;
import java.util.List;

/**
 * The codes above a code, in the systems whose codes nest by their characters: ICD-10 (category "I25" above
 * "I25.5", "I25.1" above "I25.11") and ATC (group "A10B" above "A10BA02"). A record coded at a level above a concept's
 * code says less than the concept asks. SNOMED CT and LOINC codes do not nest by their characters, and have none here.
 */
final class BroaderCodes {
    /** ATC's levels end at these lengths: anatomical group, therapeutic, pharmacological, chemical subgroups. */
    private static final int[] ATC_LEVELS = {1, 3, 4, 5};

    private BroaderCodes() {
    }

    static List<String> above(String family, String code) {
        List<String> above = new ArrayList<>();
        if (code == null) {
            return above;
        }
        if (family.equals("icd-10")) {
            // "I25.11" → "I25.1", "I25"; a three-character category has nothing above it that is a code
            String c = code.strip();
            while (c.length() > 3) {
                c = c.substring(0, c.length() - 1);
                if (c.endsWith(".")) {
                    c = c.substring(0, c.length() - 1);
                }
                above.add(c);
            }
        } else if (family.equals("atc")) {
            for (int level : ATC_LEVELS) {
                if (level < code.length()) {
                    above.add(code.substring(0, level));
                }
            }
        }
        return above;
    }
}
