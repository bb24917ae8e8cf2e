package org.stroma.trial.eligibility.rule;

/** The patient had a procedure within the window, or has one planned within a future window. */
public record ProcedureRule(String concept, Window window) implements Rule {
    @Override
    public String describe() {
        return (window.kind() == Window.Kind.NEXT ? "has " + concept + " planned " : "had " + concept + " ")
                + window.describe();
    }

    @Override
    public String ruleText() {
        return "procedure " + concept + " " + window.ruleText();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.procedure(this);
    }
}
