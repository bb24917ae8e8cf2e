package org.stroma.analysis.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Widths are estimated on the long side, and a text broken into lines loses nothing. */
class TextWidthTest {

    @Test
    void anEstimateIsNotShortOfDejaVuSansMeasuredWidths() {
        // DejaVu Sans's advance widths at 1000 units per em, summed for these texts
        assertThat(TextWidth.of("B: Autologous MSC from bone marrow", 1000)).isGreaterThanOrEqualTo(19_105);
        assertThat(TextWidth.of("0.25", 1000)).isGreaterThanOrEqualTo(2227);
        assertThat(TextWidth.of("6×10^7", 1000)).isGreaterThanOrEqualTo(4221);
    }

    @Test
    void linesAreNoWiderThanAskedAndJoinedAreTheText() {
        String label = "B: Autologous mesenchymal stromal cells from bone marrow, 1×10^6 cells/kg, intravenous";
        List<String> lines = TextWidth.wrap(label, 12, 200);
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join("", lines)).isEqualTo(label);
        lines.forEach(l -> assertThat(TextWidth.of(l.strip(), 12)).isLessThanOrEqualTo(200));
        // a word longer than the width is broken where it must be
        List<String> word = TextWidth.wrap("Pneumonoultramicroscopicsilicovolcanoconiosis", 12, 100);
        assertThat(String.join("", word)).isEqualTo("Pneumonoultramicroscopicsilicovolcanoconiosis");
        word.forEach(l -> assertThat(TextWidth.of(l, 12)).isLessThanOrEqualTo(100));
        assertThat(TextWidth.wrap("placebo", 12, 300)).containsExactly("placebo");
    }
}
