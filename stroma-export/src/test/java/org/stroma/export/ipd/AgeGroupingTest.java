package org.stroma.export.ipd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Ages over 89 are shared only as "90+" (HIPAA's safe harbour); younger ages in completed years; none stays none. */
class AgeGroupingTest {
    @Test
    void agesOver89AreGrouped() {
        assertThat(ParticipantDataExport.age(89)).isEqualTo("89");
        assertThat(ParticipantDataExport.age(90)).isEqualTo("90+");
        assertThat(ParticipantDataExport.age(104)).isEqualTo("90+");
        assertThat(ParticipantDataExport.age(null)).isNull();
    }
}
