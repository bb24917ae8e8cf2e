package org.stroma.protocol;

/** A web page the record points to. */
public record Link(String label, String url) {
}
