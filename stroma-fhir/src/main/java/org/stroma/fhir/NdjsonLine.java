package org.stroma.fhir;

/** One line of an NDJSON file (one FHIR resource), with the file it came from and its number there, from 1. */
public record NdjsonLine(String file, long number, String json) implements java.io.Serializable {
}
