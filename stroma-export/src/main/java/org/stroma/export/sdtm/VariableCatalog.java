package org.stroma.export.sdtm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables Stroma writes, with the label, type and origin each has in every dataset. A name that starts with "--"
 * stands for the variable of any domain ("--SEQ" is AESEQ in AE); a domain's own name, where listed, wins.
 */
final class VariableCatalog {
    /** name | label | type | origin (C collected, D derived, A assigned, P protocol) | enumerated in define.xml */
    private static final String CATALOG = """
            STUDYID|Study Identifier|TEXT|P|
            DOMAIN|Domain Abbreviation|TEXT|A|
            USUBJID|Unique Subject Identifier|TEXT|D|
            SUBJID|Subject Identifier for the Study|TEXT|C|
            RDOMAIN|Related Domain Abbreviation|TEXT|A|E
            IDVAR|Identifying Variable|TEXT|A|E
            IDVARVAL|Identifying Variable Value|TEXT|D|
            QNAM|Qualifier Variable Name|TEXT|A|E
            QLABEL|Qualifier Variable Label|TEXT|A|
            QVAL|Data Value|TEXT|C|
            QORIG|Origin|TEXT|A|E
            RFSTDTC|Subject Reference Start Date/Time|DATETIME|D|
            RFENDTC|Subject Reference End Date/Time|DATE|D|
            RFXSTDTC|Date/Time of First Study Treatment|DATETIME|D|
            RFXENDTC|Date/Time of Last Study Treatment|DATETIME|D|
            RFICDTC|Date/Time of Informed Consent|DATE|C|
            RFPENDTC|Date/Time of End of Participation|DATE|D|
            DTHDTC|Date/Time of Death|DATE|D|
            DTHFL|Subject Death Flag|TEXT|D|E
            SITEID|Study Site Identifier|TEXT|C|
            BRTHDTC|Date/Time of Birth|DATE|C|
            AGE|Age|INTEGER|D|
            AGEU|Age Units|TEXT|A|E
            SEX|Sex|TEXT|C|E
            ARMCD|Planned Arm Code|TEXT|A|E
            ARM|Description of Planned Arm|TEXT|A|E
            ACTARMCD|Actual Arm Code|TEXT|D|E
            ACTARM|Description of Actual Arm|TEXT|D|E
            ARMNRS|Reason Arm and/or Actual Arm is Null|TEXT|D|E
            COUNTRY|Country|TEXT|D|E
            VISITNUM|Visit Number|FLOAT|D|
            VISIT|Visit Name|TEXT|C|
            VISITDY|Planned Study Day of Visit|INTEGER|P|
            EPOCH|Epoch|TEXT|D|E
            --SEQ|Sequence Number|INTEGER|D|
            --REFID|Reference ID|TEXT|C|
            --SPID|Sponsor-Defined Identifier|TEXT|C|
            --TESTCD|Short Name of Measurement or Test|TEXT|A|E
            --TEST|Name of Measurement, Test or Examination|TEXT|A|E
            --CAT|Category|TEXT|A|E
            --ORRES|Result or Finding in Original Units|TEXT|C|
            --ORRESU|Original Units|TEXT|A|E
            --STRESC|Result or Finding in Standard Format|TEXT|D|
            --STRESN|Numeric Result/Finding in Standard Units|FLOAT|D|
            --STRESU|Standard Units|TEXT|D|E
            --SPEC|Specimen Type|TEXT|A|E
            --LOC|Location Used for the Measurement|TEXT|A|E
            --METHOD|Method of Test or Examination|TEXT|A|E
            --BLFL|Baseline Flag|TEXT|D|E
            --DTC|Date/Time of Collection|DATE|C|
            --DY|Study Day of Visit/Collection/Exam|INTEGER|D|
            --STDTC|Start Date/Time|DATETIME|C|
            --ENDTC|End Date/Time|DATETIME|C|
            --STDY|Study Day of Start|INTEGER|D|
            --ENDY|Study Day of End|INTEGER|D|
            --TRT|Name of Treatment|TEXT|C|E
            --MOOD|Mood|TEXT|A|E
            --DOSE|Dose|FLOAT|C|
            --DOSU|Dose Units|TEXT|A|E
            --DOSFRM|Dose Form|TEXT|A|E
            --ROUTE|Route of Administration|TEXT|C|E
            --TERM|Reported Term|TEXT|C|
            --DECOD|Standardized Term|TEXT|A|E
            AETOXGR|Standard Toxicity Grade|TEXT|C|E
            AESER|Serious Event|TEXT|C|E
            AEREL|Causality|TEXT|C|E
            AEOUT|Outcome of Adverse Event|TEXT|C|E
            AESCONG|Congenital Anomaly or Birth Defect|TEXT|C|E
            AESDISAB|Persist or Signif Disability/Incapacity|TEXT|C|E
            AESDTH|Results in Death|TEXT|C|E
            AESHOSP|Requires or Prolongs Hospitalization|TEXT|C|E
            AESLIFE|Is Life Threatening|TEXT|C|E
            AESMIE|Other Medically Important Serious Event|TEXT|C|E
            AESTDTC|Start Date/Time of Adverse Event|DATE|C|
            DSSTDTC|Start Date/Time of Disposition Event|DATE|C|
            SVSTDTC|Start Date/Time of Visit|DATE|C|
            SVENDTC|End Date/Time of Visit|DATE|C|
            PRSTDTC|Start Date/Time of Procedure|DATETIME|C|
            TAETORD|Planned Order of Element within Arm|INTEGER|P|
            ETCD|Element Code|TEXT|P|E
            ELEMENT|Description of Element|TEXT|P|E
            TABRANCH|Branch|TEXT|P|
            TATRANS|Transition Rule|TEXT|P|
            TESTRL|Rule for Start of Element|TEXT|P|
            TEENRL|Rule for End of Element|TEXT|P|
            TVSTRL|Visit Start Rule|TEXT|P|
            TVENRL|Visit End Rule|TEXT|P|
            IETESTCD|Incl/Excl Criterion Short Name|TEXT|P|
            IETEST|Inclusion/Exclusion Criterion|TEXT|P|
            IECAT|Inclusion/Exclusion Category|TEXT|P|E
            TIVERS|Protocol Criteria Versions|TEXT|P|
            TSPARMCD|Trial Summary Parameter Short Name|TEXT|P|E
            TSPARM|Trial Summary Parameter|TEXT|P|E
            TSVAL|Parameter Value|TEXT|P|
            TSVALNF|Parameter Null Flavor|TEXT|P|E
            """;

