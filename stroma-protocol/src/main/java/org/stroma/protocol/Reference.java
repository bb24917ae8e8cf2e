package org.stroma.protocol;

/** A publication about the study. */
public record Reference(String pmid, ReferenceType type, String citation) {
}
