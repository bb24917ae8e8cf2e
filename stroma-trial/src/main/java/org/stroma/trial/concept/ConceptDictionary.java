package org.stroma.trial.concept;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.trial.patient.Code;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * The concepts criteria speak of, from a data file: the standard dictionary shipped with Stroma, optionally extended
 * with a study's own file. Finds concepts named in criteria text and the concept a patient record belongs to.
 */
public final class ConceptDictionary {
    /** The code systems whose codes nest by their characters: a range ("I2", "N06A") takes in the codes below it. */
    private static final Set<String> NESTING_FAMILIES = Set.of("icd-10", "atc");

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** The standard dictionary's files, one per kind of concept, in the order their terms are tried. */
    private static final List<String> STANDARD_FILES = List.of("concepts-observations.json", "concepts-conditions.json",
            "concepts-procedures.json", "concepts-medications.json");
    private static final ConceptDictionary STANDARD = standardFiles();

    /** The tag SNOMED CT's fully specified names end with: "Essential hypertension (disorder)". */
    private static final Pattern SEMANTIC_TAG = Pattern.compile("\\s*\\((?:disorder|finding|procedure|situation"
            + "|observable entity|regime/therapy|clinical drug|substance)\\)$");
    /** What, after a drug's name, makes the words about another thing than the drug taken. */
    private static final String NOT_THE_DRUG = "(?![- ](?:induced|associated|resistance|resistant|sensitivity"
            + "|secretion|levels?)\\b)";

    /**
     * What, after a condition's name, makes the words about another thing than the condition: its vaccine ("hepatitis B
     * vaccine"), or a likeness ("stroke-like episodes").
     */
    private static final String NOT_THE_CONDITION = "(?!-like\\b)(?!\\s+(?:vaccin\\w*|immuni[sz]ation|immunoglobulin"
            + "|immune globulin)\\b)";

    private final Map<String, Concept> byId;
    private final Map<String, List<Pattern>> patterns = new LinkedHashMap<>();
    private final Map<String, List<Pattern>> drugNames = new LinkedHashMap<>();
    /** Each concept with those above it: a record of RRMS is a record of multiple sclerosis. */
    private final Map<String, List<Concept>> ancestry = new LinkedHashMap<>();
    /**
     * Each concept with those above it by its parents only: what a broader record leaves unknown is what the
     * dictionary says is a form of it, not every concept whose codes happen to nest (diabetes with proliferative
     * retinopathy, E11.35, lies in E11, yet a record of type 2 diabetes does not leave the retinopathy unsaid).
     */
    private final Map<String, List<Concept>> parents = new LinkedHashMap<>();
    /** The concepts by code ("loinc|10230-1"), and by code prefix for codes that stand for all codes under them. */
    private final Map<String, List<Concept>> byCode = new HashMap<>();
    private final Map<String, List<Concept>> byPrefix = new HashMap<>();
    private int[] prefixLengths = new int[0];
    /** The drugs named by their ingredients, with those names in lower case (found in every medication's text). */
    private final List<NamedDrug> namedDrugs = new ArrayList<>();

    private record NamedDrug(Concept concept, List<String> names) {
        boolean namedIn(String lowerText) {
            for (String name : names) {
                if (lowerText.contains(name)) {
                    // the form is read only of a text that names the drug: most texts name none of a class
                    return !concept.inLocalForm(lowerText);
                }
            }
            return false;
        }
    }
    /** Each concept with those under it: a record of ischaemic heart disease is broader than ischaemic cardiomyopathy. */
    private final Map<String, List<Concept>> descendants = new HashMap<>();
    /** The concepts with a code strictly under a code ("icd-10|I25" above I25.5), for codes whose characters nest. */
    private final Map<String, List<Concept>> underCode = new HashMap<>();
    /** Code system URIs as the families the dictionary files codes by; records use few systems, met again and again. */
    private final Map<String, String> systems = new java.util.concurrent.ConcurrentHashMap<>();
    /** The drug classes holding a drug name, by the name, as they are asked. */
    private final Map<String, List<Concept>> classesNaming = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * What each display text names, by kind, found once: a population's records repeat the same few thousand texts,
     * and finding one tries every concept's terms. Bounded, so that a stream of distinct texts cannot fill the memory.
     */
    private final Map<String, Recognition> byDisplay = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int DISPLAYS_KEPT = 200_000;

