package org.stroma.trial.measure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import org.stroma.trial.concept.Concept;

/**
 * Converts a measurement between the units records and criteria use for the same quantity: µmol/L and mg/dL of
 * creatinine (through the concept's molar factor), cell counts per µL and per 10^9/L, the spellings of mL/min/1.73 m²,
 * mm and cm, g/dL and g/L, ng/mL, ng/dL and ng/L, nmol/L and pmol/L of hormones and vitamins (through their molar
 * factors), mIU/mL and IU/mL, mmHg and kPa, ms and s, weeks and days of gestation, metres per second and per minute, °F and °C, HbA1c in mmol/mol and %,
 * mg and g per day (and µg/min) excreted in urine, Wood units and dyn·s/cm⁵, mL and cc, metres and feet. Units are
 * compared after normalising their spelling (µ/μ/u, ^/*, case, spaces).
 */
public final class Units {
    /** Each unit's family and its factor to the family's base unit. */
    private record Scale(String family, double factor) {
    }

    private static final Map<String, Scale> SCALES = Map.ofEntries(
            Map.entry("%", new Scale("percent", 1)), Map.entry("percent", new Scale("percent", 1)),
            Map.entry("mg/dl", new Scale("mass-conc", 1)), Map.entry("mg/l", new Scale("mass-conc", 0.1)),
            Map.entry("g/l", new Scale("mass-conc", 100)), Map.entry("umol/l", new Scale("molar-conc", 1)),
            Map.entry("mmol/l", new Scale("molar-conc", 1000)), Map.entry("meq/l", new Scale("equivalent-conc", 1000)),
            Map.entry("ueq/l", new Scale("equivalent-conc", 1)), Map.entry("/ul", new Scale("count", 1)),
            Map.entry("/mm3", new Scale("count", 1)), Map.entry("cells/ul", new Scale("count", 1)),
            Map.entry("cells/mm3", new Scale("count", 1)), Map.entry("cell/mm3", new Scale("count", 1)),
            Map.entry("cell/ul", new Scale("count", 1)),
            Map.entry("{cells}/ul", new Scale("count", 1)), Map.entry("10*3/ul", new Scale("count", 1e3)),
            Map.entry("k/ul", new Scale("count", 1e3)), Map.entry("10*3/mm3", new Scale("count", 1e3)),
            Map.entry("10*9/l", new Scale("count", 1e3)),
            Map.entry("10*6/ul", new Scale("count", 1e6)), Map.entry("10*12/l", new Scale("count", 1e6)),
            Map.entry("u/l", new Scale("activity", 1)), Map.entry("iu/l", new Scale("activity", 1)),
            Map.entry("ml/min/1.73m2", new Scale("gfr", 1)), Map.entry("ml/min", new Scale("clearance", 1)),
            Map.entry("ml/s", new Scale("clearance", 60)), Map.entry("ml/min/kg", new Scale("vo2", 1)),
            Map.entry("ml/kg/min", new Scale("vo2", 1)), Map.entry("mm", new Scale("length", 1)),
            Map.entry("cm", new Scale("length", 10)), Map.entry("m", new Scale("length", 1000)),
            Map.entry("kg", new Scale("mass", 1)), Map.entry("kgs", new Scale("mass", 1)),
            Map.entry("g", new Scale("mass", 0.001)),
            Map.entry("lb", new Scale("mass", 0.45359237)), Map.entry("[lb_av]", new Scale("mass", 0.45359237)),
            Map.entry("", new Scale("unitless", 1)), Map.entry("1", new Scale("unitless", 1)),
            Map.entry("{inr}", new Scale("unitless", 1)), Map.entry("{score}", new Scale("unitless", 1)),
            Map.entry("{class}", new Scale("unitless", 1)), Map.entry("{count}", new Scale("unitless", 1)),
            Map.entry("ratio", new Scale("unitless", 1)), Map.entry("{ratio}", new Scale("unitless", 1)),
            // concentrations down to the ng/L of troponin, in mg/dL
            Map.entry("g/dl", new Scale("mass-conc", 1000)), Map.entry("ug/dl", new Scale("mass-conc", 1e-3)),
            Map.entry("ug/l", new Scale("mass-conc", 1e-4)), Map.entry("ng/ml", new Scale("mass-conc", 1e-4)),
            Map.entry("ng/l", new Scale("mass-conc", 1e-7)), Map.entry("pg/ml", new Scale("mass-conc", 1e-7)),
            // TSH: international units per volume
            Map.entry("m[iu]/l", new Scale("iu-conc", 1)), Map.entry("miu/l", new Scale("iu-conc", 1)),
            Map.entry("uiu/ml", new Scale("iu-conc", 1)),
            // "TSH 0.1-0.5 mU/L": a milli-unit of a hormone is its milli-international unit
            Map.entry("mu/l", new Scale("iu-conc", 1)), Map.entry("u[iu]/ml", new Scale("iu-conc", 1)),
            // albumin per creatinine in urine; a millimole of creatinine weighs 113.12 mg
            Map.entry("mg/g", new Scale("per-creatinine", 1)), Map.entry("mg/mmol", new Scale("per-creatinine", 8.84)),
            Map.entry("mm[hg]", new Scale("pressure", 1)), Map.entry("mmhg", new Scale("pressure", 1)),
            Map.entry("kpa", new Scale("pressure", 7.50062)),
            Map.entry("/min", new Scale("rate", 1)), Map.entry("{beats}/min", new Scale("rate", 1)),
            Map.entry("bpm", new Scale("rate", 1)), Map.entry("beats/min", new Scale("rate", 1)),
            Map.entry("kg/m2", new Scale("bmi", 1)), Map.entry("cel", new Scale("celsius", 1)),
            Map.entry("°c", new Scale("celsius", 1)), Map.entry("degc", new Scale("celsius", 1)),
            Map.entry("c", new Scale("celsius", 1)), Map.entry("[degf]", new Scale("fahrenheit", 1)),
            Map.entry("°f", new Scale("fahrenheit", 1)), Map.entry("degf", new Scale("fahrenheit", 1)),
            Map.entry("f", new Scale("fahrenheit", 1)), Map.entry("mmol/mol", new Scale("ifcc", 1)),
            Map.entry("ms", new Scale("time", 1)), Map.entry("msec", new Scale("time", 1)),
            Map.entry("s", new Scale("time", 1000)), Map.entry("sec", new Scale("time", 1000)),
            Map.entry("l", new Scale("volume", 1)), Map.entry("ml", new Scale("volume", 0.001)),
            // hormones and vitamins: ng/dL (testosterone), nmol/L and pmol/L through a concept's molar factor
            Map.entry("ng/dl", new Scale("mass-conc", 1e-6)), Map.entry("nmol/l", new Scale("molar-conc", 1e-3)),
            Map.entry("pmol/l", new Scale("molar-conc", 1e-6)),
            // international units per millilitre (hCG, FSH in mIU/mL; HBV DNA in IU/mL), in mIU/L
            Map.entry("m[iu]/ml", new Scale("iu-conc", 1e3)), Map.entry("miu/ml", new Scale("iu-conc", 1e3)),
            Map.entry("mu/ml", new Scale("iu-conc", 1e3)),
            Map.entry("[iu]/ml", new Scale("iu-conc", 1e6)), Map.entry("iu/ml", new Scale("iu-conc", 1e6)),
            // a viral load in copies per millilitre
            Map.entry("{copies}/ml", new Scale("copies-conc", 1)), Map.entry("copies/ml", new Scale("copies-conc", 1)),
            // gestational age in weeks or days
            Map.entry("wk", new Scale("gestation", 7)), Map.entry("wks", new Scale("gestation", 7)),
            Map.entry("week", new Scale("gestation", 7)), Map.entry("weeks", new Scale("gestation", 7)),
            Map.entry("days", new Scale("gestation", 1)),
            // a count per day (cigarettes)
            Map.entry("/d", new Scale("per-day", 1)), Map.entry("/day", new Scale("per-day", 1)),
            // a speed (gait speed) in metres per second or per minute
            Map.entry("m/s", new Scale("speed", 1)), Map.entry("m/sec", new Scale("speed", 1)),
            Map.entry("m/min", new Scale("speed", 1.0 / 60)),
            // cigarette pack-years
            Map.entry("{packyears}", new Scale("pack-years", 1)), Map.entry("{pack-years}", new Scale("pack-years", 1)),
            Map.entry("pack-years", new Scale("pack-years", 1)),
            // volumes written in cubic centimetres (prostate volume)
            Map.entry("cc", new Scale("volume", 0.001)), Map.entry("cm3", new Scale("volume", 0.001)),
            // a length in feet (six-minute walk distance)
            Map.entry("ft", new Scale("length", 304.8)), Map.entry("feet", new Scale("length", 304.8)),
            // an amount excreted per day (urinary albumin, protein), in mg/d; an albumin excretion rate in µg/min
            Map.entry("mg/d", new Scale("mass-per-day", 1)), Map.entry("mg/day", new Scale("mass-per-day", 1)),
            Map.entry("mg/24h", new Scale("mass-per-day", 1)), Map.entry("mg/24hr", new Scale("mass-per-day", 1)),
            Map.entry("mg/24hrs", new Scale("mass-per-day", 1)), Map.entry("mg/24hours", new Scale("mass-per-day", 1)),
            Map.entry("g/d", new Scale("mass-per-day", 1000)), Map.entry("g/day", new Scale("mass-per-day", 1000)),
            Map.entry("g/24h", new Scale("mass-per-day", 1000)), Map.entry("g/24hr", new Scale("mass-per-day", 1000)),
            Map.entry("g/24hrs", new Scale("mass-per-day", 1000)), Map.entry("g/24hours", new Scale("mass-per-day", 1000)),
            Map.entry("ug/min", new Scale("mass-per-day", 1.44)), Map.entry("mcg/min", new Scale("mass-per-day", 1.44)),
            // events per hour of sleep (apnoea-hypopnoea index)
            Map.entry("{events}/h", new Scale("per-hour", 1)), Map.entry("events/h", new Scale("per-hour", 1)),
            Map.entry("events/hr", new Scale("per-hour", 1)), Map.entry("events/hour", new Scale("per-hour", 1)),
            Map.entry("/h", new Scale("per-hour", 1)),
            // pulmonary vascular resistance in Wood units, or in dyn·s/cm⁵ (80 to a Wood unit)
            Map.entry("[wood'u]", new Scale("vascular-resistance", 1)), Map.entry("wu", new Scale("vascular-resistance", 1)),
            Map.entry("wood", new Scale("vascular-resistance", 1)), Map.entry("woods", new Scale("vascular-resistance", 1)),
            Map.entry("dyn.s/cm5", new Scale("vascular-resistance", 0.0125)),
            Map.entry("dyn", new Scale("vascular-resistance", 0.0125)),
            Map.entry("dynes", new Scale("vascular-resistance", 0.0125)),
            // visual acuity as an ETDRS letter score; logMAR is another scale, and a threshold in it is not read as letters
            Map.entry("{letters}", new Scale("etdrs-letters", 1)), Map.entry("letters", new Scale("etdrs-letters", 1)),
            Map.entry("letter", new Scale("etdrs-letters", 1)), Map.entry("logmar", new Scale("logmar", 1)),
            Map.entry("[logmar]", new Scale("logmar", 1)));

