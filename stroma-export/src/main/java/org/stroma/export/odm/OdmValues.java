package org.stroma.export.odm;

import java.math.BigDecimal;

/** Values as ODM writes them. */
final class OdmValues {
    private OdmValues() {
    }

    /** A number without a needless ".0" or exponent: 80, 35.5. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
