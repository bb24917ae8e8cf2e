package org.stroma.protocol.registry.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Country names as the registry writes them, to tell the country in a page's address line ("Créteil, France, 94010",
 * "Seoul, Korea, Republic of, 03722") from the city, state and postal code around it.
 */
final class Countries {
    /** The registry's own spellings, where they differ from the ISO English names. */
    private static final List<String> REGISTRY_NAMES = List.of("United States", "United Kingdom", "Korea, Republic of",
            "Korea, Democratic People's Republic of", "Iran, Islamic Republic of", "Russian Federation", "Taiwan",
            "Czechia", "Czech Republic", "Viet Nam", "Turkey", "Türkiye", "Syrian Arab Republic",
            "Tanzania, United Republic of", "Moldova, Republic of", "North Macedonia",
            "Macedonia, The Former Yugoslav Republic of", "Hong Kong", "Macao", "Bolivia, Plurinational State of",
            "Venezuela, Bolivarian Republic of", "Congo, The Democratic Republic of the", "Lao People's Democratic Republic",
            "Palestinian Territory, occupied", "Puerto Rico", "Côte D'Ivoire", "Brunei Darussalam", "Kosovo");
    private static final List<String> NAMES = names();

    private Countries() {
    }

    private static List<String> names() {
        Set<String> all = new LinkedHashSet<>(REGISTRY_NAMES);
        for (String code : Locale.getISOCountries()) {
            all.add(new Locale("", code).getDisplayCountry(Locale.ENGLISH));
        }
        List<String> list = new ArrayList<>(all);
        list.sort(Comparator.comparingInt(String::length).reversed()); // longest first: "Korea, Republic of" before "Korea"
        return list;
    }

    static boolean isCountry(String text) {
        return find(text.trim(), true) != null;
    }

    /** The country named in a comma-separated address, and where its name starts; null when none is named. */
    static Found find(String address, boolean whole) {
        String lower = address.toLowerCase(Locale.ROOT);
        for (String name : NAMES) {
            String n = name.toLowerCase(Locale.ROOT);
            if (whole) {
                if (lower.equals(n)) {
                    return new Found(name, 0);
                }
                continue;
            }
            int at = lower.lastIndexOf(n);
            while (at >= 0) {
                boolean startsField = at == 0 || address.charAt(at - 1) == ' ' && at >= 2 && address.charAt(at - 2) == ',';
                int end = at + n.length();
                boolean endsField = end == address.length() || address.charAt(end) == ',';
                if (startsField && endsField) {
                    return new Found(address.substring(at, end), at);
                }
                at = at == 0 ? -1 : lower.lastIndexOf(n, at - 1);
            }
        }
        return null;
    }

    record Found(String name, int start) {
    }
}
