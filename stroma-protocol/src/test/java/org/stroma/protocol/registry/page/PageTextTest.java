package org.stroma.protocol.registry.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stroma.protocol.Contact;
import org.stroma.protocol.ContactRole;

/** The small readers the page layouts share: addresses, contacts, names with degrees, run-together conditions. */
class PageTextTest {

    @Test
    void addressesSplitAroundTheCountry() {
        assertThat(Address.parse("Créteil, France, 94010")).isEqualTo(new Address("Créteil", null, "France", "94010"));
        assertThat(Address.parse("Miami, Florida, United States")).isEqualTo(
                new Address("Miami", "Florida", "United States", null));
        assertThat(Address.parse("Seoul, Korea, Republic of, 03722")).isEqualTo(
                new Address("Seoul", null, "Korea, Republic of", "03722"));
        assertThat(Address.parse("France")).isNull();
        assertThat(Address.parse("Neurology Department of Purpan Hospital")).isNull();
    }

    @Test
    void contactsWithAndWithoutPipes() {
        assertThat(ContactText.parse(" Jerôme Roncalli, MD, PhD | 05 61 32 26 13 ext +33 | roncalli.j@chu-toulouse.fr | |",
                ContactRole.CONTACT)).isEqualTo(new Contact("Jerôme Roncalli, MD, PhD", ContactRole.CONTACT,
                "05 61 32 26 13", "+33", "roncalli.j@chu-toulouse.fr"));
        assertThat(ContactText.parse(" Michel Clanet, MD,PhD    561772067 ext +33    michel.clanet@inserm.fr   ",
                ContactRole.CONTACT)).isEqualTo(new Contact("Michel Clanet, MD,PhD", ContactRole.CONTACT, "561772067",
                "+33", "michel.clanet@inserm.fr"));
        assertThat(ContactText.parse("Study Coordinator", ContactRole.CONTACT).name()).isEqualTo("Study Coordinator");
    }

    @Test
    void aNameEndsWithItsDegrees() {
        PersonText.Split split = PersonText.split("Clanet Michel, MD,PhD Neurology Department of Purpan Hospital");
        assertThat(split.name()).isEqualTo("Clanet Michel, MD,PhD");
        assertThat(split.rest()).isEqualTo("Neurology Department of Purpan Hospital");
        assertThat(PersonText.split("Antonio Uccelli, MD, University of Genova").rest()).isEqualTo("University of Genova");
        assertThat(PersonText.hasDegrees("University Hospital, Toulouse")).isFalse();
    }

    @Test
    void runTogetherConditionsSplitAtTheirHeadNouns() {
        assertThat(ConditionSplitter.split("Diabetes Mellitus Ischemic Heart Disease"))
                .containsExactly("Diabetes Mellitus", "Ischemic Heart Disease");
        assertThat(ConditionSplitter.split("Chronic Heart Failure Non-ischemic Cardiomyopathy Non-ischemic Dilated"
                + " Cardiomyopathy")).containsExactly("Chronic Heart Failure", "Non-ischemic Cardiomyopathy",
                "Non-ischemic Dilated Cardiomyopathy");
        assertThat(ConditionSplitter.split("Multiple Sclerosis")).containsExactly("Multiple Sclerosis");
        assertThat(ConditionSplitter.split("Diabetes Mellitus, Type 2")).containsExactly("Diabetes Mellitus, Type 2");
    }
}
