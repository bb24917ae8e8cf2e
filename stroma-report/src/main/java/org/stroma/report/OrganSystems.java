package org.stroma.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Adverse event terms and the organ system class each is listed under, from a configurable table
 * ({@code organ-systems.tsv}). Stroma ships no MedDRA coding: the table covers the terms its simulated trials report,
 * for a sponsor to extend or replace with its own coding; a term not in it has no organ system, and says so.
 */
public final class OrganSystems {
    private static final OrganSystems STANDARD = read("organ-systems.tsv");

    private final Map<String, String> table;

    private OrganSystems(Map<String, String> table) {
        this.table = Map.copyOf(table);
    }

    public static OrganSystems standard() {
        return STANDARD;
    }

    /** The organ system of a term (in any case and spacing), or null when the table does not have it. */
    public String of(String term) {
        return term == null ? null : table.get(term.strip().toLowerCase(Locale.ROOT));
    }

    private static OrganSystems read(String resource) {
        Map<String, String> table = new LinkedHashMap<>();
        try (InputStream in = OrganSystems.class.getResourceAsStream(resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t");
                    table.put(parts[0].strip().toLowerCase(Locale.ROOT), parts[1].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OrganSystems(table);
    }
}
