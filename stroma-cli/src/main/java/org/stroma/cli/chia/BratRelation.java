package org.stroma.cli.chia;

/**
 * A binary relation of a BRAT file ({@code R3  Has_value Arg1:T5 Arg2:T6}): its type and the ids of its two
 * arguments. Chia reads each as "Arg1 has Arg2": the measurement has the value, the condition has the negation.
 */
public record BratRelation(String id, String type, String from, String to) {
}
