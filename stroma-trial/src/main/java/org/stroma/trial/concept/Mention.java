package org.stroma.trial.concept;

/**
 * Where a concept is named in a text. {@code drugName} is true when the text names one drug of a class ("metformin")
 * rather than the class itself ("antidiabetic drugs"): the criterion then speaks of that drug only.
 */
public record Mention(Concept concept, int start, int end, String text, boolean drugName) {
}
