package org.stroma.search;

import java.util.LinkedHashSet;
import java.util.Set;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.concept.ConceptKind;
import org.stroma.trial.concept.Mention;

/**
 * What a trial's conditions are about, beyond their words: the dictionary's condition concepts they name (with every
 * broader concept above them) and the ICD-10 chapters of those concepts' codes. "Chronic ischemic cardiomyopathy" and
 * "congestive heart failure" share no word that matters, but both are diseases of the circulatory system (chapter
 * IX); "chronic progressive multiple sclerosis" shares "chronic" with the first and nothing else.
 */
final class DiseaseAreas {
    private static final ConceptDictionary DICTIONARY = ConceptDictionary.standard();

    private DiseaseAreas() {
    }

    /** The condition concepts a condition's text names, and those above them. */
    static Set<String> concepts(String condition) {
        Set<String> ids = new LinkedHashSet<>();
        for (Mention m : DICTIONARY.mentions(condition)) {
            for (Concept c = m.concept(); c != null && c.kind() == ConceptKind.CONDITION;
                    c = c.parent() == null ? null : DICTIONARY.find(c.parent()).orElse(null)) {
                if (!ids.add(c.id())) {
                    break;
                }
            }
        }
        return ids;
    }

    /** The ICD-10 chapters of the concepts' codes ("circulatory", "nervous", …). */
    static Set<String> chapters(Set<String> conceptIds) {
        Set<String> chapters = new LinkedHashSet<>();
        for (String id : conceptIds) {
            for (Concept.DictionaryCode code : DICTIONARY.get(id).codes()) {
                if (code.system() != null && code.system().contains("icd-10") && code.code() != null
                        && !code.code().isEmpty()) {
                    chapters.add(chapter(code.code()));
                }
            }
        }
        return chapters;
    }

    /** The ICD-10 chapter a code belongs to, by its letter (D and H are shared by two chapters each). */
    static String chapter(String code) {
        char letter = Character.toUpperCase(code.charAt(0));
        int number = code.length() >= 3 && Character.isDigit(code.charAt(1)) && Character.isDigit(code.charAt(2))
                ? Integer.parseInt(code.substring(1, 3)) : 0;
        return switch (letter) {
            case 'A', 'B' -> "infectious";
            case 'C' -> "neoplasms";
            case 'D' -> number < 50 ? "neoplasms" : "blood";
            case 'E' -> "endocrine";
            case 'F' -> "mental";
            case 'G' -> "nervous";
            case 'H' -> number < 60 ? "eye" : "ear";
            case 'I' -> "circulatory";
            case 'J' -> "respiratory";
            case 'K' -> "digestive";
            case 'L' -> "skin";
            case 'M' -> "musculoskeletal";
            case 'N' -> "genitourinary";
            case 'O' -> "pregnancy";
            case 'P' -> "perinatal";
            case 'Q' -> "congenital";
            case 'R' -> "symptoms";
            case 'S', 'T' -> "injury";
            case 'U' -> "special";
            case 'Z' -> "health status factors";
            default -> "external";
        };
    }
}
