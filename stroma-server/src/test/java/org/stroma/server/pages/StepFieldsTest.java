package org.stroma.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A product step's form: fields made from its template. */
class StepFieldsTest {

    @Test
    void eachTemplateValueHasAFieldNamedByItsPlaceAndKind() {
        String html = StepFields.render("S1-P1", "Labelled", StepTemplates.of("Labelled", "S1"));
        assertThat(html).contains("data-step=\"Labelled\"", "name=\"s.number.facility\"", "name=\"n.number.year\"",
                "name=\"s.number.flags\" value=\"00\"", "name=\"s.at\"", "<legend>number</legend>");
        assertThat(StepFields.render("S1-P1", "Tested", StepTemplates.of("Tested", "S1")))
                .contains("<select id=\"f-results.sterility\" name=\"s.results.sterility\">",
                        "name=\"n.results.markers.CD73\"");
        assertThat(StepFields.render("S1-P1", "Administered", StepTemplates.of("Administered", "S1")))
                .contains("name=\"s.given.route\"", "name=\"s.start\"").doesNotContain("name=\"s.at\"");
    }
}
