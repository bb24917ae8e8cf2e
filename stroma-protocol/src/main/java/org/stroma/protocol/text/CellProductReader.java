package org.stroma.protocol.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.CellType;
import org.stroma.protocol.ProductSource;
import org.stroma.protocol.Range;
import org.stroma.protocol.Tissue;

/**
 * Reads the attributes of a cell product from free text, one attribute at a time, so that each can be taken from
 * whichever text states it (the intervention, its arm, or the study description).
 */
public final class CellProductReader {
    private static final Pattern AUTOLOGOUS = Pattern.compile(
            "\\bautolog(?:ous|ue)\\b|\\bautogen(?:ous|eic)\\b|patient'?s own|\\bown (?:bone marrow|cells|adipose|fat)"
                    + "|self-derived", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALLOGENEIC = Pattern.compile(
            "\\ballo(?:gene?ic|geneic)\\b|\\ballo-|\\bdonor[- ]derived|\\bhealthy donors?|\\bthird[- ]party"
                    + "|\\boff[- ]the[- ]shelf|\\bunrelated donors?", Pattern.CASE_INSENSITIVE);

    /** Ordered: a more specific tissue is tried before a more general one. */
    private static final Map<Tissue, Pattern> TISSUES = new LinkedHashMap<>();
    /** Ordered: a specific cell type is tried before "stem cells" in general. */
    private static final Map<CellType, Pattern> CELL_TYPES = new LinkedHashMap<>();

    static {
        tissue(Tissue.WHARTONS_JELLY, "wharton'?s?[- ]jelly|\\bWJ-?MSCs?\\b");
        tissue(Tissue.CORD_BLOOD, "cord blood|\\bU?CB-?(?:MSCs?|MNCs?)\\b");
        tissue(Tissue.UMBILICAL_CORD, "umbilical[- ]cords?|\\bh?UC-?MSCs?\\b|\\bcord[- ](?:derived|tissue)");
        tissue(Tissue.BONE_MARROW, "bone[- ]?marrow|\\bBM-?(?:MSCs?|MNCs?|SCs?)\\b|\\bBMSCs?\\b|\\bmarrow\\b");
        tissue(Tissue.ADIPOSE, "adipose|\\bfat[- ]derived|lipoaspirat|liposuction|\\bAD-?MSCs?\\b|\\bh?ADSCs?\\b"
                + "|\\bASCs?\\b");
        tissue(Tissue.PLACENTA, "placenta");
        tissue(Tissue.AMNION, "amnio(?:n|tic)");
        tissue(Tissue.DENTAL_PULP, "dental pulp|\\bDPSCs?\\b|exfoliated deciduous teeth");
        tissue(Tissue.MENSTRUAL_BLOOD, "menstrual");
        tissue(Tissue.PERIPHERAL_BLOOD, "peripheral blood");
        tissue(Tissue.HEART, "cardiosphere|cardiac[- ]derived|cardiac stem|cardiac progenitor");
        tissue(Tissue.SYNOVIUM, "synovi(?:al|um)");

        cellType(CellType.STROMAL_VASCULAR_FRACTION, "stromal vascular fraction|\\bSVF\\b");
        cellType(CellType.MESENCHYMAL_STROMAL, "mesenchymal|(?-i:\\b[a-z]{0,4}-?MSCs?\\b|\\bMSC-|\\bMPCs?\\b|\\bASCs?\\b"
                + "|\\bh?ADSCs?\\b)|stromal (?:stem |progenitor )?cells|multipotent (?:adult )?(?:progenitor|stromal)"
                // registered MSC products, by name
                + "|remestemcel|prochymal|ryoncil|temcell|multistem|cartistem|stempeucel|nurown|darvadstrocel|alofisel"
                + "|rexlemestrocel|lenzumestrocel|obnitix|hearticellgram|cellgram|cupistem|invimestrocel");
        cellType(CellType.MONONUCLEAR, "mononuclear|\\bMNCs?\\b");
        cellType(CellType.HEMATOPOIETIC_PROGENITOR, "\\bCD34\\+?|\\bCD133\\+?|ha?ematopoietic (?:stem|progenitor)");
        cellType(CellType.CARDIAC_DERIVED, "cardiosphere|\\bCDCs?\\b|cardiac (?:stem|progenitor) cells");
        cellType(CellType.T_CELLS, "\\bCAR-?T\\b|\\bT[- ]cells?\\b|\\bT[- ]lymphocytes?\\b|\\bTILs?\\b|\\bTregs?\\b");
        cellType(CellType.NK_CELLS, "\\bNK\\b(?:[- ]cells?)?|natural killer");
        cellType(CellType.DENDRITIC, "dendritic cells?");
        cellType(CellType.OTHER_CELLS, "\\bstem cells?\\b|\\bprogenitor cells?\\b|\\bcell therapy\\b|\\bcells\\b");
    }

    private static final String CELLS = "(?:mesenchymal|stem|stromal|(?-i:h?MSCs?)|cells)";
    private static final Pattern TIED_TO_CELLS = Pattern.compile(
            "\\b[\\w'-]+(?:[\\s-]+[\\w'-]+)?[\\s-]+(?:derived|origin|isolated)?[\\s-]*(?:\\w+\\s+){0,2}" + CELLS
                    + "|" + CELLS + "\\s+(?:\\w+\\s+){0,3}?(?:derived\\s+|isolated\\s+|obtained\\s+|expanded\\s+)?from\\s+"
                    + "(?:the\\s+)?(?:patient'?s\\s+|human\\s+|donor\\s+)?[\\w'-]+(?:[\\s-]+[\\w'-]+)?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CULTURE_PLUS_MINUS = Pattern.compile(
            "(?:cultur|expan)\\w*\\W+(?:\\w+\\W+){0,4}?(\\d+)\\s*(?:±|\\+/-|\\+-)\\s*(\\d+)\\s*days",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CULTURE_RANGE = Pattern.compile(
            "(?:cultur|expan)\\w*\\W+(?:\\w+\\W+){0,4}?(\\d+)\\s*(?:-|to)\\s*(\\d+)\\s*days"
                    + "|(\\d+)\\s*(?:-|to)\\s*(\\d+)\\s*days\\s+(?:of\\s+)?(?:culture|expansion)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VEHICLE = Pattern.compile(
            "(?:\\bin|suspended in|re-?suspended in|diluted in|dissolved in)\\s+(?:\\d+(?:[.,]\\d+)?\\s*ml\\s+(?:of\\s+)?)?"
                    + "(?<vehicle>(?:[\\w%.,+-]+\\s+){0,5}?(?:saline|solution|plasma-?lyte[\\w-]*|albumin|medium|media"
                    + "|buffer|ringer'?s?(?: lactate)?|dextrose|hsa|plasma|cryoprotectant))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DEVICE = Pattern.compile(
            "\\bNOGA(?:[- ]?(?:XP|Star|MyoStar))*(?:\\s+(?:XP\\s+)?system)?|\\bMyoStar\\b|\\bHelix\\b(?:\\s+catheter)?"
                    + "|\\bC-Cathez\\b|\\bBioCardia\\b", Pattern.CASE_INSENSITIVE);

    private CellProductReader() {
    }

    private static void tissue(Tissue tissue, String regex) {
        TISSUES.put(tissue, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    private static void cellType(CellType type, String regex) {
        CELL_TYPES.put(type, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    /** Autologous or allogeneic, whichever the text names first; null when it names neither. */
    public static ProductSource source(String text) {
        if (text == null) {
            return null;
        }
        Matcher auto = AUTOLOGOUS.matcher(text);
        Matcher allo = ALLOGENEIC.matcher(text);
        int autoAt = auto.find() ? auto.start() : Integer.MAX_VALUE;
        int alloAt = allo.find() ? allo.start() : Integer.MAX_VALUE;
        if (autoAt == alloAt) {
            return null;
        }
        return autoAt < alloAt ? ProductSource.AUTOLOGOUS : ProductSource.ALLOGENEIC;
    }

    /** The tissue the text names first among those it names. */
    public static Tissue tissue(String text) {
        if (text == null) {
            return null;
        }
        Tissue first = null;
        int firstAt = Integer.MAX_VALUE;
        for (Map.Entry<Tissue, Pattern> e : TISSUES.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            if (m.find() && m.start() < firstAt) {
                first = e.getKey();
                firstAt = m.start();
            }
        }
        return first;
    }

    /**
     * The tissue the text names as the cells' origin ("umbilical cord-derived mesenchymal stromal cells", "MSCs from
     * bone marrow"). Study descriptions mention tissues for other reasons ("rescue of bone marrow progenitors"), so
     * text about the study rather than the product must tie the tissue to the cells.
     */
    public static Tissue tissueOfCells(String text) {
        if (text == null) {
            return null;
        }
        Matcher tied = TIED_TO_CELLS.matcher(text);
        while (tied.find()) {
            Tissue tissue = tissue(tied.group());
            if (tissue != null) {
                return tissue;
            }
        }
        return null;
    }

    /** The most specific kind of cells the text names. */
    public static CellType cellType(String text) {
        if (text == null) {
            return null;
        }
        for (Map.Entry<CellType, Pattern> e : CELL_TYPES.entrySet()) {
            if (e.getValue().matcher(text).find()) {
                return e.getKey();
            }
        }
        return null;
    }

    /** How long cells are cultured: "cultured during 17±2 days" gives 15–19 days, nominal 17. */
    public static Range cultureDays(String text) {
        if (text == null) {
            return null;
        }
        Matcher pm = CULTURE_PLUS_MINUS.matcher(text);
        if (pm.find()) {
            double nominal = Double.parseDouble(pm.group(1));
            double spread = Double.parseDouble(pm.group(2));
            return new Range(nominal - spread, nominal + spread, nominal);
        }
        Matcher r = CULTURE_RANGE.matcher(text);
        if (r.find()) {
            String low = r.group(1) != null ? r.group(1) : r.group(3);
            String high = r.group(2) != null ? r.group(2) : r.group(4);
            double a = Double.parseDouble(low);
            double b = Double.parseDouble(high);
            return a <= b ? new Range(a, b, null) : null;
        }
        return null;
    }

    /** What the cells are suspended in: "in 20 ml of heparinized saline" gives "heparinized saline". */
    public static String vehicle(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = VEHICLE.matcher(text);
        return m.find() ? m.group("vehicle").trim() : null;
    }

    /** A named delivery system, such as the NOGA-XP electromechanical mapping system. */
    public static String deliveryDevice(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DEVICE.matcher(text);
        return m.find() ? m.group().trim() : null;
    }
}
