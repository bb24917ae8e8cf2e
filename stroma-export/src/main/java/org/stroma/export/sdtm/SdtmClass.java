package org.stroma.export.sdtm;

/** The SDTM observation classes, as Define-XML 2.1's def:Class names them. */
final class SdtmClass {
    static final String SPECIAL_PURPOSE = "SPECIAL PURPOSE";
    static final String INTERVENTIONS = "INTERVENTIONS";
    static final String EVENTS = "EVENTS";
    static final String FINDINGS = "FINDINGS";
    static final String TRIAL_DESIGN = "TRIAL DESIGN";
    static final String RELATIONSHIP = "RELATIONSHIP";

    private SdtmClass() {
    }
}
