package org.stroma.cli.chia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BratReaderTest {

    @Test
    void offsetsCountTheCarriageReturnsOfAWindowsFile() {
        String text = "Psychosis\r\nIQ < 70\r\n";
        String ann = "T1\tCondition 0 9\tPsychosis\r\nT2\tMeasurement 11 13\tIQ\r\nT3\tValue 14 18\t< 70\r\n"
                + "R1\tHas_value Arg1:T2 Arg2:T3\t\r\n";
        BratDocument d = BratReader.read(text, ann);
        assertThat(d.entity("T2").orElseThrow().spans()).containsExactly(new TextSpan(11, 13));
        assertThat(text.substring(11, 13)).isEqualTo("IQ");
        assertThat(text.substring(14, 18)).isEqualTo("< 70");
        assertThat(d.entity("T3").orElseThrow().text()).isEqualTo("< 70");
        assertThat(d.relations("Has_value")).containsExactly(new BratRelation("R1", "Has_value", "T2", "T3"));
    }

    @Test
    void aDiscontinuousEntityKeepsEachOfItsSpans() {
        String text = "Grade greater than 1 diarrhea";
        BratDocument d = BratReader.read(text, "T1\tValue 0 5;10 15\tGrade than");
        BratEntity e = d.entity("T1").orElseThrow();
        assertThat(e.spans()).containsExactly(new TextSpan(0, 5), new TextSpan(10, 15));
        assertThat(e.start()).isZero();
        assertThat(e.end()).isEqualTo(15);
        assertThat(e.overlaps(new TextSpan(6, 9))).as("the gap between the spans is not the entity's").isFalse();
        assertThat(e.overlaps(new TextSpan(12, 20))).isTrue();
        assertThat(e.within(new TextSpan(0, 15))).isTrue();
    }

    @Test
    void offsetsAreCodePointsSoACharacterOutsideTheBasicPlaneShiftsTheCharIndexes() {
        String text = "\uD835\uDC9C1c stroke";
        BratDocument d = BratReader.read(text, "T1\tCondition 4 10\tstroke");
        TextSpan span = d.entity("T1").orElseThrow().spans().get(0);
        assertThat(text.substring(span.start(), span.end())).isEqualTo("stroke");
    }

    @Test
    void attributesNotesAndGroupsArePassedOver() {
        BratDocument d = BratReader.read("a or b", "T1\tCondition 0 1\ta\nT2\tCondition 5 6\tb\n*\tOR T1 T2\n"
                + "A1\tOptional T1\n#1\tAnnotatorNotes T1\tx\n");
        assertThat(d.entities()).hasSize(2);
        assertThat(d.relations()).isEmpty();
        assertThat(d.ofType("Condition")).extracting(BratEntity::text).isEqualTo(List.of("a", "b"));
    }

    @Test
    void anOffsetOutsideTheTextIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> BratReader.read("short", "T1\tCondition 0 5\tshort\nT2\tCondition 3 99\tx"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }
}
