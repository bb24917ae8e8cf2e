package org.stroma.trial.design;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The time zone a site keeps, from the country (and, where a country spans several zones, the state) the registry
 * gives for it: the site's days are its own — a visit's day, a consent's time, an adverse event's reporting clock.
 * Where the record does not settle it (no country, or a country of several zones without its state), the country's
 * main zone, or UTC, is taken and marked assumed, for the study's administrator to correct.
 */
public record SiteZone(ZoneId zone, boolean assumed) {

    /** The main zone of each country by ISO code; for countries of several zones, the capital's. */
    private static final String COUNTRIES = """
            AD Europe/Andorra AE Asia/Dubai AF Asia/Kabul AL Europe/Tirane AM Asia/Yerevan AO Africa/Luanda
            AR America/Argentina/Buenos_Aires AT Europe/Vienna AU Australia/Sydney AZ Asia/Baku BA Europe/Sarajevo
            BD Asia/Dhaka BE Europe/Brussels BG Europe/Sofia BH Asia/Bahrain BO America/La_Paz BR America/Sao_Paulo
            BY Europe/Minsk CA America/Toronto CH Europe/Zurich CL America/Santiago CN Asia/Shanghai CO America/Bogota
            CR America/Costa_Rica CU America/Havana CY Asia/Nicosia CZ Europe/Prague DE Europe/Berlin DK Europe/Copenhagen
            DO America/Santo_Domingo DZ Africa/Algiers EC America/Guayaquil EE Europe/Tallinn EG Africa/Cairo
            ES Europe/Madrid ET Africa/Addis_Ababa FI Europe/Helsinki FR Europe/Paris GB Europe/London GE Asia/Tbilisi
            GH Africa/Accra GR Europe/Athens GT America/Guatemala HK Asia/Hong_Kong HR Europe/Zagreb HU Europe/Budapest
            ID Asia/Jakarta IE Europe/Dublin IL Asia/Jerusalem IN Asia/Kolkata IQ Asia/Baghdad IR Asia/Tehran
            IS Atlantic/Reykjavik IT Europe/Rome JM America/Jamaica JO Asia/Amman JP Asia/Tokyo KE Africa/Nairobi
            KR Asia/Seoul KW Asia/Kuwait KZ Asia/Almaty LB Asia/Beirut LK Asia/Colombo LT Europe/Vilnius
            LU Europe/Luxembourg LV Europe/Riga LY Africa/Tripoli MA Africa/Casablanca MC Europe/Monaco
            MD Europe/Chisinau ME Europe/Podgorica MK Europe/Skopje MT Europe/Malta MX America/Mexico_City
            MY Asia/Kuala_Lumpur NG Africa/Lagos NL Europe/Amsterdam NO Europe/Oslo NP Asia/Kathmandu
            NZ Pacific/Auckland OM Asia/Muscat PA America/Panama PE America/Lima PH Asia/Manila PK Asia/Karachi
            PL Europe/Warsaw PR America/Puerto_Rico PS Asia/Hebron PT Europe/Lisbon PY America/Asuncion QA Asia/Qatar
            RO Europe/Bucharest RS Europe/Belgrade RU Europe/Moscow SA Asia/Riyadh SD Africa/Khartoum
            SE Europe/Stockholm SG Asia/Singapore SI Europe/Ljubljana SK Europe/Bratislava SN Africa/Dakar
            SY Asia/Damascus TH Asia/Bangkok TN Africa/Tunis TR Europe/Istanbul TW Asia/Taipei TZ Africa/Dar_es_Salaam
            UA Europe/Kyiv UG Africa/Kampala US America/New_York UY America/Montevideo UZ Asia/Tashkent
            VE America/Caracas VN Asia/Ho_Chi_Minh ZA Africa/Johannesburg ZW Africa/Harare
            """;
    /** Countries whose zone depends on the state. */
    private static final Set<String> SEVERAL = Set.of("US", "CA", "AU", "BR", "RU", "MX", "ID", "KZ",
            "AR", "CL");
    /** The zone of each state of a country of several zones, by "country/state". */
    private static final String STATES = """
            US/Alabama=America/Chicago US/Alaska=America/Anchorage US/Arizona=America/Phoenix US/Arkansas=America/Chicago
            US/California=America/Los_Angeles US/Colorado=America/Denver US/Connecticut=America/New_York
            US/Delaware=America/New_York US/District of Columbia=America/New_York US/Florida=America/New_York
            US/Georgia=America/New_York US/Hawaii=Pacific/Honolulu US/Idaho=America/Boise US/Illinois=America/Chicago
            US/Indiana=America/Indiana/Indianapolis US/Iowa=America/Chicago US/Kansas=America/Chicago
            US/Kentucky=America/New_York US/Louisiana=America/Chicago US/Maine=America/New_York
            US/Maryland=America/New_York US/Massachusetts=America/New_York US/Michigan=America/Detroit
            US/Minnesota=America/Chicago US/Mississippi=America/Chicago US/Missouri=America/Chicago
            US/Montana=America/Denver US/Nebraska=America/Chicago US/Nevada=America/Los_Angeles
            US/New Hampshire=America/New_York US/New Jersey=America/New_York US/New Mexico=America/Denver
            US/New York=America/New_York US/North Carolina=America/New_York US/North Dakota=America/Chicago
            US/Ohio=America/New_York US/Oklahoma=America/Chicago US/Oregon=America/Los_Angeles
            US/Pennsylvania=America/New_York US/Rhode Island=America/New_York US/South Carolina=America/New_York
            US/South Dakota=America/Chicago US/Tennessee=America/Chicago US/Texas=America/Chicago
            US/Utah=America/Denver US/Vermont=America/New_York US/Virginia=America/New_York
            US/Washington=America/Los_Angeles US/West Virginia=America/New_York US/Wisconsin=America/Chicago
            US/Wyoming=America/Denver CA/Alberta=America/Edmonton CA/British Columbia=America/Vancouver
            CA/Manitoba=America/Winnipeg CA/New Brunswick=America/Moncton CA/Newfoundland and Labrador=America/St_Johns
            CA/Nova Scotia=America/Halifax CA/Ontario=America/Toronto CA/Quebec=America/Toronto
            CA/Saskatchewan=America/Regina AU/New South Wales=Australia/Sydney AU/Victoria=Australia/Melbourne
            AU/Queensland=Australia/Brisbane AU/South Australia=Australia/Adelaide AU/Western Australia=Australia/Perth
            AU/Tasmania=Australia/Hobart AU/Australian Capital Territory=Australia/Sydney
            AU/Northern Territory=Australia/Darwin
            """;
    /** Country names the registry writes that are not the ISO English names. */
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("united states of america", "US"),
            Map.entry("usa", "US"), Map.entry("south korea", "KR"), Map.entry("korea, republic of", "KR"),
            Map.entry("russian federation", "RU"), Map.entry("russia", "RU"), Map.entry("iran, islamic republic of", "IR"),
            Map.entry("turkey (türkiye)", "TR"), Map.entry("türkiye", "TR"), Map.entry("czech republic", "CZ"),
            Map.entry("viet nam", "VN"), Map.entry("taiwan, province of china", "TW"), Map.entry("england", "GB"),
            Map.entry("scotland", "GB"), Map.entry("wales", "GB"), Map.entry("the netherlands", "NL"),
            Map.entry("macedonia, the former yugoslav republic of", "MK"), Map.entry("moldova, republic of", "MD"));

    private static final Map<String, ZoneId> BY_COUNTRY = byCountry();
    private static final Map<String, ZoneId> BY_STATE = byState();
    private static final Map<String, String> ISO_BY_NAME = isoByName();

    private static Map<String, ZoneId> byCountry() {
        Map<String, ZoneId> zones = new HashMap<>();
        String[] c = COUNTRIES.trim().split("\\s+");
        for (int i = 0; i < c.length; i += 2) {
            zones.put(c[i], ZoneId.of(c[i + 1]));
        }
        return Map.copyOf(zones);
    }

    private static Map<String, ZoneId> byState() {
        Map<String, ZoneId> zones = new HashMap<>();
        for (String entry : STATES.trim().split("\\s+(?=[A-Z]{2}/)")) {
            String[] kv = entry.trim().split("=");
            zones.put(kv[0].toLowerCase(Locale.ROOT), ZoneId.of(kv[1]));
        }
        return Map.copyOf(zones);
    }

    private static Map<String, String> isoByName() {
        Map<String, String> names = new HashMap<>();
        for (String iso : Locale.getISOCountries()) {
            names.put(new Locale("", iso).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), iso);
        }
        names.putAll(ALIASES);
        return Map.copyOf(names);
    }

    /** The zone of a site in this country and state (either may be null). */
    public static SiteZone of(String country, String state) {
        String iso = country == null ? null : ISO_BY_NAME.get(country.strip().toLowerCase(Locale.ROOT));
        ZoneId main = iso == null ? null : BY_COUNTRY.get(iso);
        if (main == null) {
            return new SiteZone(ZoneOffset.UTC, true);
        }
        if (!SEVERAL.contains(iso)) {
            return new SiteZone(main, false);
        }
        ZoneId byState = state == null ? null : BY_STATE.get(iso + "/" + state.strip().toLowerCase(Locale.ROOT));
        return byState != null ? new SiteZone(byState, false) : new SiteZone(main, true);
    }
}
