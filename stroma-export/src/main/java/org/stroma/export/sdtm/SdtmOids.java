package org.stroma.export.sdtm;

/**
 * The OIDs that tie a Dataset-JSON file to define.xml: IG.&lt;dataset&gt; for a dataset, IT.&lt;dataset&gt;.&lt;variable&gt;
 * for a variable, CL.&lt;dataset&gt;.&lt;variable&gt; for its code list.
 */
final class SdtmOids {
    private SdtmOids() {
    }

    static String itemGroup(String dataset) {
        return "IG." + dataset;
    }

    static String item(String dataset, String variable) {
        return "IT." + dataset + "." + variable;
    }

    static String codeList(String dataset, String variable) {
        return "CL." + dataset + "." + variable;
    }

    static String method(String name) {
        return "MT." + name;
    }
}
