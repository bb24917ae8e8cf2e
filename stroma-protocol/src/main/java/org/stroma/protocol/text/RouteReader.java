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
    private static final Map<Route, Pattern> PATTERNS = new LinkedHashMap<>();

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
    }

    private RouteReader() {
    }

    private static void add(Route route, String regex) {
        PATTERNS.put(route, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    /** The route mentioned first in the text, or null. */
    public static Route read(String text) {
        if (text == null) {
            return null;
        }
        Route first = null;
        int firstAt = Integer.MAX_VALUE;
        for (Map.Entry<Route, Pattern> e : PATTERNS.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            if (m.find() && m.start() < firstAt) {
                first = e.getKey();
                firstAt = m.start();
            }
        }
        return first;
    }
}
