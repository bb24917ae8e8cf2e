package org.stroma.trial.eligibility.rule;

/**
 * What records cannot decide: the investigator answers ("is the patient a candidate for revascularization?",
 * "has written informed consent been given?"). Until answered, the rule is unknown.
 */
public record Attestation(String question) implements Rule {
    @Override
    public String describe() {
        return "investigator attests: " + question;
    }

    @Override
    public String ruleText() {
        return "attest \"" + question.replace("\"", "'") + "\"";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.attestation(this);
    }
}
