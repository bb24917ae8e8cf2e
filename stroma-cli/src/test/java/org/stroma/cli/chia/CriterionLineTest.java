package org.stroma.cli.chia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.CriterionKind;

class CriterionLineTest {

    @Test
    void eachNonBlankLineIsACriterionWithoutItsLineEnding() {
        String text = "Psychosis\r\n\r\nIQ < 70\r\nlast";
        List<CriterionLine> lines = CriterionLine.of(CriterionKind.EXCLUSION, text);
        assertThat(lines).extracting(CriterionLine::text).containsExactly("Psychosis", "IQ < 70", "last");
        assertThat(lines).extracting(CriterionLine::number).containsExactly(1, 3, 4);
        assertThat(lines.get(1).span()).isEqualTo(new TextSpan(13, 20));
        assertThat(lines.get(1).criterionId()).isEqualTo("E3");
        assertThat(lines.get(2).span()).isEqualTo(new TextSpan(22, 26));
    }

    @Test
    void unixLineEndingsToo() {
        List<CriterionLine> lines = CriterionLine.of(CriterionKind.INCLUSION, "a\nbb\n");
        assertThat(lines).extracting(CriterionLine::span).containsExactly(new TextSpan(0, 1), new TextSpan(2, 4));
        assertThat(lines.get(0).criterionId()).isEqualTo("I1");
    }
}
