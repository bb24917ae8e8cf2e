package org.stroma.search;

/**
 * A search of the registry: free text over every field, and fields that must match. Each field is optional (null or
 * blank: any). Phase, status and design name the registry's values in any spelling ("Phase 2", "PHASE2", "2";
 * "Recruiting", "not yet recruiting"; "randomized", "crossover", "double", "treatment"); the cell product a cell type,
 * tissue or source ("mesenchymal", "bone marrow", "autologous") or "any" for every trial of a cell product.
 */
public record RegistryQuery(String text, String condition, String intervention, String phase, String status,
        String country, String design, String cellProduct) {

    public static RegistryQuery text(String text) {
        return new RegistryQuery(text, null, null, null, null, null, null, null);
    }
}