    private Units() {
    }

    /**
     * {@code value} in unit {@code from}, expressed in unit {@code to}; null when the two do not measure the same thing
     * (or, between mass and molar concentrations, when the concept has no molar factor).
     */
    public static Double convert(double value, String from, String to, Concept concept) {
        Scale a = SCALES.get(normalise(from));
        Scale b = SCALES.get(normalise(to));
        if (a == null || b == null) {
            return null;
        }
        if (a.family().equals(b.family())) {
            return rounded(value * a.factor() / b.factor());
        }
        if (a.family().equals("clearance") && b.family().equals("gfr")) {
            // an eGFR is per 1.73 m² by definition: "eGFR < 30 mL/min" is its common shorthand, the same number
            return rounded(value * a.factor() / b.factor());
        }
        if (a.family().equals("activity") && b.family().equals("iu-conc")
                || a.family().equals("iu-conc") && b.family().equals("activity")) {
            // a hormone's "IU/L" ("FSH > 40 IU/L"), filed here with enzymes' U/L, is a thousand of the milli-units
            // the iu-conc scale counts in
            double milli = a.family().equals("activity") ? value * a.factor() * 1000 : value * a.factor();
            return rounded(b.family().equals("activity") ? milli / 1000 / b.factor() : milli / b.factor());
        }
        Double between = betweenScales(value, a.family(), b.family());
        if (between != null) {
            return rounded(between);
        }
        Integer valence = concept == null ? null : concept.valence();
        if (valence != null && a.family().equals("equivalent-conc") && !b.family().equals("equivalent-conc")) {
            // an ion's milliequivalents are its millimoles times its charge: through µmol/L to the unit asked
            return convert(value * a.factor() / valence, "umol/l", to, concept);
        }
        if (valence != null && b.family().equals("equivalent-conc") && !a.family().equals("equivalent-conc")) {
            Double micromolar = convert(value, from, "umol/l", concept);
            return micromolar == null ? null : rounded(micromolar * valence / b.factor());
        }
        Double molar = concept == null ? null : concept.molarFactor();
        if (molar != null && a.family().equals("mass-conc") && b.family().equals("molar-conc")) {
            return rounded(value * a.factor() * molar / b.factor());
        }
        if (molar != null && a.family().equals("molar-conc") && b.family().equals("mass-conc")) {
            return rounded(value * a.factor() / molar / b.factor());
        }
        return null;
    }

