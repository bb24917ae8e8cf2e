package org.stroma.server.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A product step's form: fields made from its template, and the JSON read back from them. */
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

    @Test
    void theFormReadsBackAsTheStepsJson() {
        ObjectNode json = StepFields.read(Map.of("n.number.year", List.of("26"), "s.number.flags", List.of("00"),
                "n.number.sequence", List.of("3"), "s.number.facility", List.of("S0001"), "s.at", List.of(""),
                "j.temperatures.readings", List.of("[{\"at\":\"2026-06-23T06:00:00Z\",\"celsius\":5}]"),
                "_csrf", List.of("token"), "type", List.of("Labelled")));
        assertThat(json.at("/number/year").asDouble()).isEqualTo(26);
        assertThat(json.at("/number/flags").isTextual()).isTrue();
        assertThat(json.at("/number/flags").asText()).isEqualTo("00");
        assertThat(json.at("/temperatures/readings/0/celsius").asInt()).isEqualTo(5);
        assertThat(json.has("at")).as("an empty field is left out").isFalse();
        assertThat(json.has("_csrf")).isFalse();
        assertThatThrownBy(() -> StepFields.read(Map.of("n.cells", List.of("lots")))).hasMessage(
                "cells: 'lots' is not a number");
    }
}