    private ConceptDictionary(Map<String, Concept> byId) {
        this.byId = byId;
        for (Concept concept : byId.values()) {
            List<Pattern> list = new ArrayList<>();
            for (String term : concept.terms()) {
                boolean cased = !term.equals(term.toLowerCase(java.util.Locale.ROOT));
                list.add(Pattern.compile("(?<![\\w-])(?:" + term + ")(?![\\w])"
                        + (concept.kind() == ConceptKind.CONDITION ? NOT_THE_CONDITION : ""),
                        cased ? 0 : Pattern.CASE_INSENSITIVE));
            }
            patterns.put(concept.id(), list);
            List<Pattern> names = new ArrayList<>();
            for (String name : concept.names()) {
                // a name may be a stem ("mycophenol"): it matches the words that begin with it; but a drug's name
                // before "-induced" or "resistance" speaks of something else ("heparin-induced thrombocytopenia")
                names.add(Pattern.compile("(?<![\\w-])" + Pattern.quote(name) + "\\w*" + NOT_THE_DRUG,
                        Pattern.CASE_INSENSITIVE));
            }
            drugNames.put(concept.id(), names);
        }
        for (Concept concept : byId.values()) {
            ancestry.put(concept.id(), above(concept));
            parents.put(concept.id(), byId.values().stream().filter(c -> underParent(concept, c.id())).toList());
        }
        for (Concept concept : byId.values()) {
            descendants.put(concept.id(), byId.values().stream().filter(c -> c != concept
                    && underParent(c, concept.id())).toList());
            for (Concept.DictionaryCode code : concept.codes()) {
                String family = Concept.DictionaryCode.family(code.system());
                for (String above : BroaderCodes.above(family, code.code())) {
                    underCode.computeIfAbsent(family + "|" + above, k -> new ArrayList<>()).add(concept);
                }
            }
            for (Concept.DictionaryCode code : concept.codes()) {
                String key = Concept.DictionaryCode.family(code.system()) + "|" + code.code();
                (code.prefix() ? byPrefix : byCode).computeIfAbsent(key, k -> new ArrayList<>()).add(concept);
                if (code.prefix()) {
                    prefixLengths = java.util.stream.IntStream.concat(java.util.Arrays.stream(prefixLengths),
                            java.util.stream.IntStream.of(code.code().length())).distinct().sorted().toArray();
                }
            }
            if (concept.kind() == ConceptKind.MEDICATION && !concept.names().isEmpty()) {
                namedDrugs.add(new NamedDrug(concept, concept.names().stream()
                        .map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList()));
            }
        }
    }

    /** The dictionary shipped with Stroma. */
    public static ConceptDictionary standard() {
        return STANDARD;
    }

    private static ConceptDictionary standardFiles() {
        Map<String, Concept> concepts = new LinkedHashMap<>();
        for (String file : STANDARD_FILES) {
            concepts.putAll(read(ConceptDictionary.class.getResourceAsStream(file), file));
        }
        return new ConceptDictionary(concepts);
    }

    /** This dictionary with the concepts of another file added (a concept with the same id is replaced). */
    public ConceptDictionary with(InputStream extra, String name) {
        Map<String, Concept> merged = new LinkedHashMap<>(byId);
        merged.putAll(read(extra, name));
        return new ConceptDictionary(merged);
    }

    /** The concepts of one dictionary file, in its order. */
    private static Map<String, Concept> read(InputStream in, String name) {
        if (in == null) {
            throw new IllegalStateException("concept dictionary " + name + " is missing");
        }
        try (InputStream stream = in) {
            JsonNode root = JSON.readTree(stream);
            Map<String, Concept> concepts = new LinkedHashMap<>();
            for (JsonNode node : root.path("concepts")) {
                Concept concept = JSON.treeToValue(node, Concept.class);
                concepts.put(concept.id(), concept);
            }
            return concepts;
        } catch (IOException e) {
            throw new UncheckedIOException("concept dictionary " + name + " cannot be read", e);
        }
    }

