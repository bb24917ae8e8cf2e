package org.stroma.fhir;

/** The seed trials in cardiology, by their fixture names. */
final class CardiacSeeds {
    static final String MESAMI2 = "000_b4a57771c457638a";
    static final String ACESO = "002_70a1459048f6b63c";
    static final String UC_MSC_DCM = "003_4c6cadfb0611a693";

    private CardiacSeeds() {
    }
}
