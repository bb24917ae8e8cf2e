package org.stroma.trial.concept;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.stroma.trial.patient.Code;
import org.stroma.trial.patient.Observation;

/**
 * Something criteria speak of and patient records hold: an observation (LVEF), a condition (multiple sclerosis), a
 * procedure (PCI), or a class of drugs (corticosteroids). {@code codes} identify it in records (a code marked prefix
 * matches all codes that begin with it); {@code names} are ingredient names found in medication texts; {@code terms}
 * find it in criteria. For observations: the canonical unit, the plausible range (values outside it are not believed),
 * the default upper limit of normal, the molar factor (µmol/L per mg/dL) where the two kinds of units meet, and an
 * ion's valence (the charge of potassium is 1, of calcium 2), by which milliequivalents are millimoles. An
 * {@code openClass} is one no list of codes closes ("surgery"): a record the dictionary places nowhere may be one.
 * {@code takesIn} marks a broad class (cardiovascular disease, infection) whose code ranges place under it every concept
 * whose codes they take in (ADR 0086); a narrower range is often a disease with its complication and places nothing.
 * {@code valueTerms} name an observation's classes by the words of a criterion: for the smoking status, "former
 * smoker" is FORMER, "current or former smoker" CURRENT or FORMER, and "non-smoker" any class but CURRENT (each key one
 * class, several joined by commas, or "not" and one class; each value a pattern the whole of a term the criterion
 * used matches). A {@code systemic} class of drugs (systemic corticosteroids, antibacterials for systemic use) is not
 * named by an ingredient in a form that acts where it is put: hydrocortisone cream, a triamcinolone nasal spray.
 */
