package org.stroma.protocol.text;

/**
 * A number of cells found in free text: one value ({@code low == high}) or a range, whether the text gives it per
 * kilogram of body weight, where it stands in the text, and a note when reading it took an interpretation (the
 * European multiplication dot in "6.10e7").
 */
public record CellCount(double low, double high, boolean perKilogram, int start, int end, String phrase,
        String interpretation) {
}
