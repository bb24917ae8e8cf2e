package org.stroma.protocol.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Route;

/**
 * Reads the route of administration from free text. When a text names several routes, the one mentioned first wins:
 * registries describe the product's own route before any procedure around it.
 */
public final class RouteReader {
    private static final Map<Route, String> PATTERNS = new LinkedHashMap<>();
    /** All routes in one alternation, group i+1 being route i, so that a text is scanned once. */
    private static final Pattern ANY_ROUTE;
    private static final Route[] BY_GROUP;

    static {
        add(Route.INTRAMYOCARDIAL, "intra-?myocardial(?:ly)?|trans-?endocardial(?:ly)?|into the myocardium"
                + "|\\bnoga\\b|epicardial injections?");
        add(Route.INTRACORONARY, "intra-?coronar(?:y|ily)|into the (?:\\w+ )?coronary arter(?:y|ies)");
        add(Route.INTRATHECAL, "intra-?thecal(?:ly)?|lumbar puncture");
        add(Route.INTRA_ARTERIAL, "intra-?arterial(?:ly)?");
        add(Route.INTRAVENOUS, "intra-?venous(?:ly)?|endo-?venous(?:ly)?|peripheral(?:ly)? (?:vein|venous|intravenous)"
                + "|(?<![\\w/-])i\\.?v\\.?(?=\\s+(?:infusions?|injections?|administration|bolus|drip|route|line))"
                + "|(?:via|by|through)\\s+(?:the\\s+)?i\\.?v\\.?(?![\\w])|\\bvenous infusion");
        add(Route.INTRAMUSCULAR, "intra-?muscular(?:ly)?|\\bi\\.m\\.(?=\\s)");
        add(Route.SUBCUTANEOUS, "sub-?cutaneous(?:ly)?|\\bs\\.c\\.(?=\\s)");
        add(Route.INTRADERMAL, "intra-?dermal(?:ly)?");
        add(Route.INTRA_ARTICULAR, "intra-?articular(?:ly)?|into the (?:knee|hip|joint)");
        add(Route.INTRADISCAL, "intra-?discal(?:ly)?|into the (?:intervertebral )?disc");
        add(Route.INTRAVITREAL, "intra-?vitreal(?:ly)?");
        add(Route.INTRANASAL, "intra-?nasal(?:ly)?");
        add(Route.INHALATION, "inhal(?:ed|ation)|nebuli[sz](?:ed|ation|er)");
        add(Route.INTRATRACHEAL, "intra-?tracheal(?:ly)?|endo-?tracheal(?:ly)?|intra-?bronchial");
        add(Route.INTRAPERITONEAL, "intra-?peritoneal(?:ly)?");
        add(Route.INTRALESIONAL, "intra-?lesional(?:ly)?|peri-?lesional|into the (?:lesion|wound|ulcer|fistula)");
        add(Route.INTRACEREBRAL, "intra-?cerebral|intra-?parenchymal|intra-?ventricular");
        add(Route.INTRAOSSEOUS, "intra-?osseous(?:ly)?|intra-?bone");
        add(Route.INTRAPORTAL, "intra-?portal|portal vein");
        add(Route.TOPICAL, "\\btopical(?:ly)?\\b");
        add(Route.ORAL, "\\borally\\b|\\boral (?:administration|dose|tablets?|capsules?)");
        BY_GROUP = PATTERNS.keySet().toArray(new Route[0]);
        ANY_ROUTE = Pattern.compile(String.join("|", PATTERNS.values().stream().map(r -> "(" + r + ")").toList()),
                Pattern.CASE_INSENSITIVE);
    }

    private RouteReader() {
    }

    /** Each route's pattern must use only non-capturing groups, so that group i+1 of the alternation is route i. */
    private static void add(Route route, String regex) {
        if (Pattern.compile(regex).matcher("").groupCount() != 0) {
            throw new IllegalStateException("the pattern for " + route + " has a capturing group");
        }
        PATTERNS.put(route, regex);
    }

    /** The route mentioned first in the text, or null. */
    public static Route read(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ANY_ROUTE.matcher(text);
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= BY_GROUP.length; g++) {
            if (m.group(g) != null) {
                return BY_GROUP[g - 1];
            }
        }
        return null;
    }
}
