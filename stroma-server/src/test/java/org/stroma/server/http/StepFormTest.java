package org.stroma.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A product step's form read back as the step's JSON. */
class StepFormTest {

    @Test
    void theFormReadsBackAsTheStepsJson() {
        ObjectNode json = StepForm.read(Map.of("n.number.year", List.of("26"), "s.number.flags", List.of("00"),
                "n.number.sequence", List.of("3"), "s.number.facility", List.of("S0001"), "s.at", List.of(""),
                "j.temperatures.readings", List.of("[{\"at\":\"2026-06-23T06:00:00Z\",\"celsius\":5}]"),
                "_csrf", List.of("token"), "type", List.of("Labelled")));
        assertThat(json.at("/number/year").asDouble()).isEqualTo(26);
        assertThat(json.at("/number/flags").isTextual()).isTrue();
        assertThat(json.at("/number/flags").asText()).isEqualTo("00");
        assertThat(json.at("/temperatures/readings/0/celsius").asInt()).isEqualTo(5);
        assertThat(json.has("at")).as("an empty field is left out").isFalse();
        assertThat(json.has("_csrf")).isFalse();
        assertThatThrownBy(() -> StepForm.read(Map.of("n.cells", List.of("lots")))).hasMessage(
                "cells: 'lots' is not a number");
    }

    @Test
    void aFieldThatIsBothAValueAndAGroupIsRefusedInEitherOrder() {
        Map<String, List<String>> valueFirst = new LinkedHashMap<>();
        valueFirst.put("s.given", List.of("x"));
        valueFirst.put("n.given.volumeMl", List.of("5"));
        Map<String, List<String>> groupFirst = new LinkedHashMap<>();
        groupFirst.put("n.given.volumeMl", List.of("5"));
        groupFirst.put("s.given", List.of("x"));
        for (Map<String, List<String>> form : List.of(valueFirst, groupFirst)) {
            assertThatThrownBy(() -> StepForm.read(form)).as(form.toString())
                    .hasMessageContaining("given is given twice, as a value and as a group of fields");
        }
    }
}
