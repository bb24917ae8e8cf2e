package org.stroma.cli.chia;

import java.util.List;

/**
 * A numeric threshold Chia annotates that Stroma compiled with another comparison, number or unit: the trial and
 * criterion, the line, Chia's measurement and value, and the measurement rules compiled from the measurement's words.
 */
public record WrongThreshold(String trial, String criterion, String text, String measurement, String value,
        List<String> rules) {

    public WrongThreshold {
        rules = List.copyOf(rules);
    }
}
