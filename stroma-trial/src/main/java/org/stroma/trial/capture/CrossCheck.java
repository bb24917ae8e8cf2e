package org.stroma.trial.capture;

/**
 * A check between two numeric items of one form, such as "end-systolic volume < end-diastolic volume" or "diastolic
 * < systolic pressure". It runs when both have values; a failure opens a query on the left item.
 */
public record CrossCheck(String left, Comparison comparison, String right, String message) {

    public enum Comparison {
        LESS("<"), LESS_OR_EQUAL("≤"), GREATER(">"), GREATER_OR_EQUAL("≥");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(double a, double b) {
            return switch (this) {
                case LESS -> a < b;
                case LESS_OR_EQUAL -> a <= b;
                case GREATER -> a > b;
                case GREATER_OR_EQUAL -> a >= b;
            };
        }
    }

    boolean holds(double a, double b) {
        return comparison.holds(a, b);
    }
}
