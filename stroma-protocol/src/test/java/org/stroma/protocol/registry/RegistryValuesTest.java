package org.stroma.protocol.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stroma.protocol.Age;
import org.stroma.protocol.DateType;
import org.stroma.protocol.InterventionModel;
import org.stroma.protocol.Masking;
import org.stroma.protocol.PartialDate;
import org.stroma.protocol.SecondaryIdType;
import org.stroma.protocol.TimeUnit;

/** Dates, ages, identifiers and vocabulary values as the registry's formats write them. */
class RegistryValuesTest {

    @Test
    void dates() {
        assertThat(RegistryDates.parse("June 8, 2015")).isEqualTo(PartialDate.of(2015, 6, 8));
        assertThat(RegistryDates.parse("December 2022")).isEqualTo(PartialDate.ofMonth(2022, 12));
        assertThat(RegistryDates.parse("8 June 2015")).isEqualTo(PartialDate.of(2015, 6, 8));
        assertThat(RegistryDates.parse("2021-08-16")).isEqualTo(PartialDate.of(2021, 8, 16));
        assertThat(RegistryDates.parse("Sept. 2019")).isEqualTo(PartialDate.ofMonth(2019, 9));
        assertThat(RegistryDates.parse("February 30, 2015")).isNull();
        assertThat(RegistryDates.parse("2009")).isEqualTo(new PartialDate(2009, null, null));
        assertThat(RegistryDates.parse("soon")).isNull();
    }

    @Test
    void ages() {
        assertThat(AgeText.parse("18 Years")).isEqualTo(new Age(18, TimeUnit.YEAR));
        assertThat(AgeText.parse("6 Months")).isEqualTo(new Age(6, TimeUnit.MONTH));
        assertThat(AgeText.parse("28 days")).isEqualTo(new Age(28, TimeUnit.DAY));
        assertThat(AgeText.parse("N/A")).isNull();
        assertThat(AgeText.meansNoLimit("N/A")).isTrue();
        assertThat(new Age(18, TimeUnit.YEAR).toString()).isEqualTo("18 Years");
        assertThat(new Age(1, TimeUnit.MONTH).toString()).isEqualTo("1 Month");
    }

    @Test
    void identifierKindsFromTheirShape() {
        assertThat(IdentifierKinds.recognise("2011-001295-19")).isEqualTo(SecondaryIdType.EUDRACT_NUMBER);
        assertThat(IdentifierKinds.recognise("1R01HL134558-01")).isEqualTo(SecondaryIdType.NIH);
        assertThat(IdentifierKinds.recognise("2023-503456-21-00")).isEqualTo(SecondaryIdType.CTIS);
        assertThat(IdentifierKinds.recognise("10 142 01")).isNull();
    }

    @Test
    void vocabularyByCodeLabelOrSynonym() {
        assertThat(Vocabulary.find(InterventionModel.class, "Parallel Assignment")).isEqualTo(InterventionModel.PARALLEL);
        assertThat(Vocabulary.find(InterventionModel.class, "PARALLEL")).isEqualTo(InterventionModel.PARALLEL);
        assertThat(Vocabulary.find(DateType.class, "Anticipated")).isEqualTo(DateType.ESTIMATED);
        assertThat(Vocabulary.maskingLevel("Quadruple (Participant, Care Provider, Investigator, Outcomes Assessor)"))
                .isEqualTo(Masking.QUADRUPLE);
        assertThat(Vocabulary.maskingLevel("None (Open Label)")).isEqualTo(Masking.NONE);
        assertThat(Vocabulary.exactCode(InterventionModel.class, "Parallel")).isNull();
    }
}
