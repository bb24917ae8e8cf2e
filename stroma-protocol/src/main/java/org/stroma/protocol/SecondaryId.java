package org.stroma.protocol;

/** An identifier other than the NCT number: EudraCT, NIH grant, another registry's number, a sponsor's code. */
public record SecondaryId(String id, SecondaryIdType type, String domain, String link) {
}