    /**
     * The conversions that are not a factor: degrees Fahrenheit and Celsius, and HbA1c between the IFCC's mmol/mol and
     * the NGSP's per cent by their master equation (NGSP % = 0.09148 × IFCC + 2.152; mmol/mol is written for no other
     * quantity a criterion gives in per cent).
     */
    private static Double betweenScales(double value, String from, String to) {
        return switch (from + ">" + to) {
            case "fahrenheit>celsius" -> (value - 32) * 5 / 9;
            case "celsius>fahrenheit" -> value * 9 / 5 + 32;
            case "ifcc>percent" -> 0.09148 * value + 2.152;
            case "percent>ifcc" -> (value - 2.152) / 0.09148;
            default -> null;
        };
    }

    /** Whether a value written in {@code written} is read in {@code conceptUnit} by a convention, not a factor. */
    public static boolean byConvention(String written, String conceptUnit) {
        Scale a = SCALES.get(normalise(written));
        Scale b = SCALES.get(normalise(conceptUnit));
        return a != null && b != null && a.family().equals("clearance") && b.family().equals("gfr");
    }

    /**
     * To 12 significant digits, far beyond any measurement's precision: what binary arithmetic adds in the last digits
     * (0.1 × 1000 = 100.00000000000001) must not move a value across a threshold.
     */
    private static double rounded(double v) {
        return v == 0 || !Double.isFinite(v) ? v : new BigDecimal(v).round(new MathContext(12)).doubleValue();
    }

