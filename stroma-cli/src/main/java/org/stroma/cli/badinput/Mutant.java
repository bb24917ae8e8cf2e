package org.stroma.cli.badinput;

/**
 * One damaged input: which good input it came from, the class of damage and what exactly was done (enough to make it
 * again by hand), and its bytes with the file name a reader would see.
 */
public record Mutant(int index, MutationClass kind, String origin, String change, String fileName, byte[] content) {
    /** How a report names the mutant: "#17 NULL_VALUE of api-v2/NCT00366145.json ($.protocolSection…)". */
    public String label() {
        return "#" + index + " " + kind + " of " + origin + " (" + change + ")";
    }
}
