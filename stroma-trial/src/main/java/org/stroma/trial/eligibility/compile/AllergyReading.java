package org.stroma.trial.eligibility.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.concept.ConceptKind;
import org.stroma.trial.concept.Mention;
import org.stroma.trial.eligibility.rule.AllOf;
import org.stroma.trial.eligibility.rule.AllergyRule;
import org.stroma.trial.eligibility.rule.AnyOf;
import org.stroma.trial.eligibility.rule.Attestation;
import org.stroma.trial.eligibility.rule.Rule;

/**
 * An exclusion that is an allergy and nothing else: "Known hypersensitivity to penicillins or cephalosporins",
 * "Allergy to lidocaine", "History of aspirin allergy". Records hold allergies and intolerances (FHIR
 * AllergyIntolerance), so the substances the dictionary knows, and single substances an allergy is said to be to
 * ("allergy to latex", "to nickel"), become an {@link AllergyRule}; what it cannot place ("the study drug", "any of
 * the excipients") is asked beside it as an alternative, and so is a contraindication named with the allergy, which no
 * record holds.
 *
 * <p>Anything that would change what the allergy means is asked whole, never guessed: a negation ("no known allergy"),
 * a doubt ("suspected"), a list that must all hold ("to both heparin and bivalirudin", "to all anticoagulants"), or a
 * qualifier after the list ("… precluding treatment", "… manifested by urticaria").
 */
final class AllergyReading {
    private static final String ALLERGY = "(?:allerg(?:y|ies|ic)|hypersensitivit(?:y|ies)|intoleran(?:ce|t)"
            + "|anaphyla(?:xis|ctic)|contra-?indications?)(?:\\s+(?:reactions?|shock))?";
    /** "Known allergy or contraindication to", "patients allergic to", "history of hypersensitivity reactions to". */
    private static final Pattern BEFORE_THE_LIST = Pattern.compile("(?i)^\\W*(?:\\d+[.)]\\s*)?(?:(?:the\\s+)?(?:patients?"
            + "|subjects?|participants?|persons?|individuals?)\\s+(?:(?:with|who\\s+(?:has|have|is|are)|having|has|have|is"
            + "|are)\\s+)?)?(?:(?:a|an|any|known|documented|previous|prior|past|(?:medical\\s+|clinical\\s+)?history\\s+of"
            + "|drug|serious|severe|significant|confirmed|established|immediate|delayed|or|and/or|and)\\s+)*" + ALLERGY
            + "(?:\\s*(?:,|/|\\bor\\b|\\band/or\\b|\\band\\b)\\s*(?:known\\s+)?" + ALLERGY + ")*\\s+(?:to|against|on|towards?)"
            + "\\s+(.+)$");
    /**
     * "Paraben allergy", "a history of aspirin allergy": the substance before the word. Not an intolerance named so:
     * "lactose intolerance", "heat intolerance" are conditions, not allergies a record files.
     */
    private static final Pattern LIST_BEFORE = Pattern.compile("(?i)^\\W*(?:\\d+[.)]\\s*)?(?:(?:the\\s+)?(?:patients?"
            + "|subjects?)\\s+(?:(?:with|has|have)\\s+)?)?(?:(?:a|an|known|documented|(?:medical\\s+)?history\\s+of)\\s+)*"
            + "([a-z][\\w-]*(?:\\s+[a-z][\\w-]*)?)\\s+(?:allerg(?:y|ies)|hypersensitivity)\\W*$");
    private static final Pattern NEGATION_OR_DOUBT = Pattern.compile("(?i)\\b(?:no|not|non|without|free of|absence"
            + "|never|denies|suspected|possible|potential|likely|probable|presumed|except|other than|excluding)\\b");
    /** Every item must hold, or what follows the list limits it: the investigator reads it. */
    private static final Pattern NOT_ONE_OF = Pattern.compile("(?i)\\b(?:all|both|each|every|combination|which|that|who"
            + "|requiring|requires?|manifest\\w*|result\\w*|leading|lead|causing|caused|due|such that|when|if|unless"
            + "|during|after|before|within|precluding|preventing|history|documented|use|using|taking)\\b|[<>≤≥=;\\d]");
    /** Words around a drug's name that do not narrow it: "any penicillin drugs", "other cephalosporins". */
    private static final Pattern AROUND_A_DRUG = Pattern.compile("(?i)\\b(?:a|an|the|to|any|other|known|drugs?|medications?"
            + "|medicines?|agents?|class|derivatives?|preparations?|therapy|therapies|treatment|or|and)\\b|[^a-z]");
    /** What is no substance one could name on a record: the trial's own products, their parts, a class in words. */
    private static final Pattern NO_SUBSTANCE = Pattern.compile("(?i)\\b(?:study|studied|investigational|trial|drugs?"
            + "|medications?|medicines?|products?|components?|constituents?|excipients?|ingredients?|formulations?"
            + "|vehicle|placebo|agents?|compounds?|substances?|materials?|devices?|used|proposed|given|related|similar"
            + "|class|classes|foods?|contrast|anesthe\\w*|anaesthe\\w*|vaccines?|any|protocol|treatments?|therapy"
            + "|therapies|procedures?|imaging|this|its|their|these|those)\\b");

    /** How severe the allergy must have been, which a record of it rarely says. */
    private static final Pattern SEVERITY = Pattern.compile("(?i)\\b(?:serious|severe|significant|immediate|delayed"
            + "|life-threatening|anaphyla(?:xis|ctic))\\b");