    public Optional<Concept> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Concept get(String id) {
        Concept concept = byId.get(id);
        if (concept == null) {
            throw new InvalidInputException("no concept '" + id + "' in the dictionary");
        }
        return concept;
    }

    /**
     * The drug classes whose drugs include one named ("local anaesthetics" for "xylocaine"): found once per name, since
     * a population's screening asks it of every patient.
     */
    public List<Concept> classesNaming(String drugName) {
        return classesNaming.computeIfAbsent(drugName.toLowerCase(java.util.Locale.ROOT), name -> namedDrugs.stream()
                .map(NamedDrug::concept).filter(c -> c.matches(List.of(), name)).toList());
    }

    public List<Concept> all() {
        return List.copyOf(byId.values());
    }

    /**
     * The concepts named in a text, left to right, drugs by their class's terms or by their own names. Where names
     * overlap the longer wins ("myocardial infarction" over "infarction"), then the more specific ("relapsing-remitting
     * MS" over "MS"), then a class's term over a drug's name.
     */
    public List<Mention> mentions(String text) {
        List<Mention> all = new ArrayList<>();
        for (Concept concept : byId.values()) {
            for (Pattern pattern : patterns.get(concept.id())) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    if (m.end() > m.start()) {
                        all.add(new Mention(concept, m.start(), m.end(), m.group(), false));
                    }
                }
            }
            for (Pattern pattern : drugNames.get(concept.id())) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    all.add(new Mention(concept, m.start(), m.end(), m.group(), true));
                }
            }
        }
        all.sort(Comparator.comparingInt(Mention::start).thenComparing(m -> -(m.end() - m.start()))
                .thenComparing(m -> m.concept().parent() == null ? 1 : 0).thenComparing(m -> m.drugName() ? 1 : 0));
        List<Mention> chosen = new ArrayList<>();
        int covered = -1;
        for (Mention m : all) {
            if (m.start() >= covered) {
                chosen.add(m);
                covered = m.end();
            }
        }
        return chosen;
    }

    /**
     * The concepts a record with these codes (and, for a drug, this text) is an instance of: those it matches
     * ({@link Concept#matches}) and every concept above them. Found by lookups rather than by trying each concept, since
     * screening a population asks this of every fact.
     */
    public Set<Concept> recognising(List<Code> codes, String text) {
        Set<Concept> matched = new LinkedHashSet<>();
        for (Code code : codes) {
            if (code == null || code.code() == null || code.system() == null) {
                continue;
            }
            String key = systems.computeIfAbsent(code.system(), Concept.DictionaryCode::family) + "|" + code.code();
            List<Concept> exact = byCode.get(key);
            if (exact != null) {
                matched.addAll(exact);
            }
            int system = key.length() - code.code().length();
            for (int length : prefixLengths) {
                if (length > code.code().length()) {
                    break;
                }
                List<Concept> under = byPrefix.get(key.substring(0, system + length));
                if (under != null) {
                    matched.addAll(under);
                }
            }
        }
        if (text != null && !namedDrugs.isEmpty()) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            for (NamedDrug drug : namedDrugs) {
                if (drug.namedIn(lower)) {
                    matched.add(drug.concept());
                }
            }
        }
        if (matched.isEmpty()) {
            return Set.of();
        }
        Set<Concept> all = new LinkedHashSet<>();
        for (Concept c : matched) {
            all.addAll(ancestry.get(c.id()));
        }
        return all;
    }

    /**
     * The concepts narrower than what a record with these codes says, which it is not recorded as ({@code
     * recognised}), and for which it is therefore neither a yes nor a no:
     * <ul>
     * <li>those under a concept whose own code the record carries: multiple sclerosis, coded as such, does not say
     * which form. An acute event under it (a myocardial infarction under ischaemic heart disease) is recorded as
     * itself when it happens, and is not among them;</li>
     * <li>the forms of the most specific concept the record is that its code system cannot tell apart: a lung cancer
     * coded C34.11 does not say whether it is a non-small cell one, which only SNOMED CT codes;</li>
     * <li>those whose codes lie under the record's code (aortic valve disorder, I35, above aortic stenosis, I35.0),
     * when the record is of nothing but what stands above them: type 2 diabetes, E11, is not an unsaid proliferative
     * retinopathy because ICD-10 codes the two together as E11.35.</li>
     * </ul>
     * A record that matched a concept only through a code range (I25.1 under "I2") is specific, and says no more.
     */
    public Set<Concept> narrowerThan(List<Code> codes, Set<Concept> recognised) {
        Set<Concept> narrower = new LinkedHashSet<>();
        for (Code code : codes) {
            if (code == null || code.code() == null || code.system() == null) {
                continue;
            }
            String key = systems.computeIfAbsent(code.system(), Concept.DictionaryCode::family) + "|" + code.code();
            for (Concept named : byCode.getOrDefault(key, List.of())) {
                descendants.getOrDefault(named.id(), List.of()).stream().filter(c -> !c.event()).forEach(narrower::add);
            }
            // a code of the most specific concept the record is (G35, multiple sclerosis, which ICD-10 does not
            // divide; C34.1, a lung cancer, whose histology ICD-10 does not code) does not say which of the forms its
            // code system cannot tell apart it is (primary progressive MS, non-small cell lung cancer: SNOMED CT
            // only), unless the record names one in another coding
            String family = key.substring(0, key.length() - code.code().length() - 1);
            for (Concept named : recognised) {
                List<Concept> forms = descendants.getOrDefault(named.id(), List.of());
                boolean byThisCode = named.codes().stream().anyMatch(x -> x.matches(code));
                if (byThisCode && forms.stream().noneMatch(recognised::contains)) {
                    forms.stream().filter(c -> !c.event() && c.codes().stream().noneMatch(x -> Concept.DictionaryCode
                            .family(x.system()).equals(family))).forEach(narrower::add);
                }
            }
            // a class the record falls in only through a range wider than its code (I25 under "I2", heart disease)
            // says nothing of which form it is, and does not make the record one of something else
            Set<Concept> specific = new LinkedHashSet<>(recognised);
            specific.removeIf(c -> onlyThroughAWiderRange(c, code));
            for (Concept under : underCode.getOrDefault(key, List.of())) {
                if (parents.get(under.id()).containsAll(specific)) {
                    narrower.add(under);
                }
            }
        }
        narrower.removeAll(recognised);
        return narrower;
    }

    /** Whether a concept takes in this code, and only through a code range shorter than the code. */
    private static boolean onlyThroughAWiderRange(Concept concept, Code code) {
        boolean any = false;
        for (Concept.DictionaryCode mine : concept.codes()) {
            if (mine.matches(code)) {
                if (!mine.prefix() || mine.code().length() >= code.code().length()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * What a record is an instance of: the concepts it is recognised as, and, when they were found by its display text
     * rather than its codes, that text ({@code byName}; null when a code or a drug's ingredient name matched).
     */
    public record Recognition(Set<Concept> concepts, String byName) {
        static final Recognition NONE = new Recognition(Set.of(), null);
    }

    /**
     * The concepts of a kind a record is an instance of. By its codes (and a drug's text) as {@link #recognising} finds
     * them; when none of those is known, by its display text: the whole of one display (a coding's display, or the
     * code's text; without the tag that ends a SNOMED CT name, "(disorder)") must be a concept's label or match one of
     * its terms whole — "Peak VO2" or "NYHA class", never a term inside a longer text ("VO2 peak not reached at 6
     * min") — and must name exactly one concept, or none is taken. Records from systems whose codes Stroma does not
     * know then still count, and say how they were matched.
     */
    public Recognition recognise(ConceptKind kind, List<Code> codes, String text) {
        Set<Concept> byCode = recognising(codes, text);
        if (!byCode.isEmpty()) {
            return new Recognition(byCode, null);
        }
        for (Code code : codes) {
            if (code == null || code.display() == null) {
                continue;
            }
            String key = kind + "|" + code.display();
            Recognition named = byDisplay.get(key);
            if (named == null) {
                named = namedBy(kind, code.display());
                if (byDisplay.size() < DISPLAYS_KEPT) {
                    byDisplay.put(key, named);
                }
            }
            if (named != Recognition.NONE) {
                return named;
            }
        }
        return Recognition.NONE;
    }

    /** The concept of a kind a display names whole, with the display as read; NONE when it names none or several. */
    private Recognition namedBy(ConceptKind kind, String text) {
        String display = SEMANTIC_TAG.matcher(text.strip()).replaceFirst("").replaceAll("\\s+", " ");
        if (display.isEmpty()) {
            return Recognition.NONE;
        }
        List<Concept> named = byId.values().stream().filter(c -> c.kind() == kind && names(c, display)).toList();
        return named.size() == 1 ? new Recognition(Set.copyOf(ancestry.get(named.get(0).id())), display)
                : Recognition.NONE;
    }

    /** Whether a display is the concept's label, or one of its terms from its first character to its last. */
    private boolean names(Concept concept, String display) {
        return concept.label().equalsIgnoreCase(display)
                || patterns.get(concept.id()).stream().anyMatch(p -> p.matcher(display).matches());
    }

    /** Whether a record with these codes and this text is an instance of the concept (or of a concept under it). */
    public boolean recognises(Concept concept, List<Code> codes, String text) {
        return recognising(codes, text).contains(concept);
    }

    /** Whether {@code concept} is {@code ancestor} or lies under it, by its parents or by its codes. */
    public boolean isA(Concept concept, String ancestor) {
        List<Concept> above = ancestry.get(concept.id());
        return above == null ? underParent(concept, ancestor)
                : above.stream().anyMatch(c -> c.id().equals(ancestor));
    }

    private boolean underParent(Concept concept, String ancestor) {
        for (Concept c = concept; c != null; c = c.parent() == null ? null : byId.get(c.parent())) {
            if (c.id().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A concept and those above it: its parents, and the broad classes ({@link Concept#takesIn}) whose code ranges take
     * in every one of its codes that nest (ICD-10, ATC), with their parents in turn. Heart failure (I50) is a cardiovascular disease (I50 among
     * its ranges) whether or not the dictionary names the one the other's parent, so that a record coded only in
     * SNOMED CT as heart failure is one of cardiovascular disease too, as an ICD-10 record of it already is.
     */
    private List<Concept> above(Concept concept) {
        Set<Concept> above = new LinkedHashSet<>();
        java.util.Deque<Concept> next = new java.util.ArrayDeque<>(List.of(concept));
        while (!next.isEmpty()) {
            Concept c = next.pop();
            if (!above.add(c)) {
                continue;
            }
            if (c.parent() != null && byId.containsKey(c.parent())) {
                next.push(byId.get(c.parent()));
            }
            for (Concept wider : byId.values()) {
                if (wider != c && wider.takesIn() && wider.kind() == c.kind() && takesInTheCodesOf(wider, c)) {
                    next.push(wider);
                }
            }
        }
        // in the dictionary's order, as the parents alone gave them
        return byId.values().stream().filter(above::contains).toList();
    }

    /** Whether every nesting code of {@code narrower} lies in a code range of {@code wider}, and it has one. */
    private static boolean takesInTheCodesOf(Concept wider, Concept narrower) {
        boolean any = false;
        for (Concept.DictionaryCode code : narrower.codes()) {
            String family = Concept.DictionaryCode.family(code.system());
            if (!NESTING_FAMILIES.contains(family)) {
                continue;
            }
            any = true;
            boolean takenIn = wider.codes().stream().anyMatch(w -> w.prefix()
                    && Concept.DictionaryCode.family(w.system()).equals(family) && code.code().startsWith(w.code()));
            if (!takenIn) {
                return false;
            }
        }
        return any;
    }
}