    private static final Map<String, String[]> ENTRIES = new LinkedHashMap<>();

    static {
        CATALOG.lines().filter(l -> !l.isBlank()).forEach(l -> ENTRIES.put(l.split("\\|")[0], l.split("\\|", -1)));
    }

    private static final Set<String> NO_DOMAIN_PREFIX = Set.of("STUDYID", "DOMAIN", "USUBJID", "SUBJID");

    private VariableCatalog() {
    }

    /** A domain's variable by its full name: VSTESTCD, USUBJID. */
    static Variable of(String domain, String name) {
        String[] e = ENTRIES.get(name);
        if (e == null && name.length() > 2 && name.startsWith(domain) && !NO_DOMAIN_PREFIX.contains(name)) {
            e = ENTRIES.get("--" + name.substring(domain.length()));
        }
        if (e == null) {
            throw new IllegalArgumentException("no SDTM variable " + name + " of " + domain + " in the catalog");
        }
        return new Variable(name, e[1], VariableType.valueOf(e[2]), null, origin(e[3]), "E".equals(e[4]));
    }

    /** A domain's variables by their names, with the keys numbered in the order given. */
    static List<Variable> of(String domain, List<String> names, List<String> keys) {
        List<Variable> variables = new ArrayList<>();
        for (String n : names) {
            Variable v = of(domain, n);
            int key = keys.indexOf(n);
            variables.add(key < 0 ? v : v.withKey(key + 1));
        }
        return variables;
    }

    private static String origin(String code) {
        return switch (code) {
            case "C" -> "Collected";
            case "D" -> "Derived";
            case "A" -> "Assigned";
            case "P" -> "Protocol";
            default -> throw new IllegalArgumentException("no origin " + code);
        };
    }
}
