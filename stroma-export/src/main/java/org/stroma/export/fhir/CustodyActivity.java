package org.stroma.export.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.stroma.trial.product.CustodyEvent;

/**
 * A step of a product's chain of custody as a Provenance activity, coded in Stroma's custody-step system: the step's
 * name with '-' for spaces ("culture-started", "bedside-verified"), and "-refused" after it for a step the chain
 * refused (a failed bedside check is kept as much as a passed one). The same code whether the step is read from the
 * ledger (an unblinded export) or from the bedside's view of the product (a blinded one).
 */
final class CustodyActivity {
    private static final String REFUSED = "refused ";
    /** How a product's view names the bedside check, which the ledger calls "bedside verified". */
    private static final String VIEW_BEDSIDE = "verified at the bedside";
    private static final String LEDGER_BEDSIDE = "bedside verified";

    private CustodyActivity() {
    }

    /** The code of a ledger's event. */
    static String code(CustodyEvent e, boolean refused) {
        return code(e.what(), refused);
    }

    /** The code of a step as a product's view names it ("verified at the bedside", "refused administered"). */
    static String codeOfViewStep(String what) {
        boolean refused = what.startsWith(REFUSED);
        String name = refused ? what.substring(REFUSED.length()) : what;
        return code(name.equals(VIEW_BEDSIDE) ? LEDGER_BEDSIDE : name, refused);
    }

    /** Whether a code is one of the bedside's steps, the only ones a blinded reader sees. */
    static boolean bedside(String code) {
        String step = code.endsWith("-refused") ? code.substring(0, code.length() - "-refused".length()) : code;
        return step.equals(code(LEDGER_BEDSIDE, false)) || step.equals("administered");
    }

    static CodeableConcept concept(String code, String text) {
        String display = code.replace('-', ' ');
        return new CodeableConcept().addCoding(new Coding(Systems.CUSTODY_STEP, code, display))
                .setText(text == null || text.isBlank() ? display : display + ": " + text);
    }

    private static String code(String what, boolean refused) {
        return what.strip().replace(' ', '-') + (refused ? "-refused" : "");
    }
}
