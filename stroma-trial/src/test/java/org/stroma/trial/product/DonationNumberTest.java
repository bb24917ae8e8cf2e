package org.stroma.trial.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DonationNumberTest {

    /** The published examples (ISBT 128 check character calculation, and one computed independently). */
    @ParameterizedTest
    @CsvSource({"G123498654321, H", "G123489654321, Y", "W123418000001, N"})
    void checkCharactersOfThePublishedExamples(String din, char check) {
        assertThat(Mod37Two.checkCharacter(din)).isEqualTo(check);
        assertThat(Mod37Two.isValid(din + check)).isTrue();
    }

    @Test
    void aNumberIsWrittenAndReadBackWithItsCheckCharacter() {
        DonationNumber din = new DonationNumber("G1234", 98, 654321, "00");
        assertThat(din.code()).isEqualTo("G123498654321");
        assertThat(din).hasToString("G1234 98 654321 00 H");
        assertThat(DonationNumber.parse("=G1234 98 654321 00 H")).isEqualTo(din);
        assertThat(DonationNumber.parse("G123498654321")).isEqualTo(din);
        assertThatThrownBy(() -> DonationNumber.parse("G1234 98 654321 00 X"))
                .hasMessageContaining("check character X does not match").hasMessageContaining("expected H");
        assertThatThrownBy(() -> new DonationNumber("12345", 26, 1, "00")).hasMessageContaining("not a facility code");
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.strings().withChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ").ofLength(13);
    }

    /** MOD 37-2 catches every single wrong character and every swap of two neighbouring different characters. */
    @Property(tries = 1000)
    void everySingleSubstitutionAndAdjacentSwapIsCaught(@ForAll("codes") String code,
            @ForAll @IntRange(min = 0, max = 12) int at, @ForAll @IntRange(min = 1, max = 35) int shift) {
        char check = Mod37Two.checkCharacter(code);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        char replaced = alphabet.charAt((alphabet.indexOf(code.charAt(at)) + shift) % 36);
        String substituted = code.substring(0, at) + replaced + code.substring(at + 1);
        assertThat(Mod37Two.isValid(substituted + check)).isFalse();
        if (at < 12 && code.charAt(at) != code.charAt(at + 1)) {
            String swapped = code.substring(0, at) + code.charAt(at + 1) + code.charAt(at) + code.substring(at + 2);
            assertThat(Mod37Two.isValid(swapped + check)).isFalse();
        }
    }
}
