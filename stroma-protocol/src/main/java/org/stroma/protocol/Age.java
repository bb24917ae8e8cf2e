package org.stroma.protocol;

/** An age limit as the registry gives it: "18 Years", "6 Months". */
public record Age(double amount, TimeUnit unit) {

    /** Length in years, to compare a limit given in months or days with a patient's age. */
    public double inYears() {
        return new Offset(amount, unit).approximateDays() / 365.25;
    }

    /** The registry's spelling, "18 Years". */
    @Override
    public String toString() {
        String unitName = unit.label();
        unitName = Character.toUpperCase(unitName.charAt(0)) + unitName.substring(1);
        if (amount == 1) {
            unitName = unitName.substring(0, unitName.length() - 1);
        }
        return ScientificNotation.plain(amount) + " " + unitName;
    }
}
