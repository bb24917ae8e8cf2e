package org.stroma.protocol.registry.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pages run a study's conditions together on one line ("Diabetes Mellitus Ischemic Heart Disease"). A condition name
 * ends with its head noun (disease, failure, cardiomyopathy, sclerosis…); a capitalised word after a head noun starts
 * the next condition.
 */
final class ConditionSplitter {
    private static final Set<String> HEADS = Set.of("disease", "diseases", "disorder", "disorders", "syndrome",
            "syndromes", "failure", "insufficiency", "cardiomyopathy", "cardiomyopathies", "ischemia", "ischaemia",
            "infarction", "sclerosis", "mellitus", "cancer", "cancers", "carcinoma", "tumor", "tumors", "tumour",
            "tumours", "leukemia", "leukaemia", "lymphoma", "myeloma", "injury", "injuries", "arthritis",
            "osteoarthritis", "fibrosis", "hypertension", "stroke", "dementia", "depression", "pain", "ulcer", "ulcers",
            "asthma", "colitis", "hepatitis", "cirrhosis", "infection", "infections", "inflammation", "dysfunction",
            "deficiency", "anemia", "anaemia", "neuropathy", "retinopathy", "nephropathy", "degeneration", "dystrophy",
            "palsy", "atrophy", "fracture", "fractures", "covid-19", "ards", "gvhd", "lupus", "psoriasis", "obesity",
            "angina", "aneurysm", "thrombosis", "embolism", "fistula", "fistulas", "defect", "defects", "sepsis",
            "pneumonia", "dysplasia", "osteoporosis", "epilepsy", "autism", "arrhythmia", "arrhythmias");
    /** Words that continue a condition after a head noun: "Diabetes Mellitus Type 2", "Disease, Chronic". */
    private static final Set<String> CONTINUATIONS = Set.of("mellitus", "type", "disease", "diseases", "syndrome",
            "failure", "chronic", "acute", "and", "or", "of", "in", "with", "due", "i", "ii", "iii", "iv", "1", "2");

    private ConditionSplitter() {
    }

    static List<String> split(String line) {
        String[] words = line.trim().split("\\s+");
        List<String> conditions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            current.append(current.length() > 0 ? " " : "").append(word);
            boolean head = HEADS.contains(bare(word));
            boolean nextStartsNew = i + 1 < words.length && Character.isUpperCase(words[i + 1].charAt(0))
                    && !CONTINUATIONS.contains(bare(words[i + 1]));
            if (head && nextStartsNew) {
                conditions.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            conditions.add(current.toString());
        }
        return conditions;
    }

    private static String bare(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
    }
}