    /**
     * A recorded value in its concept's unit; null when its unit does not convert. A value recorded without a unit is
     * taken in the concept's unit only when that unit has no dimension (%, a score, a class, a count, INR): a
     * creatinine of "1.2" could be mg/dL or µmol/L, and is not guessed.
     */
    public static Double toConceptUnit(double value, String unit, Concept concept) {
        if (unit == null || unit.isBlank()) {
            Scale own = SCALES.get(normalise(concept.unit()));
            boolean dimensionless = own != null && (own.family().equals("unitless") || own.family().equals("percent"));
            return dimensionless ? value : null;
        }
        return convert(value, unit, concept.unit(), concept);
    }

    /** Whether two spellings are the same unit to {@link #convert} ("µmol/L", "umol/l"): a conversion to either is one. */
    public static boolean sameUnit(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    /** Whether a unit is one Stroma knows. */
    public static boolean known(String unit) {
        return SCALES.containsKey(normalise(unit));
    }

    /**
     * Each spelling's reduction, made once: a population's records spell their units a few dozen ways, and every
     * value compared is converted. Bounded, so that a stream of odd spellings cannot fill the memory.
     */
    private static final Map<String, String> NORMALISED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int SPELLINGS_KEPT = 10_000;

    /** A unit's spelling reduced to the one used above: "µmol/L" → "umol/l", "x10^9/L" → "10*9/l". */
    static String normalise(String unit) {
        if (unit == null) {
            return "";
        }
        String known = NORMALISED.get(unit);
        if (known != null) {
            return known;
        }
        String reduced = reduce(unit);
        if (NORMALISED.size() < SPELLINGS_KEPT) {
            NORMALISED.put(unit, reduced);
        }
        return reduced;
    }

    private static String reduce(String unit) {
        String u = unit.trim().toLowerCase(Locale.ROOT).replace('μ', 'u').replace('µ', 'u')
                .replace("microliter", "ul").replace("microlitre", "ul").replace("cu mm", "mm3").replace("mm³", "mm3")
                .replace("m²", "m2").replace("℃", "°c").replace("℉", "°f").replace("º", "°").replace("^", "*").replace("×", "x").replace(" ", "");
        u = u.replaceAll("^x10\\*?", "10*").replaceAll("^10e", "10*").replace("(ul)", "").replace("per", "/");
        u = u.replace("cc/min", "ml/min").replace("ml/min/{1.73_m2}", "ml/min/1.73m2").replace("ml/min1.73m2", "ml/min/1.73m2")
                .replace("ml/min/1.73sqm", "ml/min/1.73m2").replace("ml/(min.kg)", "ml/min/kg")
                .replace("ml/min.kg", "ml/min/kg");
        return u;
    }
}
