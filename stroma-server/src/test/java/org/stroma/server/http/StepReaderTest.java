package org.stroma.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Route;
import org.stroma.server.app.RequestException;
import org.stroma.server.app.StepContext;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.DonationNumber;

/** A labelling step takes the donation number as it is printed (as the API writes it back) or by its parts. */
class StepReaderTest {
    private static final StepContext CONTEXT = new StepContext("S1", true, Route.INTRAVENOUS, ZoneId.of("UTC"),
            Instant.parse("2026-06-01T09:00:00Z"));
    private static final DonationNumber NUMBER = new DonationNumber("S0001", 26, 42, "00");

    @Test
    void aDonationNumberAsPrintedOrByItsParts() throws Exception {
        CustodyEvent printed = read("{\"type\": \"Labelled\", \"number\": \"" + NUMBER + "\"}");
        CustodyEvent parts = read("{\"type\": \"Labelled\", \"number\": {\"facility\": \"S0001\", \"year\": 26,"
                + " \"sequence\": 42, \"flags\": \"00\"}}");
        assertThat(printed).isInstanceOf(CustodyEvent.Labelled.class);
        assertThat(((CustodyEvent.Labelled) printed).number()).isEqualTo(NUMBER);
        assertThat(((CustodyEvent.Labelled) parts).number()).isEqualTo(NUMBER);
    }

    @Test
    void aPrintedNumberWithAWrongCheckCharacterIsRefusedNamingTheField() {
        String wrong = NUMBER.toString().substring(0, NUMBER.toString().length() - 1)
                + (NUMBER.checkCharacter() == 'A' ? 'B' : 'A');
        assertThatThrownBy(() -> read("{\"type\": \"Labelled\", \"number\": \"" + wrong + "\"}"))
                .isInstanceOfSatisfying(RequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("number");
                    assertThat(e.getMessage()).contains("check character");
                });
    }

    private static CustodyEvent read(String json) throws Exception {
        JsonNode body = Web.JSON.readTree(json);
        return new StepReader("celllab", CONTEXT).read(body);
    }
}