    /** "Allergy to", "hypersensitivity reactions against": what follows is the substance of an allergy. */
    private static final Pattern ALLERGY_TO = Pattern.compile("(?i)\\b(?:allerg\\w*|hypersensitiv\\w*|intoleran\\w*"
            + "|anaphyla\\w*)(?:\\s+(?:reactions?|shock))?\\s+(?:to|against|towards?)\\b");

    private AllergyReading() {
    }

    /**
     * Whether a drug is named after "allergy to" in a criterion this reading did not take ("renal failure or allergy to
     * acetazolamide and other sulfonamides"): read clause by clause, the drug would become a drug the patient takes.
     */
    static boolean drugOfAnAllergy(String text, ConceptDictionary dictionary) {
        Matcher m = ALLERGY_TO.matcher(text);
        return m.find() && dictionary.mentions(text).stream()
                .anyMatch(x -> x.concept().kind() == ConceptKind.MEDICATION && x.start() >= m.end());
    }

    /** The criterion as an allergy rule, or null when it is not one this reading can be sure of. */
    static Rule read(String text, ConceptDictionary dictionary) {
        String t = text.strip();
        Matcher after = BEFORE_THE_LIST.matcher(t);
        Matcher before = LIST_BEFORE.matcher(t);
        String list;
        String lead;
        if (after.matches()) {
            list = after.group(1);
            lead = t.substring(0, after.start(1));
        } else if (before.matches()) {
            list = before.group(1);
            lead = t.substring(before.end(1));
        } else {
            return null;
        }
        if (NEGATION_OR_DOUBT.matcher(t).find()) {
            return null;
        }
        boolean contraindication = lead.toLowerCase(Locale.ROOT).contains("contra");
        boolean allergy = lead.matches("(?is).*\\b(?:allerg|hypersensitiv|intoleran|anaphyla).*");
        // a substance the dictionary does not know is taken by its name only after "allergy to": "polyvalent allergy",
        // "heat intolerance" name no substance
        boolean byName = after.matches() && lead.matches("(?is).*\\b(?:allerg|hypersensitiv|anaphyla).*");
        list = list.replaceAll("(?i)\\b(?:e\\.g\\.|i\\.e\\.|such as|including|like|for example|namely)\\b", ",")
                .replaceAll("(?i)^\\s*any\\s+of\\s+the\\s+following(?:\\s+(?:medications|drugs|substances))?\\s*:?", "")
                .replaceAll("[()\\[\\]:]", ",").replaceAll("[.;,\\s]+$", "");
        if (!allergy || list.isBlank() || NOT_ONE_OF.matcher(list).find()) {
            return null;
        }
        List<String> concepts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (String raw : list.split("(?i)\\s*(?:,|/|;|\\bor\\b|\\band/or\\b|\\band\\b|\\bnor\\b|&)\\s*")) {
            String item = raw.strip().replaceFirst("(?i)^to\\s+", "");
            if (item.isEmpty() || Markers.isFiller(item)) {
                continue;
            }
            List<Mention> drugs = dictionary.mentions(item).stream()
                    .filter(m -> m.concept().kind() == ConceptKind.MEDICATION).toList();
            String rest = item;
            for (Mention m : drugs) {
                rest = rest.replace(m.text(), " ");
            }
            if (!drugs.isEmpty() && AROUND_A_DRUG.matcher(rest).replaceAll("").isBlank()) {
                for (Mention m : drugs) {
                    List<String> into = m.drugName() ? names : concepts;
                    String what = m.drugName() ? m.text().toLowerCase(Locale.ROOT) : m.concept().id();
                    if (!into.contains(what)) {
                        into.add(what);
                    }
                }
            } else if (byName && oneSubstance(item)) {
                String name = item.toLowerCase(Locale.ROOT).replaceAll("^(?:a|an|the|any|other)\\s+", "");
                if (!names.contains(name)) {
                    names.add(name);
                }
            } else {
                unread.add(item);
            }
        }
        if (concepts.isEmpty() && names.isEmpty()) {
            return null;
        }
        List<Rule> alternatives = new ArrayList<>();
        alternatives.add(new AllergyRule(concepts, names));
        if (!unread.isEmpty()) {
            alternatives.add(new Attestation("allergy or intolerance to " + String.join(", ", unread) + "?"));
        }
        if (contraindication) {
            alternatives.add(new Attestation("contraindication to " + list.strip() + "?"));
        }
        Rule rule = alternatives.size() == 1 ? alternatives.get(0) : new AnyOf(alternatives);
        // "severe allergy to", "anaphylaxis to": records say an allergy is there, rarely how severe it was
        Matcher severity = SEVERITY.matcher(lead);
        return severity.find() ? new AllOf(List.of(rule, new Attestation("was it a " + severity.group().toLowerCase(
                Locale.ROOT) + " reaction?"))) : rule;
    }

    /**
     * A single substance by its name: one word, not a plural (a plural is a class: "anesthetics", "antibiotics"), not a
     * word for the trial's products or their parts.
     */
    private static boolean oneSubstance(String item) {
        String word = item.toLowerCase(Locale.ROOT).replaceAll("^(?:a|an|the|any|other)\\s+", "").strip();
        return word.matches("[a-z][a-z-]{3,}") && !word.matches(".*[^s]s") && !NO_SUBSTANCE.matcher(word).find();
    }
}
