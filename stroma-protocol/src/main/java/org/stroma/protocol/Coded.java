package org.stroma.protocol;

/**
 * A value of one of the registry's closed vocabularies. The enum constant's name is the API v2 code
 * (e.g. {@code PARALLEL}); the label is what the registry's pages and older formats print ("Parallel Assignment").
 */
public interface Coded {
    String name();

    String label();
}