public record Concept(
        String id,
        String label,
        ConceptKind kind,
        List<String> terms,
        List<DictionaryCode> codes,
        List<String> names,
        String parent,
        String unit,
        List<Double> plausible,
        Double uln,
        Double molarFactor,
        String derivedFrom,
        Map<String, List<DictionaryCode>> valueCodes,
        boolean femaleOnly,
        boolean event,
        Integer valence,
        boolean openClass,
        Map<String, String> valueTerms,
        boolean takesIn,
        boolean systemic,
        Integer lastsAtMostDays) {

    public Concept {
        terms = terms == null ? List.of() : List.copyOf(terms);
        codes = codes == null ? List.of() : List.copyOf(codes);
        names = names == null ? List.of() : List.copyOf(names);
        plausible = plausible == null ? List.of() : List.copyOf(plausible);
        valueCodes = valueCodes == null ? Map.of() : Map.copyOf(valueCodes);
        valueTerms = valueTerms == null ? Map.of() : Map.copyOf(valueTerms);
    }

    /**
     * Dose forms that act where they are put ("Topical Cream", "Nasal Spray", "Ophthalmic Solution"). Not an inhalation:
     * ATC files inhaled tobramycin with the antibacterials for systemic use, and no inhaled corticosteroid is named as
     * a systemic one.
     */
    private static final Pattern LOCAL_FORM = Pattern.compile("(?i)\\b(?:topical|cream|ointment|lotion|shampoo|nasal"
            + "|ophthalmic|otic|rectal|enema|suppositor\\w*|vaginal|mouthwash|troche|lozenge|paste"
            + "|intra-?articular|intravitreal|(?:eye|ear) drops?)\\b");

    /** The patterns of every concept's value terms, compiled once. */
    private static final Map<String, Pattern> VALUE_TERMS = new ConcurrentHashMap<>();

    /** The classes the words of a criterion name ("former smoker": FORMER), sorted; empty when they name none. */
    public List<String> classesNamedBy(String words) {
        String w = words.strip().replaceAll("\\s+", " ");
        return valueTerms.entrySet().stream()
                .filter(e -> VALUE_TERMS.computeIfAbsent(e.getValue(), t -> Pattern.compile(t, Pattern.CASE_INSENSITIVE))
                        .matcher(w).matches())
                .flatMap(e -> Arrays.stream(e.getKey().split(","))).map(String::strip).sorted().toList();
    }

    /** A code as the dictionary holds it; {@code prefix} makes it stand for every code beginning with it. */
    public record DictionaryCode(String system, String code, String display, boolean prefix) {
        boolean matches(Code other) {
            if (other == null || other.code() == null || !sameSystem(system, other.system())) {
                return false;
            }
            return prefix ? other.code().startsWith(code) : other.code().equals(code);
        }

        /** ICD-10 and ICD-10-CM count as one system; so do the usual spellings of the others. */
        private static boolean sameSystem(String a, String b) {
            return b != null && family(a).equals(family(b));
        }

        /** The code system a system URI belongs to, under the name the dictionary files it by. */
        static String family(String system) {
            String s = system.toLowerCase(Locale.ROOT);
            if (s.contains("icd-10") || s.contains("icd10")) {
                return "icd-10";
            }
            if (s.contains("snomed")) {
                return "snomed";
            }
            if (s.contains("loinc")) {
                return "loinc";
            }
            if (s.contains("rxnorm")) {
                return "rxnorm";
            }
            if (s.contains("atc")) {
                return "atc";
            }
            return s;
        }
    }

    /** Whether a record carrying these codes and this text is an instance of this concept. */
    public boolean matches(List<Code> recordCodes, String text) {
        for (Code code : recordCodes) {
            for (DictionaryCode mine : codes) {
                if (mine.matches(code)) {
                    return true;
                }
            }
        }
        if (kind == ConceptKind.MEDICATION && text != null) {
            String t = text.toLowerCase(Locale.ROOT);
            return names.stream().anyMatch(name -> t.contains(name.toLowerCase(Locale.ROOT))) && !inLocalForm(t);
        }
        return false;
    }

    /**
     * The last day a condition recorded with this onset and abatement is present, exclusive; null while it lasts. An
     * event (a relapse) counts for 30 days after its onset; a condition that cannot last longer than {@code
     * lastsAtMostDays} (a pregnancy) is over by then, though its record was never closed.
     */
    public LocalDate presentUntil(LocalDate onset, LocalDate abatement) {
        if (event) {
            return onset == null ? null : onset.plusDays(EVENT_DAYS);
        }
        if (lastsAtMostDays == null || onset == null) {
            return abatement;
        }
        LocalDate longest = onset.plusDays(lastsAtMostDays);
        return abatement == null || abatement.isAfter(longest) ? longest : abatement;
    }

    /** How long an event counts as present after its onset. */
    public static final int EVENT_DAYS = 30;

    /** Whether a medication's text names a drug of a systemic class in a form that is not for systemic use. */
    boolean inLocalForm(String medicationText) {
        return systemic && LOCAL_FORM.matcher(medicationText).find();
    }

    /**
     * The class an observation of this concept records, as criteria name classes: the dictionary's name for a coded
     * value ("III" for SNOMED 420913000), another code as it is (upper case) when it is one of those names or the
     * dictionary names none, or a whole number from 1 to 4 as a roman numeral. Null when the observation holds none of
     * these.
     */
    public String classOf(Observation o) {
        if (o.valueCode() != null) {
            for (Map.Entry<String, List<DictionaryCode>> entry : valueCodes.entrySet()) {
                if (entry.getValue().stream().anyMatch(c -> c.code().equals(o.valueCode()))) {
                    return entry.getKey();
                }
            }
            String named = o.valueCode().toUpperCase(Locale.ROOT);
            // a code the dictionary does not place ("smoker, current status unknown") is no class of a concept whose
            // classes it names: unreadable, not another class
            return valueCodes.isEmpty() || valueCodes.containsKey(named) ? named : null;
        }
        if (o.value() != null && o.value() >= 1 && o.value() <= 4 && o.value() == Math.rint(o.value())) {
            return new String[] {"I", "II", "III", "IV"}[o.value().intValue() - 1];
        }
        return null;
    }

    public boolean isPlausible(double value) {
        return plausible.size() != 2 || (value >= plausible.get(0) && value <= plausible.get(1));
    }
}
